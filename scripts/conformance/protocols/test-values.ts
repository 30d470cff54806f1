// The protocol tests' value notation and ours: test params and results write timestamps as epoch
// seconds, blobs as text and special floats as "NaN"/"Infinity"; inputs and outputs hold Dates,
// Uint8Arrays and numbers.

import { resolveSchema, type Schema } from '@boto-ts/core';

/** Test params -> an input: timestamps to Dates, blobs to bytes, "NaN"/"Infinity" to numbers. */
export function fromTestValues(value: unknown, schema: Schema): unknown {
  if (value === null || value === undefined) return value;
  switch (schema.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const member = schema.members.find((m) => m[0] === key);
        out[key] = member === undefined ? record[key] : fromTestValues(record[key], resolveSchema(member[1]));
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => fromTestValues(item, resolveSchema(schema.member)));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        out[k] = fromTestValues(v, resolveSchema(schema.value));
      return out;
    }
    case 'timestamp':
      return new Date((value as number) * 1000);
    case 'blob':
      return typeof value === 'string' ? new TextEncoder().encode(value) : value;
    case 'float':
    case 'double':
      return typeof value === 'string' ? Number(value) : value;
    default:
      return value;
  }
}

/** An output -> the tests' notation: epoch seconds, blobs as text, special floats as strings. */
export function toTestValues(value: unknown, schema: Schema): unknown {
  if (value === null || value === undefined) return value;
  switch (schema.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const member = schema.members.find((m) => m[0] === key);
        out[key] = member === undefined ? v : toTestValues(v, resolveSchema(member[1]));
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => toTestValues(item, resolveSchema(schema.member)));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        out[k] = toTestValues(v, resolveSchema(schema.value));
      return out;
    }
    case 'timestamp':
      return (value as Date).getTime() / 1000;
    case 'blob':
      return value instanceof Uint8Array ? new TextDecoder().decode(value) : value;
    case 'float':
    case 'double':
      return Number.isFinite(value) ? value : String(value);
    default:
      return value;
  }
}

export function differs(expected: unknown, actual: unknown): string {
  return `\n      expected ${JSON.stringify(expected)}\n      actual   ${JSON.stringify(actual)}`;
}
