import { describe, expect, it } from 'vitest';
import { canonicalQueryString, parseQuery } from './canonical-query.js';

describe('canonicalQueryString', () => {
  it('sorts by name, then by value for repeated names', () => {
    expect(canonicalQueryString('Param1=value2&Param1=Value1')).toBe('Param1=Value1&Param1=value2');
    expect(canonicalQueryString('b=2&a=3&a=1')).toBe('a=1&a=3&b=2');
  });

  it('sorts by name before value, even when the name shares a prefix (a < a-b)', () => {
    // Sorting whole "name=value" strings would put a-b=1 first, since "-" < "=".
    expect(canonicalQueryString('a-b=1&a=1')).toBe('a=1&a-b=1');
  });

  it('gives a name without "=" the empty value, and skips empty pieces', () => {
    expect(canonicalQueryString('b&&a=&c')).toBe('a=&b=&c=');
  });

  it('keeps an empty name', () => {
    expect(canonicalQueryString('=v&a=1')).toBe('=v&a=1');
  });

  it('decodes then re-encodes: the same parameter spelt two ways signs the same', () => {
    expect(canonicalQueryString('k=%7e%2f%20')).toBe(canonicalQueryString('k=~/ '));
    expect(canonicalQueryString('k=~/ ')).toBe('k=~%2F%20');
  });

  it('takes + as a literal plus, not a space', () => {
    expect(canonicalQueryString('a=b+c')).toBe('a=b%2Bc');
  });

  it('encodes raw UTF-8 names and sorts by the encoded form', () => {
    expect(canonicalQueryString('Param-3=Value3&Param=Value2&ሴ=Value1')).toBe(
      '%E1%88%B4=Value1&Param=Value2&Param-3=Value3',
    );
  });

  it('returns the empty string for no query', () => {
    expect(canonicalQueryString('')).toBe('');
    expect(parseQuery('')).toEqual([]);
  });
});
