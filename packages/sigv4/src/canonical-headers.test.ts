import { ALWAYS_UNSIGNABLE_HEADERS } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import {
  foldHeaderValue,
  formatCanonicalHeaders,
  isSignableHeader,
  lowerHeaderName,
  mergeHeaders,
} from './canonical-headers.js';
import { SigningError } from './errors.js';

describe('isSignableHeader', () => {
  it('leaves out every header the v3 SDK never signs', () => {
    for (const name of Object.keys(ALWAYS_UNSIGNABLE_HEADERS)) expect(isSignableHeader(name)).toBe(false);
  });

  it("leaves out botocore's list, proxy-* and sec-* headers", () => {
    for (const name of ['expect', 'transfer-encoding', 'user-agent', 'x-amzn-trace-id']) {
      expect(isSignableHeader(name)).toBe(false);
    }
    expect(isSignableHeader('proxy-authorization')).toBe(false);
    expect(isSignableHeader('sec-fetch-mode')).toBe(false);
  });

  it('signs the headers AWS expects signed', () => {
    for (const name of [
      'host',
      'content-type',
      'content-length',
      'x-amz-date',
      'x-amz-security-token',
      'range',
    ]) {
      expect(isSignableHeader(name)).toBe(true);
    }
  });
});

describe('lowerHeaderName', () => {
  it('lower-cases a token and returns an already lower-case name as is', () => {
    expect(lowerHeaderName('X-Amz-Meta-Foo')).toBe('x-amz-meta-foo');
    expect(lowerHeaderName("a!#$%&'*+-.^_`|~9")).toBe("a!#$%&'*+-.^_`|~9");
  });

  it.each(['x-é', 'has space', 'colon:', '', 'tab\t'])('rejects %j, naming the header', (name) => {
    const error = (() => {
      try {
        lowerHeaderName(name);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SigningError);
    expect((error as SigningError).field).toBe(`headers[${JSON.stringify(name)}]`);
  });
});

describe('foldHeaderValue', () => {
  it.each([
    ['value1', 'value1'],
    [' value1 ', 'value1'],
    ['"a   b   c"', '"a b c"'],
    ['\ta\t\tb\t', 'a b'],
    ['value1\n  value2\n     value3', 'value1 value2 value3'],
    ['a\r\n b', 'a b'],
    ['', ''],
    ['   ', ''],
  ])('%j -> %j', (value, expected) => {
    expect(foldHeaderValue(value)).toBe(expected);
  });
});

describe('mergeHeaders', () => {
  it('lower-cases names and joins repeats and lists with "," in order', () => {
    expect(mergeHeaders({ 'My-Header1': 'value2', 'my-header1': ['value2', 'value1'], Other: 'x' })).toEqual({
      'my-header1': 'value2,value2,value1',
      other: 'x',
    });
  });

  it('drops undefined values and the names it is told to drop', () => {
    expect(mergeHeaders({ A: undefined, Authorization: 'old', b: '1' }, new Set(['authorization']))).toEqual({
      b: '1',
    });
  });

  it('stores a header named __proto__ as a header, not as a prototype', () => {
    const merged = mergeHeaders(JSON.parse('{"__proto__":"x"}') as Record<string, string>);
    expect(Object.keys(merged)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
  });
});

describe('formatCanonicalHeaders', () => {
  it('sorts, folds, skips unsignable headers and adds the host from the URL', () => {
    const { canonicalHeaders, signedHeaders } = formatCanonicalHeaders(
      { 'x-amz-date': '20150830T123600Z', 'user-agent': 'me', 'my-header2': ' "a   b" ' },
      'example.amazonaws.com',
    );
    expect(canonicalHeaders).toBe(
      'host:example.amazonaws.com\nmy-header2:"a b"\nx-amz-date:20150830T123600Z\n',
    );
    expect(signedHeaders).toBe('host;my-header2;x-amz-date');
  });

  it("signs the caller's host header rather than the URL's", () => {
    expect(formatCanonicalHeaders({ host: 'other.example' }, 'example.amazonaws.com').canonicalHeaders).toBe(
      'host:other.example\n',
    );
  });

  it('leaves out the header named to skip (a token added after signing)', () => {
    expect(
      formatCanonicalHeaders({ 'x-amz-security-token': 't' }, 'h', 'x-amz-security-token').signedHeaders,
    ).toBe('host');
  });
});
