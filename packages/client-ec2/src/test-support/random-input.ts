// Random valid inputs for an operation, generated from the model: required members always, optional
// ones by chance (less often deeper down), enums from their values, strings with characters that
// need percent-encoding, numbers within `min`/`max`, lists within `min`. Deterministic per seed.

import type { ModelShape, ServiceModel, StructureShape } from '@boto-ts/codegen';
import type { Random } from './prng.js';

export interface InputOptions {
  /** Deepest structure level at which optional members still appear (default 4). */
  readonly maxDepth?: number;
  /** Always fill idempotency tokens, so two serializers can be compared (default true). */
  readonly fillIdempotencyTokens?: boolean;
}

const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.';
/** Characters that exercise form encoding: space, reserved, non-ASCII (2, 3 and 4 UTF-8 bytes). */
const awkward = [
  ' ',
  '&',
  '=',
  '+',
  '/',
  '?',
  '%',
  '*',
  '~',
  "'",
  '"',
  '<',
  '>',
  'é',
  '€',
  '日',
  '😀',
  ':',
  '#',
  '@',
];

function randomString(random: Random, min = 0, max = 24): string {
  const length = random.int(Math.max(min, 1), Math.max(min, Math.min(max, 24)));
  let text = '';
  for (let i = 0; i < length; i++)
    text += random.chance(0.15) ? random.pick(awkward) : random.pick([...alphabet]);
  // Keep at least `min` code points even when an emoji was picked (2 UTF-16 units, 1 code point).
  return text;
}

function randomNumber(random: Random, shape: ModelShape & { min?: number; max?: number }): number {
  const min = shape.min ?? 0;
  const max = shape.max ?? Math.max(min + 1000, 1000);
  switch (shape.type) {
    case 'long':
      return random.chance(0.2) ? random.int(2 ** 31, 2 ** 40) : random.int(min, Math.min(max, 2 ** 31));
    case 'float':
    case 'double': {
      const whole = random.int(Math.ceil(min), Math.max(Math.ceil(min), Math.floor(Math.min(max, 10_000))));
      return random.chance(0.3) ? whole : whole + random.pick([0.5, 0.25, 0.125, 0.1, 0.75]);
    }
    default:
      return random.int(min, Math.min(max, 2 ** 31 - 1));
  }
}

function randomDate(random: Random): Date {
  const seconds = random.int(946_684_800, 2_000_000_000);
  return new Date(seconds * 1000);
}

export class RandomInputGenerator {
  constructor(
    private readonly model: ServiceModel,
    private readonly options: InputOptions = {},
  ) {}

  /** A random valid input for `operation` (an empty object when the operation has no input). */
  input(operation: string, random: Random): Record<string, unknown> {
    const shapeName = this.model.operations[operation]?.input?.shape;
    if (shapeName === undefined) return {};
    return this.structure(this.structureShape(shapeName), random, 0) as Record<string, unknown>;
  }

  private structureShape(name: string): StructureShape {
    const shape = this.model.shapes[name];
    if (shape?.type !== 'structure') throw new Error(`${name} is not a structure`);
    return shape;
  }

  private structure(shape: StructureShape, random: Random, depth: number): Record<string, unknown> {
    const maxDepth = this.options.maxDepth ?? 4;
    const required = new Set(shape.required ?? []);
    const out: Record<string, unknown> = {};
    const optionalChance = depth === 0 ? 0.6 : depth >= maxDepth ? 0 : 0.45 / depth;
    for (const [name, member] of Object.entries(shape.members)) {
      const token = member.idempotencyToken === true && (this.options.fillIdempotencyTokens ?? true);
      if (!required.has(name) && !token && !random.chance(optionalChance)) continue;
      out[name] = token ? `token-${random.int(0, 1e9)}` : this.value(member.shape, random, depth + 1);
    }
    return out;
  }

  value(shapeName: string, random: Random, depth: number): unknown {
    const shape = this.model.shapes[shapeName];
    if (!shape) throw new Error(`unknown shape ${shapeName}`);
    switch (shape.type) {
      case 'structure':
        return this.structure(shape, random, depth);
      case 'list': {
        const min = shape.min ?? 0;
        const max = depth >= (this.options.maxDepth ?? 4) ? Math.max(min, 1) : 3;
        const length = random.int(Math.max(min, random.chance(0.1) ? 0 : 1), Math.max(min, max));
        return Array.from({ length }, () => this.value(shape.member.shape, random, depth));
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        for (let i = random.int(Math.max(shape.min ?? 0, 1), 2); i > 0; i--)
          out[randomString(random, 1, 8)] = this.value(shape.value.shape, random, depth);
        return out;
      }
      case 'string':
        if (shape.enum && shape.enum.length > 0) return random.pick(shape.enum);
        return randomString(random, shape.min, shape.max);
      case 'boolean':
        return random.chance(0.5);
      case 'timestamp':
        return randomDate(random);
      case 'blob': {
        const bytes = new Uint8Array(random.int(Math.max(shape.min ?? 0, 1), 12));
        for (let i = 0; i < bytes.length; i++) bytes[i] = random.int(0, 255);
        return bytes;
      }
      default:
        return randomNumber(random, shape);
    }
  }
}
