import { describe, expect, it } from 'vitest';
import { canonicalRequest } from './canonical-request.js';
import { SigningError } from './errors.js';
import { presignUrl, presignUrlWithDetails } from './presign.js';
import { EXAMPLE_KEYS, EXAMPLE_TOKEN, exampleOptions, exampleRequest } from './test-support/fixtures.js';

/** aws-c-auth v4/get-vanilla/query-signature.txt */
const GET_VANILLA_QUERY_SIGNATURE = 'e93c787ed7f371d5c6b165c1b38ede9550f4dce4144713e844b25b7192d3865d';

function params(url: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const [name, value] of new URL(url).searchParams) found.set(name, [...(found.get(name) ?? []), value]);
  return found;
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

describe('presignUrl', () => {
  it('signs the aws-c-auth get-vanilla query case', () => {
    expect(presignUrl(exampleRequest(), exampleOptions())).toBe(
      'https://example.amazonaws.com/?X-Amz-Algorithm=AWS4-HMAC-SHA256' +
        '&X-Amz-Credential=AKIDEXAMPLE%2F20150830%2Fus-east-1%2Fservice%2Faws4_request' +
        '&X-Amz-Date=20150830T123600Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host' +
        `&X-Amz-Signature=${GET_VANILLA_QUERY_SIGNATURE}`,
    );
  });

  it("keeps the URL's own query and drops its fragment", () => {
    const url = presignUrl(
      exampleRequest({ url: 'https://example.amazonaws.com/k?b=2&a=1#top' }),
      exampleOptions(),
    );
    expect(url.startsWith('https://example.amazonaws.com/k?b=2&a=1&X-Amz-Algorithm=')).toBe(true);
    expect(url).not.toContain('#');
  });

  it('replaces the auth parameters of an already presigned URL instead of repeating them', () => {
    const first = presignUrl(exampleRequest(), exampleOptions({ expiresIn: 60 }));
    const again = presignUrl(exampleRequest({ url: first }), exampleOptions({ expiresIn: 120 }));
    for (const [, values] of params(again)) expect(values).toHaveLength(1);
    expect(params(again).get('X-Amz-Expires')).toEqual(['120']);
  });

  it('signs the query the URL carries: its canonical request is the pure one of the URL', () => {
    const { url, details } = presignUrlWithDetails(
      exampleRequest({ url: 'https://example.amazonaws.com/a b?z=%7e&y' }),
      exampleOptions(),
    );
    const withoutSignature = url.replace(/&X-Amz-Signature=[0-9a-f]+$/, '');
    expect(canonicalRequest(exampleRequest({ url: withoutSignature }))).toBe(details.canonicalRequest);
  });

  describe('expiresIn', () => {
    it('defaults to 3600 s and accepts 1 s to 7 days', () => {
      expect(params(presignUrl(exampleRequest(), exampleOptions())).get('X-Amz-Expires')).toEqual(['3600']);
      for (const expiresIn of [1, 900, 604_800]) {
        const url = presignUrl(exampleRequest(), { ...exampleOptions(), expiresIn });
        expect(params(url).get('X-Amz-Expires')).toEqual([String(expiresIn)]);
      }
    });

    it.each([0, -1, 604_801, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '60' as unknown as number])(
      'rejects %s, naming expiresIn',
      (expiresIn) => {
        const error = thrown(() => presignUrl(exampleRequest(), { ...exampleOptions(), expiresIn }));
        expect(error.field).toBe('expiresIn');
      },
    );
  });

  describe('session tokens', () => {
    const credentials = { ...EXAMPLE_KEYS, sessionToken: EXAMPLE_TOKEN };

    it('puts the token in the query and signs it', () => {
      const { url, details } = presignUrlWithDetails(exampleRequest(), exampleOptions({ credentials }));
      expect(params(url).get('X-Amz-Security-Token')).toEqual([EXAMPLE_TOKEN]);
      expect(details.canonicalRequest).toContain(`X-Amz-Security-Token=${encodeURIComponent(EXAMPLE_TOKEN)}`);
    });

    it('adds it after signing with signSessionToken: false', () => {
      const { url, details } = presignUrlWithDetails(
        exampleRequest(),
        exampleOptions({ credentials, signSessionToken: false }),
      );
      expect(params(url).get('X-Amz-Security-Token')).toEqual([EXAMPLE_TOKEN]);
      expect(details.canonicalRequest).not.toContain('X-Amz-Security-Token');
      expect(params(url).get('X-Amz-Signature')).toEqual([GET_VANILLA_QUERY_SIGNATURE]);
    });
  });

  it('moves x-amz-* headers into the query and signs the others as headers', () => {
    const { url, details } = presignUrlWithDetails(
      exampleRequest({
        headers: { 'X-Amz-Meta-Owner': 'me', 'Content-Type': 'text/plain', 'User-Agent': 'x' },
      }),
      exampleOptions(),
    );
    expect(params(url).get('x-amz-meta-owner')).toEqual(['me']);
    expect(details.signedHeaders).toBe('content-type;host');
  });

  it('signs UNSIGNED-PAYLOAD with unsignedPayload, else the body hash', () => {
    const post = exampleRequest({ method: 'POST', body: 'Param1=value1' });
    expect(presignUrlWithDetails(post, exampleOptions()).details.payloadHash).toBe(
      '9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e',
    );
    expect(presignUrlWithDetails(post, exampleOptions({ unsignedPayload: true })).details.payloadHash).toBe(
      'UNSIGNED-PAYLOAD',
    );
  });

  it('checks the same inputs as signRequest', () => {
    expect(thrown(() => presignUrl(exampleRequest(), exampleOptions({ region: '' }))).field).toBe('region');
    expect(thrown(() => presignUrl(exampleRequest({ url: 'nope' }), exampleOptions())).field).toBe('url');
  });
});
