// Scalar values from response text: the one place that turns element text into booleans, numbers,
// Dates and bytes. Both decoders (the built-in one and the fast-xml-parser fallback) use it, so they
// can only differ in how they read the document, never in what a value means.
//
// Empty text for a number, boolean or timestamp means "no value" (the member is left out); text that is
// not a valid value is an error. Longs are JavaScript numbers: values beyond 2^53 lose precision, as in
// the v3 SDK.

import type { ScalarSchema } from '../protocol/schema.js';
import { parseCommonIso8601, parseTimestamp } from '../protocol/timestamps.js';
import { SCALAR_BOOLEAN, SCALAR_INTEGER, SCALAR_TIMESTAMP } from './lookup.js';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const WHITESPACE = /[\t\n\r ]+/g;

/** Returned by convertScalar for text that is not a valid value of the scalar's kind. */
export const INVALID: unique symbol = Symbol('invalid scalar');

/** The typed value of `text`, undefined for "no value", or INVALID (see invalidScalarMessage). */
export function convertScalar(text: string, schema: ScalarSchema): unknown {
  switch (schema.kind) {
    case 'string':
      return text;
    case 'boolean': {
      const t = text.trim();
      if (t === 'true' || t === '1') return true;
      if (t === 'false' || t === '0') return false;
      if (t === '') return undefined;
      return INVALID;
    }
    case 'integer':
    case 'long': {
      const t = text.trim();
      if (t === '') return undefined;
      if (!INTEGER.test(t)) return INVALID;
      const n = Number(t);
      return n === 0 ? 0 : Number.isFinite(n) ? n : INVALID;
    }
    case 'float':
    case 'double': {
      const t = text.trim();
      if (t === '') return undefined;
      if (DECIMAL.test(t)) {
        const n = Number(t);
        return n === 0 ? 0 : n;
      }
      if (t === 'NaN') return Number.NaN;
      if (t === 'Infinity' || t === '+Infinity' || t === 'INF') return Number.POSITIVE_INFINITY;
      if (t === '-Infinity' || t === '-INF') return Number.NEGATIVE_INFINITY;
      return INVALID;
    }
    case 'timestamp': {
      const t = text.trim();
      if (t === '') return undefined;
      return parseTimestamp(t, schema.timestampFormat) ?? INVALID;
    }
    case 'blob': {
      const t = text.replace(WHITESPACE, '');
      if (!BASE64.test(t)) return INVALID;
      return new Uint8Array(Buffer.from(t, 'base64'));
    }
  }
}

/** `expected integer, got "abc"`. */
export function invalidScalarMessage(text: string, schema: ScalarSchema): string {
  const t = text.trim();
  const shown = JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}...` : t);
  const expected =
    schema.kind === 'blob' ? 'base64 data' : schema.kind === 'timestamp' ? 'a timestamp' : schema.kind;
  return `expected ${expected}, got ${shown}`;
}

/**
 * The common cases of convertScalar read in place from `src[start, end)` (plain text: no entities, no
 * CR): `true`/`false`, plain decimal integers, and the usual ISO 8601 timestamps. Returns NOT_HANDLED for
 * anything else; the caller then makes the string and uses convertScalar, so both agree by construction.
 */
export const NOT_HANDLED: unique symbol = Symbol('not handled in place');

export function convertScalarInPlace(src: string, start: number, end: number, scalar: number): unknown {
  switch (scalar) {
    case SCALAR_BOOLEAN:
      if (end - start === 4 && src.startsWith('true', start)) return true;
      if (end - start === 5 && src.startsWith('false', start)) return false;
      return NOT_HANDLED;
    case SCALAR_INTEGER: {
      const length = end - start;
      if (length === 0 || length > 15) return NOT_HANDLED;
      let n = 0;
      for (let i = start; i < end; i++) {
        const d = src.charCodeAt(i) - 48;
        if (d < 0 || d > 9) return NOT_HANDLED;
        n = n * 10 + d;
      }
      return n;
    }
    case SCALAR_TIMESTAMP: {
      const ms = parseCommonIso8601(src, start, end);
      return ms === undefined ? NOT_HANDLED : new Date(ms);
    }
    default:
      return NOT_HANDLED;
  }
}
