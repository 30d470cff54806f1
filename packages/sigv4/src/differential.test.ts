// Differential test: random requests signed by @boto-ts/sigv4 and by @smithy/signature-v4 (the v3
// SDK's signer) must give byte-identical canonical requests and Authorization headers, and the same
// presigned-URL signatures. smithy's canonical request is read through its protected
// createCanonicalRequest, from a subclass that records what it returns while signing.
//
// The generator leaves out only inputs where the two signers are meant to differ, each for a
// stated reason (see `EXCLUDED_HEADER_NAMES` and the notes on each arbitrary); the assertions are
// never loosened.

import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presignUrlWithDetails } from './presign.js';
import { signRequestWithDetails } from './sign.js';
import type { SigningCredentials } from './types.js';

/** Records the canonical request smithy builds while it signs. */
class RecordingSignatureV4 extends SignatureV4 {
  lastCanonicalRequest = '';
  protected override createCanonicalRequest(...args: [never, never, never]): string {
    const text = super.createCanonicalRequest(...args);
    this.lastCanonicalRequest = text;
    return text;
  }
}

/**
 * Header names the generator never uses, and why:
 * - `authorization`, `x-amz-date`, `x-amz-security-token`, `x-amz-content-sha256`: written by the
 *   signers themselves (smithy would keep a caller's differently-cased copy beside its own).
 * - `date`: smithy deletes a caller's Date header before signing; we sign it like any header.
 * - `host`: generated on its own (smithy needs it; we take it from the URL when absent).
 */
const EXCLUDED_HEADER_NAMES = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-security-token',
  'x-amz-content-sha256',
  'date',
  'host',
]);

/** RFC 3986 encoding, independently of ours: how the generator writes already-encoded text. */
function strictEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** Any code point (no lone surrogates: smithy's encodeURIComponent throws on them; we send U+FFFD). */
const anyChar = fc.string({ unit: 'binary', minLength: 1, maxLength: 1 });
const asciiChar = fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@% "<>[]^`{|}\\');

/** A path segment: dot segments, empty segments, spaces, `%`, unicode. `?` and `#` end a path in a URL. */
const segment = fc.oneof(
  fc.constantFrom('', '.', '..', 'a b', 'caf\u00e9', '\u1234', '%41', '%2F', '~user', 'a+b'),
  fc.string({ unit: fc.oneof(asciiChar, anyChar), maxLength: 8 }).map((s) => s.replace(/[/?#]/g, '_')),
);

const method = fc.oneof(
  fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'PATCH', 'OPTIONS'),
  fc.stringMatching(/^[A-Z][A-Z_-]{0,9}$/),
);

/**
 * Query text: names and values of any characters, names repeated and empty, each pair written in
 * one of three spellings that decode to the same text (RFC 3986, lower-case hex, encodeURIComponent).
 * `X-Amz-Signature` is not used as a name: smithy drops it from any canonical query.
 */
const queryText = fc.string({ unit: fc.oneof(asciiChar, anyChar), maxLength: 6 });
const queryPairs = fc.array(
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

function spell(text: string, spelling: string): string {
  if (spelling === 'component') return encodeURIComponent(text);
  const strict = strictEncode(text);
  return spelling === 'lower' ? strict.replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()) : strict;
}

/**
 * Headers: common and random token names (never two that differ only in case: smithy keeps one of
 * them, the spec and we join them), values with odd whitespace, tabs, obs-fold line breaks, unicode.
 */
const headerName = fc
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
const headerValue = fc.string({
  unit: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...'abcXYZ0129-_.,;:="/ ') },
    { weight: 2, arbitrary: fc.constantFrom(' ', '  ', '\t', ' \t ') },
    { weight: 1, arbitrary: fc.constantFrom('\r\n ', '\n\t') },
    { weight: 1, arbitrary: anyChar },
  ),
  maxLength: 24,
});
const headers = fc.uniqueArray(
  fc.tuple(headerName, fc.oneof(headerValue, fc.array(headerValue, { minLength: 1, maxLength: 3 }))),
  {
    maxLength: 6,
    selector: ([name]) => name.toLowerCase(),
  },
);

const body = fc.oneof(
  fc.constant(undefined),
  fc.constant(''),
  fc.string({ unit: fc.oneof(asciiChar, anyChar), maxLength: 64 }),
  fc.uint8Array({ maxLength: 300 }),
);

const credentials = fc.record({
  accessKeyId: fc.stringMatching(/^[A-Z0-9]{16,20}$/),
  secretAccessKey: fc.stringMatching(/^[A-Za-z0-9/+]{1,40}$/),
  sessionToken: fc.option(fc.stringMatching(/^[A-Za-z0-9/+=]{1,80}$/), { nil: undefined }),
});

const region = fc.oneof(
  fc.constantFrom('us-east-1', 'eu-west-3', 'cn-north-1'),
  fc.stringMatching(/^[a-z]{2}(-[a-z]{1,9}){1,2}-[0-9]$/),
);
const service = fc.oneof(
  fc.constantFrom('ec2', 'sts', 's3', 'execute-api'),
  fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
);
const signingDate = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

const host = fc.oneof(
  fc.constantFrom('example.amazonaws.com', 'ec2.us-east-1.amazonaws.com', '127.0.0.1:8080'),
  // The last label starts with a letter: `a.0` is no valid URL host.
  fc.stringMatching(/^[a-z][a-z0-9-]{0,10}(\.[a-z0-9-]{0,9}[a-z][a-z0-9]{0,3}){1,2}$/),
);

const scenario = fc.record({
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
type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

/** The raw path: as is for the standard mode; canonically encoded segments for S3 (already on-the-wire form). */
function pathOf(s: Scenario): string {
  const segments = s.mode === 's3' ? s.segments.map(strictEncode) : s.segments;
  const path = `/${segments.join('/')}`;
  return s.trailingSlash && path !== '/' ? `${path}/` : path;
}

function rawQuery(s: Scenario): string {
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
function smithyQuery(s: Scenario): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const { name, value } of s.query) {
    const existing = query[name];
    query[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

function joined(value: string | string[]): string {
  return Array.isArray(value) ? value.join(',') : value;
}

function smithySigner(s: Scenario, creds: SigningCredentials, applyChecksum: boolean): RecordingSignatureV4 {
  return new RecordingSignatureV4({
    credentials: creds,
    region: s.region,
    service: s.service,
    sha256: Hash.bind(null, 'sha256'),
    uriEscapePath: s.mode === 'standard',
    applyChecksum,
  });
}

/** A body smithy cannot hash, so it signs UNSIGNED-PAYLOAD (how it is told "unsigned" without a header). */
const STREAM_BODY = { stream: true };

describe('differential against @smithy/signature-v4', () => {
  it('signs 2,000 random requests into the same canonical request and Authorization header', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const path = pathOf(s);
        const query = rawQuery(s);
        const url = `https://${s.host}${path}${query === '' ? '' : `?${query}`}`;
        const ourHeaders: Record<string, string | string[]> = Object.fromEntries(s.headers);
        if (s.hostHeader !== undefined) ourHeaders['Host'] = s.hostHeader;
        const ours = signRequestWithDetails(
          { method: s.method, url, headers: ourHeaders, body: s.body },
          {
            credentials: s.credentials,
            region: s.region,
            service: s.service,
            signingDate: s.signingDate,
            normalizePath: s.mode === 'standard',
            doubleEscapePath: s.mode === 'standard',
            unsignedPayload: s.unsignedPayload,
            contentSha256Header: s.contentSha256Header,
            signSessionToken: s.signSessionToken,
          },
        );

        const theirHeaders: Record<string, string> = { host: s.hostHeader ?? s.host };
        for (const [name, value] of s.headers) theirHeaders[name] = joined(value);
        // Unsigned payload: with the header, smithy signs the header's value; without, a stream body.
        if (s.unsignedPayload && s.contentSha256Header)
          theirHeaders['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
        const signer = smithySigner(s, s.credentials, s.contentSha256Header);
        const theirs = await signer.sign(
          new HttpRequest({
            method: s.method,
            protocol: 'https:',
            hostname: s.host,
            path,
            query: smithyQuery(s),
            headers: theirHeaders,
            body: s.unsignedPayload && !s.contentSha256Header ? STREAM_BODY : s.body,
          }),
          {
            signingDate: s.signingDate,
            unsignableHeaders: s.signSessionToken ? undefined : new Set(['x-amz-security-token']),
          },
        );

        expect(ours.details.canonicalRequest).toBe(signer.lastCanonicalRequest);
        expect(ours.request.headers['authorization']).toBe(theirs.headers['authorization']);
        // Every header smithy sends, we send with the same value (ours in lower case; host from the URL).
        for (const [name, value] of Object.entries(theirs.headers)) {
          if (name === 'host' && s.hostHeader === undefined) continue;
          expect(ours.request.headers[name.toLowerCase()]).toBe(value);
        }
        compared++;
      }),
      { numRuns: 2000 },
    );
    expect(compared).toBeGreaterThanOrEqual(2000);
  }, 300_000);

  it('presigns 300 random requests into the same canonical request and signature', async () => {
    // Presigning: smithy always signs the session token, and moves every x-amz-* header (the
    // payload-hash one included) into the query; we keep x-amz-content-sha256 as a header. So this
    // scenario signs the token and sends no x-amz-content-sha256 header.
    await fc.assert(
      fc.asyncProperty(scenario, fc.integer({ min: 1, max: 604_800 }), async (s, expiresIn) => {
        const path = pathOf(s);
        const query = rawQuery(s);
        const url = `https://${s.host}${path}${query === '' ? '' : `?${query}`}`;
        // x-amz-* headers travel as query parameters: both use their name as given (ours lower case).
        const headerPairs = s.headers.map(([name, value]) =>
          name.toLowerCase().startsWith('x-amz-')
            ? ([name.toLowerCase(), value] as const)
            : ([name, value] as const),
        );
        const ourHeaders: Record<string, string | readonly string[]> = Object.fromEntries(headerPairs);
        if (s.hostHeader !== undefined) ourHeaders['Host'] = s.hostHeader;
        const ours = presignUrlWithDetails(
          { method: s.method, url, headers: ourHeaders, body: s.body },
          {
            credentials: s.credentials,
            region: s.region,
            service: s.service,
            signingDate: s.signingDate,
            normalizePath: s.mode === 'standard',
            doubleEscapePath: s.mode === 'standard',
            unsignedPayload: s.unsignedPayload,
            expiresIn,
          },
        );

        const theirHeaders: Record<string, string> = { host: s.hostHeader ?? s.host };
        for (const [name, value] of headerPairs) theirHeaders[name] = joined([...[value].flat()]);
        const signer = smithySigner(s, s.credentials, false);
        const theirs = await signer.presign(
          new HttpRequest({
            method: s.method,
            protocol: 'https:',
            hostname: s.host,
            path,
            query: smithyQuery(s),
            headers: theirHeaders,
            body: s.unsignedPayload ? STREAM_BODY : s.body,
          }),
          { signingDate: s.signingDate, expiresIn },
        );

        expect(ours.details.canonicalRequest).toBe(signer.lastCanonicalRequest);
        const signature = new URL(ours.url).searchParams.getAll('X-Amz-Signature');
        expect(signature).toEqual([theirs.query?.['X-Amz-Signature']]);
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
