import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalRequest } from './canonical-request.js';
import { SigningError } from './errors.js';
import { signRequest, signRequestWithDetails } from './sign.js';
import { credentialScope, signature, signingKey } from './signing-key.js';
import {
  EXAMPLE_DATE,
  EXAMPLE_KEYS,
  EXAMPLE_TOKEN,
  exampleOptions,
  exampleRequest,
  signatureOf,
  signedHeadersOf,
} from './test-support/fixtures.js';
import type { SignableRequest, SigningOptions } from './types.js';

/** The get-vanilla case of the AWS suite: its expected Authorization header. */
const GET_VANILLA =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31';

/** Recomputes the signature from the pure steps, as a learner would. */
function recompute(
  signed: { headers: Readonly<Record<string, string>> } & SignableRequest,
  options: SigningOptions,
) {
  const date = signed.headers['x-amz-date']!;
  const scope = credentialScope(date, options.region, options.service);
  const { authorization: _, ...rest } = signed.headers;
  const text = canonicalRequest({ ...signed, headers: rest }, options);
  const key = signingKey(options.credentials.secretAccessKey, date, options.region, options.service);
  return signature(key, `AWS4-HMAC-SHA256\n${date}\n${scope}\n${sha256(text)}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function thrown(fn: () => unknown): SigningError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SigningError) return error;
    throw error;
  }
  throw new Error('expected a SigningError');
}

describe('signRequest', () => {
  it('signs the AWS suite get-vanilla case', () => {
    const signed = signRequest(
      exampleRequest({ headers: { Host: 'example.amazonaws.com' } }),
      exampleOptions(),
    );
    expect(signed.headers['authorization']).toBe(GET_VANILLA);
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('signs the URL host when no host header is given, and does not add one', () => {
    const signed = signRequest(exampleRequest(), exampleOptions());
    expect(signed.headers['authorization']).toBe(GET_VANILLA);
    expect(signed.headers).not.toHaveProperty('host');
  });

  it('returns a new request and leaves the caller one untouched', () => {
    const headers = { 'Content-Type': 'text/plain', Authorization: 'stale' };
    const request = { method: 'POST', url: 'https://example.amazonaws.com/', headers, body: 'x', extra: 42 };
    const frozen = structuredClone(request);
    const signed = signRequest(request, exampleOptions());
    expect(request).toEqual(frozen);
    expect(signed).not.toBe(request);
    expect(signed.headers).not.toBe(headers);
    expect(signed.extra).toBe(42);
    expect(signed.body).toBe('x');
  });

  it('returns lower-case header names, replacing any caller copy of the headers it writes', () => {
    const signed = signRequest(
      exampleRequest({
        headers: { 'X-Amz-Date': '19990101T000000Z', AUTHORIZATION: 'old', 'Content-Type': 'a/b' },
      }),
      exampleOptions(),
    );
    expect(Object.keys(signed.headers).sort()).toEqual(['authorization', 'content-type', 'x-amz-date']);
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('agrees with the pure steps (canonicalRequest, signingKey, signature)', () => {
    const options = exampleOptions({ region: 'eu-west-3', service: 'ec2' });
    const signed = signRequest(
      {
        method: 'POST',
        url: 'https://ec2.eu-west-3.amazonaws.com/a/./b?z=1&a=2',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Custom': ' a   b ' },
        body: 'Action=DescribeRegions&Version=2016-11-15',
      },
      options,
    );
    expect(signatureOf(signed.headers['authorization'])).toBe(recompute(signed, options));
  });

  it('exposes the canonical request and string to sign without the signature', () => {
    const { request, details } = signRequestWithDetails(exampleRequest(), exampleOptions());
    expect(details.canonicalRequest).toBe(
      'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\n\nhost;x-amz-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(details.stringToSign.split('\n').slice(0, 3)).toEqual([
      'AWS4-HMAC-SHA256',
      '20150830T123600Z',
      '20150830/us-east-1/service/aws4_request',
    ]);
    expect(JSON.stringify(details)).not.toContain(signatureOf(request.headers['authorization']));
  });

  it('leaves unsignable headers out of the signature but keeps them on the request', () => {
    const signed = signRequest(
      exampleRequest({
        headers: { 'User-Agent': 'me', Expect: '100-continue', 'X-Amzn-Trace-Id': 'Root=1', 'Proxy-X': 'y' },
      }),
      exampleOptions(),
    );
    expect(signedHeadersOf(signed.headers['authorization'])).toBe('host;x-amz-date');
    expect(signed.headers['user-agent']).toBe('me');
  });

  it('signs repeated headers joined with "," and sends them joined the same way', () => {
    const signed = signRequest(
      exampleRequest({ headers: { 'My-Header1': ['value2', 'value2', 'value1'] } }),
      exampleOptions(),
    );
    expect(signed.headers['my-header1']).toBe('value2,value2,value1');
    // The AWS suite's get-header-key-duplicate signature.
    expect(signatureOf(signed.headers['authorization'])).toBe(
      'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
    );
  });

  describe('session tokens', () => {
    const withToken = { ...EXAMPLE_KEYS, sessionToken: EXAMPLE_TOKEN };

    it('adds and signs x-amz-security-token', () => {
      const signed = signRequest(exampleRequest(), exampleOptions({ credentials: withToken }));
      expect(signed.headers['x-amz-security-token']).toBe(EXAMPLE_TOKEN);
      expect(signedHeadersOf(signed.headers['authorization'])).toBe('host;x-amz-date;x-amz-security-token');
    });

    it('adds but does not sign it with signSessionToken: false', () => {
      const signed = signRequest(
        exampleRequest(),
        exampleOptions({ credentials: withToken, signSessionToken: false }),
      );
      expect(signed.headers['x-amz-security-token']).toBe(EXAMPLE_TOKEN);
      expect(signed.headers['authorization']).toBe(GET_VANILLA);
    });

    it('treats an empty token as no token', () => {
      const signed = signRequest(
        exampleRequest(),
        exampleOptions({ credentials: { ...EXAMPLE_KEYS, sessionToken: '' } }),
      );
      expect(signed.headers).not.toHaveProperty('x-amz-security-token');
      expect(signed.headers['authorization']).toBe(GET_VANILLA);
    });
  });

  describe('payload', () => {
    const post = exampleRequest({ method: 'POST', body: 'Param1=value1' });
    const bodyHash = sha256('Param1=value1');

    it('hashes a string body as UTF-8 and a Uint8Array as bytes, the same for the same bytes', () => {
      const a = signRequestWithDetails(post, exampleOptions()).details;
      const b = signRequestWithDetails(
        { ...post, body: new TextEncoder().encode('Param1=value1') },
        exampleOptions(),
      );
      expect(a.payloadHash).toBe(bodyHash);
      expect(b.details.payloadHash).toBe(bodyHash);
    });

    it('signs UNSIGNED-PAYLOAD with unsignedPayload, without reading the body', () => {
      const { details } = signRequestWithDetails(
        { ...post, body: { stream: true } as unknown as Uint8Array },
        exampleOptions({ unsignedPayload: true }),
      );
      expect(details.payloadHash).toBe('UNSIGNED-PAYLOAD');
      expect(details.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
    });

    it('adds and signs x-amz-content-sha256 with contentSha256Header', () => {
      const signed = signRequest(post, exampleOptions({ contentSha256Header: true }));
      expect(signed.headers['x-amz-content-sha256']).toBe(bodyHash);
      expect(signedHeadersOf(signed.headers['authorization'])).toBe('host;x-amz-content-sha256;x-amz-date');
      const unsigned = signRequest(
        post,
        exampleOptions({ contentSha256Header: true, unsignedPayload: true }),
      );
      expect(unsigned.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    });

    it("takes a caller's x-amz-content-sha256 header as the payload hash", () => {
      const { details } = signRequestWithDetails(
        { ...post, headers: { 'X-Amz-Content-Sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' } },
        exampleOptions(),
      );
      expect(details.payloadHash).toBe('STREAMING-AWS4-HMAC-SHA256-PAYLOAD');
    });
  });

  describe('path options', () => {
    const request = exampleRequest({ url: 'https://example.amazonaws.com/a/../b%20c//d' });

    it('normalizes and double-escapes by default', () => {
      expect(signRequestWithDetails(request, exampleOptions()).details.canonicalRequest.split('\n')[1]).toBe(
        '/b%2520c/d',
      );
    });

    it('keeps dot segments with normalizePath: false', () => {
      const { details } = signRequestWithDetails(request, exampleOptions({ normalizePath: false }));
      expect(details.canonicalRequest.split('\n')[1]).toBe('/a/../b%2520c//d');
    });

    it('signs the path single-encoded with doubleEscapePath: false (S3)', () => {
      const { details } = signRequestWithDetails(
        request,
        exampleOptions({ normalizePath: false, doubleEscapePath: false }),
      );
      expect(details.canonicalRequest.split('\n')[1]).toBe('/a/../b%20c//d');
    });
  });

  describe('time', () => {
    it('takes signingDate as a Date or epoch milliseconds', () => {
      const a = signRequest(exampleRequest(), exampleOptions({ signingDate: EXAMPLE_DATE.getTime() }));
      expect(a.headers['authorization']).toBe(GET_VANILLA);
    });

    it('adds clockOffsetMs to the signing time (clock-skew correction)', () => {
      const signed = signRequest(exampleRequest(), exampleOptions({ clockOffsetMs: 90 * 60_000 }));
      expect(signed.headers['x-amz-date']).toBe('20150830T140600Z');
    });

    it('defaults to now', () => {
      const before = Date.now();
      const date = signRequest(exampleRequest(), exampleOptions({ signingDate: undefined })).headers[
        'x-amz-date'
      ]!;
      const signedAt = Date.UTC(
        +date.slice(0, 4),
        +date.slice(4, 6) - 1,
        +date.slice(6, 8),
        +date.slice(9, 11),
        +date.slice(11, 13),
        +date.slice(13, 15),
      );
      expect(signedAt).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
      expect(signedAt).toBeLessThanOrEqual(Date.now());
    });
  });

  describe('bad input', () => {
    const secret = EXAMPLE_KEYS.secretAccessKey;
    const cases: Array<[string, string, () => unknown]> = [
      [
        'no credentials',
        'credentials',
        () => signRequest(exampleRequest(), { ...exampleOptions(), credentials: undefined as never }),
      ],
      [
        'empty access key',
        'credentials.accessKeyId',
        () =>
          signRequest(
            exampleRequest(),
            exampleOptions({ credentials: { accessKeyId: '', secretAccessKey: secret } }),
          ),
      ],
      [
        'access key with a slash',
        'credentials.accessKeyId',
        () =>
          signRequest(
            exampleRequest(),
            exampleOptions({ credentials: { accessKeyId: 'A/B', secretAccessKey: secret } }),
          ),
      ],
      [
        'empty secret',
        'credentials.secretAccessKey',
        () =>
          signRequest(
            exampleRequest(),
            exampleOptions({ credentials: { accessKeyId: 'AKID', secretAccessKey: '' } }),
          ),
      ],
      [
        'missing secret',
        'credentials.secretAccessKey',
        () =>
          signRequest(exampleRequest(), exampleOptions({ credentials: { accessKeyId: 'AKID' } as never })),
      ],
      [
        'token not a string',
        'credentials.sessionToken',
        () =>
          signRequest(
            exampleRequest(),
            exampleOptions({ credentials: { ...EXAMPLE_KEYS, sessionToken: 5 as never } }),
          ),
      ],
      ['empty region', 'region', () => signRequest(exampleRequest(), exampleOptions({ region: '' }))],
      [
        'missing region',
        'region',
        () => signRequest(exampleRequest(), exampleOptions({ region: undefined as never })),
      ],
      [
        'region with a space',
        'region',
        () => signRequest(exampleRequest(), exampleOptions({ region: 'us east' })),
      ],
      ['empty service', 'service', () => signRequest(exampleRequest(), exampleOptions({ service: '' }))],
      [
        'service with a slash',
        'service',
        () => signRequest(exampleRequest(), exampleOptions({ service: 'a/b' })),
      ],
      ['unparsable URL', 'url', () => signRequest(exampleRequest({ url: 'not a url' }), exampleOptions())],
      ['relative URL', 'url', () => signRequest(exampleRequest({ url: '/path' }), exampleOptions())],
      [
        'non-ASCII header name',
        'headers["x-café"]',
        () => signRequest(exampleRequest({ headers: { 'x-café': '1' } }), exampleOptions()),
      ],
      ['empty method', 'method', () => signRequest(exampleRequest({ method: '' }), exampleOptions())],
      [
        'method with a space',
        'method',
        () => signRequest(exampleRequest({ method: 'GE T' }), exampleOptions()),
      ],
      [
        'Headers instance',
        'headers',
        () => signRequest(exampleRequest({ headers: new Headers({ a: '1' }) as never }), exampleOptions()),
      ],
      [
        'headers as a string',
        'headers',
        () => signRequest(exampleRequest({ headers: 'a: 1' as never }), exampleOptions()),
      ],
      [
        'stream body',
        'body',
        () => signRequest(exampleRequest({ body: { pipe() {} } as never }), exampleOptions()),
      ],
      [
        'invalid date',
        'signingDate',
        () => signRequest(exampleRequest(), exampleOptions({ signingDate: new Date(Number.NaN) })),
      ],
      ['no options', 'options', () => signRequest(exampleRequest(), undefined as never)],
    ];

    it.each(cases)('%s: SigningError naming %s', (_, field, run) => {
      const error = thrown(run);
      expect(error.name).toBe('SigningError');
      expect(error.code).toBe('SigningError');
      expect(error.field).toBe(field);
      expect(error.message).toContain(field);
    });

    it('never puts the secret, the token or a signature in the message', () => {
      const credentials = {
        accessKeyId: 'AKID',
        secretAccessKey: 'SECRET-abc123',
        sessionToken: 'TOKEN-xyz789',
      };
      for (const options of [
        { ...exampleOptions({ credentials }), region: '' },
        { ...exampleOptions({ credentials }), service: 'a b' },
      ]) {
        const error = thrown(() =>
          signRequest(exampleRequest({ url: 'https://h.example/?X-Amz-Signature=abcdef' }), options),
        );
        expect(error.message).not.toMatch(/SECRET-abc123|TOKEN-xyz789|abcdef/);
      }
      const url = 'https://exa mple.com/?X-Amz-Security-Token=TOKEN-xyz789';
      const error = thrown(() => signRequest(exampleRequest({ url }), exampleOptions({ credentials })));
      expect(error.message).not.toContain('TOKEN-xyz789');
      expect(error.cause).toBeUndefined();
    });
  });
});
