// Differential tests against @smithy/signature-v4 (the v3 SDK's signer): random requests signed by
// smithy, as header signatures and as presigned URLs, must verify here; any change to a signed part
// must not; and the canonical pieces must agree with smithy's own helpers.

import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { getCanonicalHeaders, getCanonicalQuery, SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ec2Error } from '../protocol/errors.js';
import { canonicalHeaders, canonicalQuery } from './canonical.js';
import { type SignedRequest, verifySigV4 } from './verifier.js';

const IDENTITY = { accessKeyId: 'AKIDSMITHYTEST', secretAccessKey: 'smithy/secret+key=/with/odd+chars' };
const NOW = Date.UTC(2025, 5, 1, 10, 0, 0);

function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** The request line target as an HTTP client sends smithy's request: path as-is, query escaped. */
function wireTarget(request: HttpRequest): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(request.query ?? {})) {
    for (const v of Array.isArray(value) ? value : [value])
      parts.push(`${escapeUri(key)}=${escapeUri(String(v ?? ''))}`);
  }
  return parts.length ? `${request.path}?${parts.join('&')}` : request.path;
}

function toSigned(request: HttpRequest): SignedRequest {
  const body =
    request.body === undefined ? new Uint8Array() : Buffer.from(request.body as string | Uint8Array);
  return {
    method: request.method,
    target: wireTarget(request),
    headers: Object.entries(request.headers),
    body,
  };
}

function verify(request: SignedRequest, sessionToken?: string) {
  return verifySigV4(request, {
    findIdentity: (id) => (id === IDENTITY.accessKeyId ? { ...IDENTITY, sessionToken } : undefined),
    region: 'us-east-1',
    service: 'ec2',
    now: NOW,
  });
}

function errorOf(fn: () => unknown): Ec2Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Ec2Error) return error;
    throw error;
  }
  throw new Error('expected an Ec2Error');
}

const segment = fc.stringMatching(/^[A-Za-z0-9\-._~]{1,8}$/);
const requestArbitrary = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  path: fc
    .array(fc.oneof(segment, fc.constant('%20x'), fc.constant('.')), { maxLength: 3 })
    .map((s) => `/${s.join('/')}`),
  query: fc.dictionary(
    fc.string({ minLength: 1, maxLength: 8 }),
    fc.string({ unit: 'grapheme', maxLength: 10 }),
    { maxKeys: 4 },
  ),
  headers: fc.dictionary(
    fc.stringMatching(/^x-test-[a-z]{1,6}$/),
    fc.stringMatching(/^[ ]{0,2}[A-Za-z0-9]{1,4}(?:[ ]{1,3}[A-Za-z0-9]{1,4}){0,2}[ ]{0,2}$/),
    { maxKeys: 3 },
  ),
  body: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.uint8Array({ maxLength: 40 })),
  token: fc.option(fc.stringMatching(/^[A-Za-z0-9+/=]{10,40}$/), { nil: undefined }),
  presign: fc.boolean(),
});

type RequestInput = typeof requestArbitrary extends fc.Arbitrary<infer T> ? T : never;

async function smithySigned(input: RequestInput): Promise<HttpRequest> {
  const signer = new SignatureV4({
    credentials: { ...IDENTITY, sessionToken: input.token },
    region: 'us-east-1',
    service: 'ec2',
    sha256: Hash.bind(null, 'sha256'),
  });
  const request = new HttpRequest({
    method: input.method,
    protocol: 'http:',
    hostname: '127.0.0.1',
    port: 4566,
    path: input.path,
    query: input.query,
    headers: {
      host: '127.0.0.1:4566',
      'content-type': 'application/x-www-form-urlencoded',
      ...input.headers,
    },
    body: input.method === 'POST' ? input.body : undefined,
  });
  const signingDate = new Date(NOW - 30_000);
  const signed = input.presign
    ? await signer.presign(request, { signingDate, expiresIn: 900 })
    : await signer.sign(request, { signingDate });
  return signed as HttpRequest;
}

describe('verifySigV4 against @smithy/signature-v4', () => {
  it('accepts every request smithy signs (headers or presigned), with or without a session token', async () => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (input) => {
        const signed = await smithySigned(input);
        expect(verify(toSigned(signed), input.token).kind).toBe(input.presign ? 'query' : 'header');
      }),
      { numRuns: 150 },
    );
  });

  it('rejects a smithy-signed request once any signed part changes', async () => {
    await fc.assert(
      fc.asyncProperty(
        requestArbitrary,
        fc.constantFrom('body', 'query', 'header', 'method'),
        async (input, part) => {
          const request = toSigned(
            await smithySigned({ ...input, method: part === 'body' ? 'POST' : input.method }),
          );
          const tampered: SignedRequest =
            part === 'body'
              ? { ...request, body: Buffer.concat([request.body, Buffer.from('!')]) }
              : part === 'query'
                ? {
                    ...request,
                    target: `${request.target}${request.target.includes('?') ? '&' : '?'}Extra=1`,
                  }
                : part === 'header'
                  ? {
                      ...request,
                      headers: request.headers.map(
                        ([k, v]) => [k, k === 'host' ? '127.0.0.1:4567' : v] as const,
                      ),
                    }
                  : { ...request, method: request.method === 'GET' ? 'POST' : 'GET' };
          expect(errorOf(() => verify(tampered, input.token)).code).toBe('SignatureDoesNotMatch');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('builds the same canonical query and headers as smithy', async () => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary, async (input) => {
        const signed = await smithySigned({ ...input, presign: true });
        const wire = toSigned(signed);
        const rawQuery = wire.target.split('?')[1] ?? '';
        expect(canonicalQuery(rawQuery, ['X-Amz-Signature'])).toBe(getCanonicalQuery(signed));
        const theirs = getCanonicalHeaders(signed);
        const names = Object.keys(theirs).sort();
        const expected = names.map((name) => `${name}:${theirs[name]}\n`).join('');
        expect(canonicalHeaders(wire.headers, names)).toBe(expected);
      }),
      { numRuns: 150 },
    );
  });
});

describe('verifySigV4 failures', () => {
  const base = {
    method: 'POST',
    path: '/',
    query: {},
    headers: {},
    body: 'Action=DescribeRegions&Version=2016-11-15',
  };

  it('answers a wrong secret key with SignatureDoesNotMatch showing the canonical request and string to sign', async () => {
    const signer = new SignatureV4({
      credentials: { accessKeyId: IDENTITY.accessKeyId, secretAccessKey: 'not-the-secret' },
      region: 'us-east-1',
      service: 'ec2',
      sha256: Hash.bind(null, 'sha256'),
    });
    const request = new HttpRequest({
      method: 'POST',
      hostname: '127.0.0.1',
      path: '/',
      headers: { host: '127.0.0.1:4566', 'content-type': 'application/x-www-form-urlencoded' },
      body: base.body,
    });
    const signed = (await signer.sign(request, { signingDate: new Date(NOW) })) as HttpRequest;
    const error = errorOf(() => verify(toSigned(signed)));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.status).toBe(403);
    expect(error.message).toContain(
      "The canonical request ec2-local computed:\n'POST\n/\n\ncontent-type:application/x-www-form-urlencoded\nhost:127.0.0.1:4566\n",
    );
    expect(error.message).toMatch(
      /The string to sign ec2-local computed:\n'AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/ec2\/aws4_request\n[0-9a-f]{64}'/,
    );
    const signature = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization))![1]!;
    expect(error.message).not.toContain(signature);
    expect(error.message).not.toContain('not-the-secret');
  });

  it('distinguishes unknown keys, missing or wrong session tokens, and never echoes the token', async () => {
    const plain = toSigned(await smithySigned({ ...base, method: 'POST', token: undefined, presign: false }));
    expect(
      errorOf(() =>
        verifySigV4(plain, { findIdentity: () => undefined, region: 'us-east-1', service: 'ec2', now: NOW }),
      ).code,
    ).toBe('AuthFailure');
    expect(errorOf(() => verify(plain, 'expected-token')).message).toMatch(/temporary/);
    const withToken = toSigned(
      await smithySigned({ ...base, method: 'POST', token: 'SECRETTOKEN123', presign: false }),
    );
    const error = errorOf(() => verify(withToken, 'another-token'));
    expect(error.code).toBe('AuthFailure');
    expect(error.message).not.toContain('SECRETTOKEN123');
    expect(errorOf(() => verify(withToken)).message).toMatch(/long-term/);
  });

  it('redacts the session token from the canonical request it shows on a mismatch', async () => {
    const request = toSigned(
      await smithySigned({ ...base, method: 'POST', token: 'SECRETTOKEN123', presign: false }),
    );
    const tampered = { ...request, target: '/?Action=Other' };
    const error = errorOf(() => verify(tampered, 'SECRETTOKEN123'));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).toContain('x-amz-security-token:<session token>');
    expect(error.message).not.toContain('SECRETTOKEN123');
  });

  it('rejects signing times more than five minutes from the server clock, in both directions', async () => {
    for (const offset of [-301_000, 301_000]) {
      const signer = new SignatureV4({
        credentials: IDENTITY,
        region: 'us-east-1',
        service: 'ec2',
        sha256: Hash.bind(null, 'sha256'),
      });
      const request = new HttpRequest({ method: 'GET', hostname: 'h', path: '/', headers: { host: 'h' } });
      const signed = (await signer.sign(request, { signingDate: new Date(NOW + offset) })) as HttpRequest;
      const error = errorOf(() => verify(toSigned(signed)));
      expect(error.code).toBe('RequestExpired');
      expect(error.message).toContain('server time is 2025-06-01T10:00:00Z');
    }
    const signer = new SignatureV4({
      credentials: IDENTITY,
      region: 'us-east-1',
      service: 'ec2',
      sha256: Hash.bind(null, 'sha256'),
    });
    const near = (await signer.sign(
      new HttpRequest({ method: 'GET', hostname: 'h', path: '/', headers: { host: 'h' } }),
      {
        signingDate: new Date(NOW - 299_000),
      },
    )) as HttpRequest;
    expect(verify(toSigned(near)).kind).toBe('header');
  });

  it('rejects presigned URLs once expired or when signed in the future', async () => {
    const signer = new SignatureV4({
      credentials: IDENTITY,
      region: 'us-east-1',
      service: 'ec2',
      sha256: Hash.bind(null, 'sha256'),
    });
    const request = new HttpRequest({
      method: 'GET',
      hostname: 'h',
      path: '/',
      headers: { host: 'h' },
      query: { Action: 'DescribeRegions' },
    });
    const old = (await signer.presign(request, {
      signingDate: new Date(NOW - 3_600_000),
      expiresIn: 3599,
    })) as HttpRequest;
    expect(errorOf(() => verify(toSigned(old))).code).toBe('RequestExpired');
    const valid = (await signer.presign(request, {
      signingDate: new Date(NOW - 3_600_000),
      expiresIn: 3601,
    })) as HttpRequest;
    expect(verify(toSigned(valid)).kind).toBe('query');
    const future = (await signer.presign(request, {
      signingDate: new Date(NOW + 600_000),
      expiresIn: 60,
    })) as HttpRequest;
    expect(errorOf(() => verify(toSigned(future))).code).toBe('RequestExpired');
  });

  it('checks the credential scope: region and service of this endpoint', async () => {
    for (const [region, service, pattern] of [
      ['eu-west-1', 'ec2', /signed for 'eu-west-1'.*region us-east-1/],
      ['us-east-1', 'sts', /correct service: 'ec2', not 'sts'/],
    ] as const) {
      const signer = new SignatureV4({
        credentials: IDENTITY,
        region,
        service,
        sha256: Hash.bind(null, 'sha256'),
      });
      const signed = (await signer.sign(
        new HttpRequest({ method: 'GET', hostname: 'h', path: '/', headers: { host: 'h' } }),
        {
          signingDate: new Date(NOW),
        },
      )) as HttpRequest;
      const error = errorOf(() => verify(toSigned(signed)));
      expect(error.code).toBe('SignatureDoesNotMatch');
      expect(error.message).toMatch(pattern);
    }
  });

  it('answers unsigned, malformed and doubly signed requests', () => {
    const unsigned: SignedRequest = {
      method: 'GET',
      target: '/?Action=DescribeRegions',
      headers: [['host', 'h']],
      body: new Uint8Array(),
    };
    expect(errorOf(() => verify(unsigned)).code).toBe('AuthFailure');
    const garbled = {
      ...unsigned,
      headers: [
        ['host', 'h'],
        ['Authorization', 'AWS4-HMAC-SHA256 Credential=AKID'],
      ] as [string, string][],
    };
    expect(errorOf(() => verify(garbled)).code).toBe('IncompleteSignature');
    const v2 = {
      ...unsigned,
      headers: [
        ['host', 'h'],
        ['Authorization', 'AWS AKID:c2lnbmF0dXJl'],
      ] as [string, string][],
    };
    expect(errorOf(() => verify(v2)).message).toMatch(/SigV4/);
    const both = {
      ...garbled,
      target: '/?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00',
    };
    expect(errorOf(() => verify(both)).message).toMatch(/Only one authentication mechanism/);
  });

  it('rejects a declared X-Amz-Content-SHA256 that does not match the body it signed', async () => {
    const request = toSigned(
      await smithySigned({ ...base, method: 'POST', token: undefined, presign: false }),
    );
    expect(request.headers.some(([name]) => name === 'x-amz-content-sha256')).toBe(true);
    const forged = { ...request, body: Buffer.from('Action=TerminateInstances&InstanceId.1=i-12345678') };
    const error = errorOf(() => verify(forged));
    expect(error.code).toBe('SignatureDoesNotMatch');
    expect(error.message).toMatch(/X-Amz-Content-SHA256/);
  });
});
