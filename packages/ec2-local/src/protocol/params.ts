// Typed reads of EC2 query parameters. The wire flattens everything: lists are `Name.1`, `Name.2`,
// structures are `Name.Member`, so `Filter.1.Value.2` is the second value of the first filter.
// A `Params` is a view of those keys under a prefix; readers throw EC2's parameter errors.

import { invalidValueFor, missingParameter } from './errors.js';

const INTEGER = /^-?\d+$/;

export class Params {
  readonly #entries: ReadonlyMap<string, string>;
  readonly #prefix: string;

  constructor(entries: ReadonlyMap<string, string>, prefix = '') {
    this.#entries = entries;
    this.#prefix = prefix;
  }

  /** Builds the parameter map from decoded pairs; the first occurrence of a key wins. */
  static fromPairs(pairs: Iterable<readonly [string, string]>): Params {
    const map = new Map<string, string>();
    for (const [key, value] of pairs) if (!map.has(key)) map.set(key, value);
    return new Params(map);
  }

  /** The full wire name of a member of this view (for error messages). */
  path(name: string): string {
    return this.#prefix + name;
  }

  /** True when the member is present as a value or as the prefix of nested keys. */
  has(name: string): boolean {
    const key = this.#prefix + name;
    if (this.#entries.has(key)) return true;
    for (const k of this.#entries.keys()) if (k.startsWith(`${key}.`)) return true;
    return false;
  }

  string(name: string): string | undefined {
    return this.#entries.get(this.#prefix + name);
  }

  requiredString(name: string): string {
    const value = this.string(name);
    if (value === undefined || value === '') throw missingParameter(this.path(name));
    return value;
  }

  integer(name: string, bounds: { min?: number; max?: number } = {}): number | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (!INTEGER.test(text)) throw invalidValueFor(this.path(name), text, 'Expecting an integer.');
    const value = Number(text);
    if (!Number.isSafeInteger(value))
      throw invalidValueFor(this.path(name), text, 'The number is too large.');
    if (bounds.min !== undefined && value < bounds.min) {
      throw invalidValueFor(
        this.path(name),
        text,
        `Expecting a value greater than or equal to ${bounds.min}.`,
      );
    }
    if (bounds.max !== undefined && value > bounds.max) {
      throw invalidValueFor(this.path(name), text, `Expecting a value less than or equal to ${bounds.max}.`);
    }
    return value;
  }

  requiredInteger(name: string, bounds: { min?: number; max?: number } = {}): number {
    const value = this.integer(name, bounds);
    if (value === undefined) throw missingParameter(this.path(name));
    return value;
  }

  boolean(name: string): boolean | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    const lower = text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    throw invalidValueFor(this.path(name), text, 'Expecting true or false.');
  }

  /** One of `allowed`, or undefined when absent. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const text = this.string(name);
    if (text === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(text)) {
      throw invalidValueFor(this.path(name), text, `Expecting one of: ${allowed.join(', ')}.`);
    }
    return text as T;
  }

  /** The numeric indexes present under `name.` in ascending order. */
  #indexes(name: string): number[] {
    const head = `${this.#prefix}${name}.`;
    const seen = new Set<number>();
    for (const key of this.#entries.keys()) {
      if (!key.startsWith(head)) continue;
      const rest = key.slice(head.length);
      const dot = rest.indexOf('.');
      const segment = dot < 0 ? rest : rest.slice(0, dot);
      if (/^\d+$/.test(segment)) seen.add(Number(segment));
    }
    return [...seen].sort((a, b) => a - b);
  }

  /** A flattened list of strings: `name.1`, `name.2`, ... */
  list(name: string): string[] {
    const out: string[] = [];
    for (const index of this.#indexes(name)) {
      const value = this.#entries.get(`${this.#prefix}${name}.${index}`);
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  /** A flattened list of structures: one view per `name.N.` prefix. */
  structs(name: string): Params[] {
    return this.#indexes(name).map((index) => new Params(this.#entries, `${this.#prefix}${name}.${index}.`));
  }

  /** A nested structure `name.Member`, or undefined when no member of it is present. */
  struct(name: string): Params | undefined {
    return this.has(name) ? new Params(this.#entries, `${this.#prefix}${name}.`) : undefined;
  }

  /**
   * A stable text of every parameter except `exclude`d top-level names: what "the same request" means
   * for ClientToken idempotency.
   */
  fingerprint(exclude: readonly string[]): string {
    const rows: string[] = [];
    for (const [key, value] of this.#entries) {
      if (!key.startsWith(this.#prefix)) continue;
      const local = key.slice(this.#prefix.length);
      const top = local.split('.')[0]!;
      if (exclude.includes(top)) continue;
      rows.push(`${local}=${value}`);
    }
    return rows.sort().join('\n');
  }
}
