// The value rules that compiled JMESPath accessors call: field access, projections, flattening,
// comparisons, truthiness and the built-in functions, as the JMESPath specification defines them.
// The generator compiles waiter and resource paths to TypeScript that imports these by name from
// `@boto-ts/core/jmespath`, so the SDK never parses JMESPath at run time.

/** A JMESPath function received an argument of the wrong type (JMESPath's invalid-type error). */
export class JmespathTypeError extends TypeError {
  override readonly name = 'JmespathTypeError';
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63]! : '=';
  }
  return out;
}

/**
 * Maps an SDK value to the JMESPath data model (Smithy's rules): missing is null, a timestamp is
 * epoch seconds, a blob is a base64 string. Everything else is already JSON-like.
 */
export function toJmespath(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.getTime() / 1000;
  if (value instanceof Uint8Array) return base64(value);
  return value;
}

/** `value.name`; null unless value is an object that has the member. */
export function field(value: unknown, name: string): unknown {
  return isObject(value) && Object.hasOwn(value, name) ? toJmespath(value[name]) : null;
}

/** `value[i]`, negative from the end; null when out of range or not a list. */
export function index(value: unknown, i: number): unknown {
  if (!Array.isArray(value)) return null;
  const at = i < 0 ? value.length + i : i;
  return at >= 0 && at < value.length ? toJmespath(value[at]) : null;
}

/** `value[start:stop:step]` with the specification's defaults and clamping. */
export function slice(
  value: unknown,
  start: number | null,
  stop: number | null,
  step: number | null,
): unknown {
  if (!Array.isArray(value)) return null;
  const length = value.length;
  const by = step ?? 1;
  const clamp = (n: number | null, fallback: number): number => {
    if (n === null) return fallback;
    if (n < 0) return Math.max(n + length, by < 0 ? -1 : 0);
    return Math.min(n, by < 0 ? length - 1 : length);
  };
  const from = clamp(start, by < 0 ? length - 1 : 0);
  const to = clamp(stop, by < 0 ? -1 : length);
  const out: unknown[] = [];
  if (by > 0) for (let i = from; i < to; i += by) out.push(toJmespath(value[i]));
  else for (let i = from; i > to; i += by) out.push(toJmespath(value[i]));
  return out;
}

function collect(elements: readonly unknown[], each?: (element: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  for (const element of elements) {
    const result = each ? each(toJmespath(element)) : toJmespath(element);
    if (result !== null) out.push(result);
  }
  return out;
}

/** A list projection (`a[*].b`, `a[].b`): `each` per element, null results dropped. */
export function project(value: unknown, each?: (element: unknown) => unknown): unknown {
  return Array.isArray(value) ? collect(value, each) : null;
}

/** An object projection (`a.*.b`): `each` per member value, null results dropped. */
export function projectValues(value: unknown, each?: (element: unknown) => unknown): unknown {
  return isObject(value) ? collect(Object.values(value), each) : null;
}

/** A filter projection (`a[?cond].b`). */
export function filter(
  value: unknown,
  condition: (element: unknown) => unknown,
  each?: (element: unknown) => unknown,
): unknown {
  if (!Array.isArray(value)) return null;
  return collect(
    value.filter((element) => truthy(condition(toJmespath(element)))),
    each,
  );
}

/** `a[]`: one level of nested lists merged into the list. */
export function flatten(value: unknown): unknown {
  if (!Array.isArray(value)) return null;
  const out: unknown[] = [];
  for (const element of value) {
    if (Array.isArray(element)) for (const inner of element) out.push(toJmespath(inner));
    else out.push(toJmespath(element));
  }
  return out;
}

/** Evaluates `body` once with `value` bound (used when an expression reads its input twice). */
export function apply<T>(value: unknown, body: (bound: unknown) => T): T {
  return body(value);
}

/** `[a, b]`: null when the input is null. */
export function multiList(value: unknown, items: (bound: unknown) => unknown[]): unknown {
  return value === null ? null : items(value);
}

/** `{k: a}`: null when the input is null. */
export function multiHash(value: unknown, entries: (bound: unknown) => Record<string, unknown>): unknown {
  return value === null ? null : entries(value);
}

/** JMESPath truthiness: false, null, empty string, empty list and empty object are false. */
export function truthy(value: unknown): boolean {
  if (value === null || value === undefined || value === false || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObject(value)) return Object.keys(value).length > 0;
  return true;
}

export function or(left: unknown, right: () => unknown): unknown {
  return truthy(left) ? left : right();
}

export function and(left: unknown, right: () => unknown): unknown {
  return truthy(left) ? right() : left;
}

export function not(value: unknown): boolean {
  return !truthy(value);
}

/** Strict deep equality (`==`): same type and same value; object member order does not matter. */
export function eq(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((item, i) => eq(item, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every((key) => Object.hasOwn(b, key) && eq(a[key], b[key]))
    );
  }
  return false;
}

export function ne(a: unknown, b: unknown): boolean {
  return !eq(a, b);
}

// Ordering compares two numbers or two strings (as botocore's JMESPath does); any other pair gives
// null, not false.
function ordered(a: unknown, b: unknown): boolean {
  return (typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string');
}
export function lt(a: unknown, b: unknown): boolean | null {
  return ordered(a, b) ? (a as number) < (b as number) : null;
}
export function lte(a: unknown, b: unknown): boolean | null {
  return ordered(a, b) ? (a as number) <= (b as number) : null;
}
export function gt(a: unknown, b: unknown): boolean | null {
  return ordered(a, b) ? (a as number) > (b as number) : null;
}
export function gte(a: unknown, b: unknown): boolean | null {
  return ordered(a, b) ? (a as number) >= (b as number) : null;
}

// ---- built-in functions (fn* = the JMESPath function of that name) ----

type JmespathType = 'number' | 'string' | 'boolean' | 'array' | 'object' | 'null';

function typeOf(value: unknown): JmespathType {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return 'object';
}

function invalid(name: string, position: number, expected: string, value: unknown): never {
  throw new JmespathTypeError(
    `${name}() expected argument ${position} to be ${expected}, received ${typeOf(value)}`,
  );
}

function numbers(name: string, value: unknown): number[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'number')) {
    invalid(name, 1, 'an array of numbers', value);
  }
  return value as number[];
}

function number(name: string, value: unknown): number {
  if (typeof value !== 'number') invalid(name, 1, 'a number', value);
  return value as number;
}

function string(name: string, position: number, value: unknown): string {
  if (typeof value !== 'string') invalid(name, position, 'a string', value);
  return value as string;
}

/** Strings count code points, lists their items, objects their members. */
export function fnLength(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  if (isObject(value)) return Object.keys(value).length;
  return invalid('length', 1, 'a string, array or object', value);
}

export function fnContains(subject: unknown, search: unknown): boolean {
  if (Array.isArray(subject)) return subject.some((item) => eq(item, search));
  if (typeof subject === 'string') return typeof search === 'string' && subject.includes(search);
  return invalid('contains', 1, 'an array or string', subject);
}

export function fnStartsWith(subject: unknown, prefix: unknown): boolean {
  return string('starts_with', 1, subject).startsWith(string('starts_with', 2, prefix));
}

export function fnEndsWith(subject: unknown, suffix: unknown): boolean {
  return string('ends_with', 1, subject).endsWith(string('ends_with', 2, suffix));
}

export function fnNotNull(...values: unknown[]): unknown {
  for (const value of values) if (value !== null && value !== undefined) return value;
  return null;
}

export function fnType(value: unknown): string {
  return typeOf(value);
}

export function fnToString(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const NUMBER_TEXT = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export function fnToNumber(value: unknown): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && NUMBER_TEXT.test(value)) return Number(value);
  return null;
}

export function fnToArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

export function fnAbs(value: unknown): number {
  return Math.abs(number('abs', value));
}

export function fnCeil(value: unknown): number {
  return Math.ceil(number('ceil', value));
}

export function fnFloor(value: unknown): number {
  return Math.floor(number('floor', value));
}

export function fnKeys(value: unknown): string[] {
  if (!isObject(value)) invalid('keys', 1, 'an object', value);
  return Object.keys(value as Record<string, unknown>);
}

export function fnValues(value: unknown): unknown[] {
  if (!isObject(value)) invalid('values', 1, 'an object', value);
  return Object.values(value as Record<string, unknown>).map(toJmespath);
}

function comparableList(name: string, value: unknown): number[] | string[] {
  if (
    Array.isArray(value) &&
    (value.every((item) => typeof item === 'number') || value.every((item) => typeof item === 'string'))
  ) {
    return value as number[] | string[];
  }
  return invalid(name, 1, 'an array of numbers or an array of strings', value);
}

export function fnMax(value: unknown): number | string | null {
  const items = comparableList('max', value);
  let best: number | string | null = null;
  for (const item of items) if (best === null || item > best) best = item;
  return best;
}

export function fnMin(value: unknown): number | string | null {
  const items = comparableList('min', value);
  let best: number | string | null = null;
  for (const item of items) if (best === null || item < best) best = item;
  return best;
}

export function fnSum(value: unknown): number {
  return numbers('sum', value).reduce((total, item) => total + item, 0);
}

export function fnAvg(value: unknown): number | null {
  const items = numbers('avg', value);
  return items.length === 0 ? null : fnSum(items) / items.length;
}

export function fnJoin(glue: unknown, value: unknown): string {
  const separator = string('join', 1, glue);
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    invalid('join', 2, 'an array of strings', value);
  }
  return (value as string[]).join(separator);
}

export function fnReverse(value: unknown): unknown {
  if (typeof value === 'string') return [...value].reverse().join('');
  if (Array.isArray(value)) return [...value].reverse();
  return invalid('reverse', 1, 'an array or string', value);
}

export function fnSort(value: unknown): unknown[] {
  const items = comparableList('sort', value);
  return [...items].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
