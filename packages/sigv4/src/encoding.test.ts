import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recodePercent, uriEncode } from './encoding.js';

/** An independent reference: encodeURIComponent plus the five characters it leaves alone. */
function reference(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

describe('uriEncode', () => {
  it('keeps only A-Z a-z 0-9 - . _ ~ and writes a space as %20', () => {
    expect(uriEncode('-._~AZaz09')).toBe('-._~AZaz09');
    expect(uriEncode("a b+c/d!'()*%")).toBe('a%20b%2Bc%2Fd%21%27%28%29%2A%25');
  });

  it('keeps / only when asked (paths)', () => {
    expect(uriEncode('/a b/', true)).toBe('/a%20b/');
    expect(uriEncode('/a b/', false)).toBe('%2Fa%20b%2F');
  });

  it('encodes each UTF-8 byte, upper-case, including 4-byte code points', () => {
    expect(uriEncode('ሴ')).toBe('%E1%88%B4');
    expect(uriEncode('é😀')).toBe('%C3%A9%F0%9F%98%80');
  });

  it('writes a lone surrogate as U+FFFD, as TextEncoder would send it', () => {
    expect(uriEncode('a\ud800b')).toBe('a%EF%BF%BDb');
    expect(uriEncode('\udc00')).toBe('%EF%BF%BD');
  });

  it('matches encodeURIComponent-with-RFC-3986 on any valid string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        expect(uriEncode(value)).toBe(reference(value));
      }),
      { numRuns: 500 },
    );
  });
});

describe('recodePercent', () => {
  it('reads %XY as a byte: unreserved bytes come out plain, others upper-case', () => {
    expect(recodePercent('%7e%41%2f%2B')).toBe('~A%2F%2B');
  });

  it('escapes what is not escaped yet and leaves a stray % escaped', () => {
    expect(recodePercent('a b%zz%4')).toBe('a%20b%25zz%254');
  });

  it('keeps an escaped slash escaped even when slashes are kept', () => {
    expect(recodePercent('/a%2Fb/', true)).toBe('/a%2Fb/');
  });

  it('is idempotent and agrees with uriEncode on decoded text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const encoded = encodeURIComponent(value);
        expect(recodePercent(encoded)).toBe(uriEncode(value));
        expect(recodePercent(recodePercent(value))).toBe(recodePercent(value));
      }),
      { numRuns: 500 },
    );
  });
});
