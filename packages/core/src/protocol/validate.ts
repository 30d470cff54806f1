// validateInput: checks a caller's input against the operation's schema before anything is sent, and
// reports every problem at once with its path (`BlockDeviceMappings[0].Ebs.VolumeSize: expected integer,
// got string`). It checks what botocore checks: required members, types, unknown members, and the
// model's `min` (string length, list length, number value); not enums, `max` or patterns, which change
// faster than clients are upgraded. `undefined` and `null` mean "not set".
//
// Accepted values: strings; booleans; integers and longs as safe integers (longs also as bigint);
// floats and doubles as any number (NaN and the infinities included); timestamps as a Date, an ISO 8601
// string or epoch seconds; blobs as a Uint8Array, an ArrayBuffer (or view) or a string (its UTF-8 bytes);
// lists as arrays; maps and structures as plain objects.

import { ValidationError, type ValidationProblem } from '../errors/errors.js';
import { hasLoneSurrogate, inputToDate } from './input-values.js';
import { membersByName } from './member-index.js';
import {
  MEMBER_HOST_LABEL,
  MEMBER_IDEMPOTENCY_TOKEN,
  MEMBER_REQUIRED,
  memberHas,
  memberName,
  memberSchema,
  type OperationSchema,
  resolveSchema,
  type ScalarSchema,
  type Schema,
  type StructureSchema,
} from './schema.js';

/** A valid DNS label: what a host-label member may hold (it becomes part of the endpoint's host name). */
export const HOST_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/** Throws a ValidationError listing every problem with `input`; returns normally when it is valid. */
export function validateInput(operation: OperationSchema, input: unknown): void {
  const problems: ValidationProblem[] = [];
  const schema = operation.input;
  if (input === undefined || input === null) {
    if (schema !== undefined) checkStructure(schema, {}, '', problems);
  } else if (!isRecord(input)) {
    problems.push({
      path: '',
      message: `expected an object with the operation's parameters, got ${describe(input)}`,
    });
  } else if (schema === undefined) {
    for (const key of Object.keys(input))
      if (input[key] !== undefined && input[key] !== null)
        problems.push({ path: key, message: `unknown member: ${operation.name} takes no parameters` });
  } else checkStructure(schema, input, '', problems);
  if (problems.length > 0) throw new ValidationError(operation.name, problems);
}

function checkStructure(
  schema: StructureSchema,
  value: Record<string, unknown>,
  path: string,
  problems: ValidationProblem[],
): void {
  const index = membersByName(schema);
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    const member = index.get(key);
    const memberPath = path === '' ? key : `${path}.${key}`;
    if (member === undefined) {
      problems.push({ path: memberPath, message: unknownMemberMessage(key, schema) });
      continue;
    }
    checkValue(memberSchema(member), v, memberPath, problems);
    if (memberHas(member, MEMBER_HOST_LABEL) && (typeof v !== 'string' || !HOST_LABEL.test(v)))
      problems.push({
        path: memberPath,
        message:
          'must be a valid host name label (1-63 letters, digits or hyphens, not starting or ending with a hyphen)',
      });
  }
  for (const member of schema.members) {
    if (!memberHas(member, MEMBER_REQUIRED) || memberHas(member, MEMBER_IDEMPOTENCY_TOKEN)) continue;
    const name = memberName(member);
    const v = Object.hasOwn(value, name) ? value[name] : undefined;
    if (v === undefined || v === null)
      problems.push({ path: path === '' ? name : `${path}.${name}`, message: 'missing required member' });
  }
}

function checkValue(schema: Schema, value: unknown, path: string, problems: ValidationProblem[]): void {
  switch (schema.kind) {
    case 'structure':
      if (!isRecord(value))
        problems.push({ path, message: `expected an object (${schema.name}), got ${describe(value)}` });
      else checkStructure(schema, value, path, problems);
      return;
    case 'list': {
      if (!Array.isArray(value)) {
        problems.push({ path, message: `expected an array, got ${describe(value)}` });
        return;
      }
      if (schema.min !== undefined && value.length < schema.min)
        problems.push({ path, message: `must have at least ${schema.min} item(s), got ${value.length}` });
      const member = resolveSchema(schema.member);
      value.forEach((item, i) => {
        if (item === undefined || item === null)
          problems.push({ path: `${path}[${i}]`, message: `expected a list item, got ${describe(item)}` });
        else checkValue(member, item, `${path}[${i}]`, problems);
      });
      return;
    }
    case 'map': {
      if (!isRecord(value)) {
        problems.push({ path, message: `expected an object (a map), got ${describe(value)}` });
        return;
      }
      const keys = Object.keys(value);
      if (schema.min !== undefined && keys.length < schema.min)
        problems.push({ path, message: `must have at least ${schema.min} entr(ies), got ${keys.length}` });
      const valueSchema = resolveSchema(schema.value);
      for (const key of keys) {
        const v = value[key];
        if (v !== undefined && v !== null)
          checkValue(valueSchema, v, `${path}[${JSON.stringify(key)}]`, problems);
      }
      return;
    }
    default: {
      const message = scalarProblem(schema, value);
      if (message !== undefined) problems.push({ path, message });
    }
  }
}

/** What is wrong with a scalar value, or undefined when it is acceptable. */
function scalarProblem(schema: ScalarSchema, value: unknown): string | undefined {
  switch (schema.kind) {
    case 'string':
      if (typeof value !== 'string') return `expected string, got ${describe(value)}`;
      if (hasLoneSurrogate(value))
        return 'contains an unpaired UTF-16 surrogate, which cannot be encoded as UTF-8';
      if (schema.min !== undefined && codePointLength(value) < schema.min)
        return `must be at least ${schema.min} character(s) long, got ${codePointLength(value)}`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `expected boolean, got ${describe(value)}`;
    case 'integer':
    case 'long': {
      if (typeof value === 'bigint' && schema.kind === 'long') return minProblem(schema, Number(value));
      const expected = schema.kind === 'long' ? 'integer (long)' : 'integer';
      if (typeof value !== 'number') return `expected ${expected}, got ${describe(value)}`;
      if (!Number.isFinite(value)) return `expected ${expected}, got ${value}`;
      if (!Number.isInteger(value)) return `expected ${expected}, got a number with a fraction`;
      if (!Number.isSafeInteger(value))
        return `expected ${expected}, got a number beyond 2^53 that JavaScript cannot hold exactly${schema.kind === 'long' ? ' (pass a bigint)' : ''}`;
      return minProblem(schema, value);
    }
    case 'float':
    case 'double':
      if (typeof value !== 'number') return `expected number, got ${describe(value)}`;
      return minProblem(schema, value);
    case 'timestamp':
      if (inputToDate(value) !== undefined) return undefined;
      return `expected a Date, an ISO 8601 string or epoch seconds, got ${
        typeof value === 'string' ? 'a string that is not an ISO 8601 date' : describe(value)
      }`;
    case 'blob':
      if (typeof value === 'string') {
        return hasLoneSurrogate(value)
          ? 'contains an unpaired UTF-16 surrogate, which cannot be encoded as UTF-8'
          : undefined;
      }
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return undefined;
      return `expected Uint8Array, ArrayBuffer or string, got ${describe(value)}`;
  }
}

function minProblem(schema: ScalarSchema, value: number): string | undefined {
  return schema.min !== undefined && value < schema.min
    ? `must be >= ${schema.min}, got ${value}`
    : undefined;
}

function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) length--;
  }
  return length;
}

function unknownMemberMessage(key: string, schema: StructureSchema): string {
  const names = schema.members.map(memberName);
  const lower = key.toLowerCase();
  const suggestion =
    names.find((n) => n.toLowerCase() === lower) ??
    names
      .map((n) => ({ n, d: editDistance(lower, n.toLowerCase()) }))
      .filter((c) => c.d <= 2)
      .sort((a, b) => a.d - b.d)[0]?.n;
  if (suggestion !== undefined) return `unknown member (did you mean ${suggestion}?)`;
  if (names.length === 0) return `unknown member: ${schema.name} has no members`;
  if (names.length <= 12) return `unknown member; ${schema.name} has ${names.join(', ')}`;
  return `unknown member of ${schema.name}`;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** Plain objects only: not arrays, Dates, binary data, Maps or Sets. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof ArrayBuffer) &&
    !ArrayBuffer.isView(value) &&
    !(value instanceof Map) &&
    !(value instanceof Set)
  );
}

/**
 * The type of a value, for messages: `string`, `number`, `array`, `Date`, `Uint8Array`... Never the value
 * itself, which may be a secret.
 */
function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'Date';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== '' && name !== 'Object' ? name : 'object';
  }
  return typeof value;
}
