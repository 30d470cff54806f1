import { describe, expect, it } from 'vitest';
import { canonicalRequest } from './canonical-request.js';
import { SigningError } from './errors.js';
import { signRequest } from './sign.js';
import {
  credentialScopeV4a,
  publicKeyV4a,
  signingKeyV4a,
  stringToSignV4a,
  verifySignatureV4a,
} from './signing-key-v4a.js';
import {
  presignUrlV4a,
  presignUrlV4aWithDetails,
  signRequestV4a,
  signRequestV4aWithDetails,
} from './sigv4a.js';
import { EXAMPLE_DATE, EXAMPLE_KEYS, EXAMPLE_TOKEN, exampleRequest } from './test-support/fixtures.js';
import type { PresignOptionsV4a, SigningOptionsV4a } from './types.js';

const PUBLIC_KEY = publicKeyV4a(signingKeyV4a(EXAMPLE_KEYS.accessKeyId, EXAMPLE_KEYS.secretAccessKey));

function options(overrides: Partial<PresignOptionsV4a> = {}): PresignOptionsV4a {
  return {
    credentials: EXAMPLE_KEYS,
    regionSet: 'us-east-1',
    service: 'service',
    signingDate: EXAMPLE_DATE,
    ...overrides,
  };
}

function signatureOf(authorization: string | undefined): string {
  return /Signature=([0-9a-f]+)$/.exec(authorization ?? '')?.[1] ?? '';
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

function params(url: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [name, value] of new URL(url).searchParams) found.set(name, [...(found.get(name) ?? []), value]);
  return found;
}

describe('signRequestV4a', () => {
  it("signs the suite's get-vanilla case: its canonical request, and a signature under its public key", () => {
    const { request, details } = signRequestV4aWithDetails(exampleRequest(), options());
    expect(request.headers).toEqual({
      'x-amz-date': '20150830T123600Z',
      'x-amz-region-set': 'us-east-1',
      authorization: expect.stringMatching(
        /^AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE\/20150830\/service\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-region-set, Signature=30[0-9a-f]+$/,
      ),
    });
    expect(details.stringToSign).toBe(
      'AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/service/aws4_request\ncf59db423e841c8b7e3444158185aa261b724a5c27cbe762676f3eed19f4dc02',
    );
    expect(details.credentialScope).toBe('20150830/service/aws4_request');
    expect(details.regionSet).toBe('us-east-1');
    expect(
      verifySignatureV4a(PUBLIC_KEY, details.stringToSign, signatureOf(request.headers['authorization'])),
    ).toBe(true);
  });

  it('can be recomputed from the pure steps, as a learner would', () => {
    const { request, details } = signRequestV4aWithDetails(
      exampleRequest({ method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hi' }),
      options({ regionSet: ['us-east-1', 'us-west-2'] }),
    );
    const { authorization, ...signedHeaders } = request.headers;
    const creq = canonicalRequest({ ...request, headers: signedHeaders });
    expect(creq).toBe(details.canonicalRequest);
    const sts = stringToSignV4a({
      canonicalRequest: creq,
      amzDate: signedHeaders['x-amz-date']!,
      credentialScope: credentialScopeV4a(signedHeaders['x-amz-date']!, 'service'),
    });
    expect(sts).toBe(details.stringToSign);
    expect(verifySignatureV4a(PUBLIC_KEY, sts, signatureOf(authorization))).toBe(true);
  });

  it('signs a region set given as a list or as text the same way, and * as is', () => {
    const list = signRequestV4aWithDetails(
      exampleRequest(),
      options({ regionSet: ['us-east-1', 'us-west-2'] }),
    );
    const text = signRequestV4aWithDetails(exampleRequest(), options({ regionSet: 'us-east-1,us-west-2' }));
    expect(list.request.headers['x-amz-region-set']).toBe('us-east-1,us-west-2');
    expect(list.details.canonicalRequest).toBe(text.details.canonicalRequest);
    expect(list.details.canonicalRequest).toContain('\nx-amz-region-set:us-east-1,us-west-2\n');
    const any = signRequestV4aWithDetails(exampleRequest(), options({ regionSet: '*' }));
    expect(any.details.canonicalRequest).toContain('\nx-amz-region-set:*\n');
  });

  it("replaces a caller's x-amz-region-set, x-amz-date and authorization, in any case", () => {
    const signed = signRequestV4a(
      exampleRequest({
        headers: { 'X-Amz-Region-Set': 'eu-west-1', 'X-AMZ-DATE': '19990101T000000Z', Authorization: 'x' },
      }),
      options(),
    );
    expect(Object.keys(signed.headers).sort()).toEqual(['authorization', 'x-amz-date', 'x-amz-region-set']);
    expect(signed.headers['x-amz-region-set']).toBe('us-east-1');
    expect(signed.headers['x-amz-date']).toBe('20150830T123600Z');
  });

  it('signs the session token, or adds it unsigned with signSessionToken: false', () => {
    const credentials = { ...EXAMPLE_KEYS, sessionToken: EXAMPLE_TOKEN };
    const signed = signRequestV4a(exampleRequest(), options({ credentials }));
    expect(signed.headers['x-amz-security-token']).toBe(EXAMPLE_TOKEN);
    expect(signed.headers['authorization']).toContain(
      'SignedHeaders=host;x-amz-date;x-amz-region-set;x-amz-security-token,',
    );
    const late = signRequestV4a(exampleRequest(), options({ credentials, signSessionToken: false }));
    expect(late.headers['x-amz-security-token']).toBe(EXAMPLE_TOKEN);
    expect(late.headers['authorization']).toContain('SignedHeaders=host;x-amz-date;x-amz-region-set,');
  });

  it('adds x-amz-content-sha256 with contentSha256Header, and signs UNSIGNED-PAYLOAD with unsignedPayload', () => {
    const { request, details } = signRequestV4aWithDetails(
      exampleRequest({ method: 'PUT', body: 'data' }),
      options({ contentSha256Header: true, unsignedPayload: true }),
    );
    expect(request.headers['x-amz-content-sha256']).toBe('UNSIGNED-PAYLOAD');
    expect(details.payloadHash).toBe('UNSIGNED-PAYLOAD');
    expect(details.canonicalRequest.endsWith('\nUNSIGNED-PAYLOAD')).toBe(true);
  });

  it("never changes the caller's request, and the details hold no signature", () => {
    const request = exampleRequest({ headers: { 'X-Custom': 'a' } });
    const before = JSON.stringify(request);
    const { request: signed, details } = signRequestV4aWithDetails(request, options());
    expect(JSON.stringify(request)).toBe(before);
    const signature = signatureOf(signed.headers['authorization']);
    expect(JSON.stringify(details)).not.toContain(signature);
  });

  it('leaves SigV4 alone: signRequest signs a caller x-amz-region-set like any other header', () => {
    const signed = signRequest(exampleRequest({ headers: { 'x-amz-region-set': '*' } }), {
      credentials: EXAMPLE_KEYS,
      region: 'us-east-1',
      service: 'service',
      signingDate: EXAMPLE_DATE,
    });
    expect(signed.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(signed.headers['authorization']).toContain('SignedHeaders=host;x-amz-date;x-amz-region-set,');
  });
});

describe('presignUrlV4a', () => {
  it("presigns the suite's get-vanilla case: its canonical request, and a signature under its public key", () => {
    const { url, details } = presignUrlV4aWithDetails(exampleRequest(), options());
    expect(details.canonicalRequest).toBe(
      'GET\n/\nX-Amz-Algorithm=AWS4-ECDSA-P256-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fservice%2Faws4_request&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-Region-Set=us-east-1&X-Amz-SignedHeaders=host\nhost:example.amazonaws.com\n\nhost\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    const found = params(url);
    expect(found.get('X-Amz-Algorithm')).toEqual(['AWS4-ECDSA-P256-SHA256']);
    expect(found.get('X-Amz-Region-Set')).toEqual(['us-east-1']);
    expect(verifySignatureV4a(PUBLIC_KEY, details.stringToSign, found.get('X-Amz-Signature')![0]!)).toBe(
      true,
    );
  });

  it('encodes the region set in the URL (`,` as %2C, `*` as %2A) and signs it so', () => {
    const url = presignUrlV4a(exampleRequest(), options({ regionSet: ['us-east-1', 'us-west-2'] }));
    expect(url).toContain('&X-Amz-Region-Set=us-east-1%2Cus-west-2&');
    expect(params(url).get('X-Amz-Region-Set')).toEqual(['us-east-1,us-west-2']);
    expect(presignUrlV4a(exampleRequest(), options({ regionSet: '*' }))).toContain('&X-Amz-Region-Set=%2A&');
  });

  it('replaces the region set and auth parameters of an already presigned URL, and a caller region-set header', () => {
    const first = presignUrlV4a(exampleRequest(), options({ regionSet: 'eu-west-1' }));
    const again = presignUrlV4a(
      exampleRequest({ url: first, headers: { 'X-Amz-Region-Set': 'ap-south-1' } }),
      options({ regionSet: '*', expiresIn: 60 }),
    );
    for (const [, values] of params(again)) expect(values).toHaveLength(1);
    expect(params(again).get('X-Amz-Region-Set')).toEqual(['*']);
    expect(params(again).get('X-Amz-Expires')).toEqual(['60']);
    expect(params(again).has('x-amz-region-set')).toBe(false);
  });

  it('checks expiresIn as presignUrl does', () => {
    expect(thrown(() => presignUrlV4a(exampleRequest(), options({ expiresIn: 604_801 }))).field).toBe(
      'expiresIn',
    );
  });
});

describe('SigV4a input errors', () => {
  const cases: Array<[string, string, () => unknown]> = [
    [
      'no region set',
      'regionSet',
      () => signRequestV4a(exampleRequest(), options({ regionSet: undefined as never })),
    ],
    ['empty region set', 'regionSet', () => signRequestV4a(exampleRequest(), options({ regionSet: '' }))],
    ['empty list', 'regionSet', () => signRequestV4a(exampleRequest(), options({ regionSet: [] }))],
    [
      'a space after the comma',
      'regionSet',
      () => signRequestV4a(exampleRequest(), options({ regionSet: 'us-east-1, us-west-2' })),
    ],
    [
      'an empty region',
      'regionSet',
      () => signRequestV4a(exampleRequest(), options({ regionSet: 'us-east-1,' })),
    ],
    [
      'a comma inside a listed region',
      'regionSet',
      () => signRequestV4a(exampleRequest(), options({ regionSet: ['us-east-1,us-west-2'] })),
    ],
    [
      'a region that is not a string',
      'regionSet',
      () => presignUrlV4a(exampleRequest(), options({ regionSet: [1 as never] })),
    ],
    [
      'a region set given as a number',
      'regionSet',
      () => signRequestV4a(exampleRequest(), options({ regionSet: 5 as never })),
    ],
    ['no service', 'service', () => signRequestV4a(exampleRequest(), options({ service: '' }))],
    [
      'no secret',
      'credentials.secretAccessKey',
      () =>
        signRequestV4a(
          exampleRequest(),
          options({ credentials: { accessKeyId: 'AKID', secretAccessKey: '' } }),
        ),
    ],
    ['no options', 'options', () => signRequestV4a(exampleRequest(), undefined as never)],
    ['bad URL', 'url', () => presignUrlV4a(exampleRequest({ url: 'nope' }), options())],
  ];

  it.each(cases)('%s: SigningError naming %s', (_, field, run) => {
    const error = thrown(run);
    expect(error.name).toBe('SigningError');
    expect(error.code).toBe('SigningError');
    expect(error.field).toBe(field);
    expect(error.message).toContain(field);
  });

  it('asks for regionSet, not region, when the options are missing', () => {
    expect(thrown(() => signRequestV4a(exampleRequest(), undefined as never)).message).toContain('regionSet');
  });

  it('never puts the secret or the token in the message', () => {
    const credentials = {
      accessKeyId: 'AKID',
      secretAccessKey: 'SECRET-abc123',
      sessionToken: 'TOKEN-xyz789',
    };
    const error = thrown(() => signRequestV4a(exampleRequest(), options({ credentials, regionSet: 'a b' })));
    expect(error.message).not.toMatch(/SECRET-abc123|TOKEN-xyz789/);
  });

  it('accepts the options type core will pass: credentials, a region set, the service and the clock', () => {
    const fromCore: SigningOptionsV4a = {
      credentials: EXAMPLE_KEYS,
      regionSet: ['*'],
      service: 's3',
      signingDate: EXAMPLE_DATE,
      clockOffsetMs: 90_000,
    };
    expect(signRequestV4a(exampleRequest(), fromCore).headers['x-amz-date']).toBe('20150830T123730Z');
  });
});
