// Random requests for the differential tests against the v3 SDK's signers (SigV4 and SigV4a): the
// fast-check arbitraries and the helpers that spell one scenario for us and for smithy.

import fc from 'fast-check';

/**
 * Header names the generator never uses, and why:
 * - `authorization`, `x-amz-date`, `x-amz-security-token`, `x-amz-content-sha256`,
 *   `x-amz-region-set` (SigV4a): written by the signers themselves (smithy would keep a caller's
 *   differently-cased copy beside its own).
 * - `date`: smithy deletes a caller's Date header before signing; we sign it like any header.
 * - `host`: generated on its own (smithy needs it; we take it from the URL when absent).
 */
export const EXCLUDED_HEADER_NAMES = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'x-amz-region-set',
  'date',
  'host',
]);

/** RFC 3986 encoding, independently of ours: how the generator writes already-encoded text. */
export function strictEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Any code point (no lone surrogates: smithy's encodeURIComponent throws on them; we send U+FFFD). */
export const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
export const asciiChar = fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@% "<>[]^`{|}\\');

/** A path segment: dot segments, empty segments, spaces, `%`, unicode. `?` and `#` end a path in a URL. */
export const segment = fc.oneof(
  fc.constantFrom('', '.', '..', 'a b', 'caf\u00e9', '\u1234', '%41', '%2F', '~user', 'a+b'),
  fc.string({ unit: fc.oneof(asciiChar, anyChar), maxLength: 8 }).map((s) => s.replace(/[/?#]/g, '_')),
);

export const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'),
  fc.stringMatching(/^[A-Z][A-Z_-]{0,9}$/),
);

/**
 * Query text: names and values of any characters, names repeated and empty, each pair written in
 * one of three spellings that decode to the same text (RFC 3986, lower-case hex, encodeURIComponent).
 * `X-Amz-Signature` is not used as a name: smithy drops it from any canonical query.
 */
export const queryText = fc.string({ unit: fc.oneof(asciiChar, anyChar), maxLength: 6 });
export const queryPairs = fc.array(
  fc.record({
    name: fc
      .oneof(fc.constantFrom('a', 'A', 'a-b', 'a b', '', 'Param1', 'ሴ'), queryText)
      .filter((n) => n.toLowerCase() !== 'x-amz-signature'),
    value: fc.oneof(fc.constant(''), queryText),
    spelling: fc.constantFrom('strict', 'lower', 'component'),
    omitEquals: fc.boolean(),
  }),
  { maxLength: 6 },
);

export function spell(text: string, spelling: string): string {
  if (spelling === 'component') return encodeURIComponent(text);
  const strict = strictEncode(text);
  return spelling === 'lower' ? strict.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()) : strict;
}

/**
 * Headers: common and random token names (never two that differ only in case: smithy keeps one of
 * them, the spec and we join them), values with odd whitespace, tabs, obs-fold line breaks, unicode.
 */
export const headerName = fc
  .oneof(
    fc.constantFrom(
      'Content-Type',
      'content-length',
      'X-Amz-Meta-Owner',
      'x-amz-target',
      'My-Header1',
      'user-agent',
      'Expect',
      'X-Amzn-Trace-Id',
      'transfer-encoding',
      'Proxy-Authorization',
      'sec-fetch-mode',
      'cache-control',
      'Range',
    ),
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]{0,15}$/),
  )
  .filter((name) => !EXCLUDED_HEADER_NAMES.has(name.toLowerCase()));
export const headerValue = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'abcXYZ0129-_.,;:="/ ') },
    { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\t', ' \t ') },
    { weight: 1, arbitrary: fc.constantFrom('\r\n ', '\n\t') },
    { weight: 1, arbitrary: anyChar },
  ),
  maxLength: 24,
});
export const headers = fc.uniqueArray(
  fc.tuple(headerName, fc.oneof(headerValue, fc.array(headerValue, { minLength: 1, maxLength: 3 }))),
  {
    maxLength: 6,
    selector: ([name]) => name.toLowerCase(),
  },
);

export const body = fc.oneof(
  fc.constant(undefined),
  fc.constant(''),
  fc.string({ unit: fc.oneof(asciiChar, anyChar), maxLength: 64 }),
  fc.uint8Array({ maxLength: 300 }),
);

export const credentials = fc.record({
  accessKeyId: fc.stringMatching(/^[A-Z0-9]{16,20}$/),
  secretAccessKey: fc.stringMatching(/^[A-Za-z0-9/+]{1,40}$/),
  sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9/+=]{1,80}$/), { nil: undefined }),
});

export const region = fc.oneof(
  fc.constantFrom('us-east-1', 'eu-west-3', 'cn-north-1'),
  fc.stringMatching(/^[a-z]{2}(-[a-z]{1,9}){1,2}-[0-9]$/),
);
export const service = fc.oneof(
  fc.constantFrom('ec2', 'sts', 's3', 'execute-api'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
);
export const signingDate = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

export const host = fc.oneof(
  fc.constantFrom('example.amazonaws.com', 'ec2.us-east-1.amazonaws.com', '127.0.0.1:8080'),
  // The last label starts with a letter: `a.0` is no valid URL host.
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}(\.[a-z0-9-]{0,9}[a-z][a-z0-9]{0,3}){1,2}$/),
);

export const scenario = fc.record({
  method,
  host,
  /** 'standard': normalize + double-escape (smithy uriEscapePath: true); 's3': neither (false). */
  mode: fc.constantFrom('standard', 's3'),
  segments: fc.array(segment, { maxLength: 5 }),
  trailingSlash: fc.boolean(),
  query: queryPairs,
  headers,
  /** undefined: sign the URL's host; else a Host header of the caller's. */
  hostHeader: fc.option(fc.oneof(host, headerValue), { nil: undefined }),
  body,
  credentials,
  region,
  service,
  signingDate,
  unsignedPayload: fc.boolean(),
  contentSha256Header: fc.boolean(),
  signSessionToken: fc.boolean(),
});
export type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** The raw path: as is for the standard mode; canonically encoded segments for S3 (already on-the-wire form). */
export function pathOf(s: Scenario): string {
  const segments = s.mode === 's3' ? s.segments.map(strictEncode) : s.segments;
  const path = `/${segments.join('/')}`;
  return s.trailingSlash && path !== '/' ? `${path}/` : path;
}

export function rawQuery(s: Scenario): string {
  return s.query
    .map(({ name, value, spelling, omitEquals }) =>
      // An empty name needs its "=" to be a parameter at all ("&&" pieces are skipped).
      value === '' && omitEquals && name !== ''
        ? spell(name, spelling)
        : `${spell(name, spelling)}=${spell(value, spelling)}`,
    )
    .join('&');
}

/** The same parameters as smithy's query object: decoded names to a value or list of values. */
export function smithyQuery(s: Scenario): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const { name, value } of s.query) {
    const existing = query[name];
    query[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

export function joined(value: string | string[]): string {
  return Array.isArray(value) ? value.join(',') : value;
}

/** A body smithy cannot hash, so it signs UNSIGNED-PAYLOAD (how it is told "unsigned" without a header). */
export const STREAM_BODY = { stream: true };
