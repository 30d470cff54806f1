// Differential test: random requests signed by @boto-ts/sigv4 and by @smithy/signature-v4 (the v3
// SDK's signer) must give byte-identical canonical requests and Authorization headers, and the same
// presigned-URL signatures. smithy's canonical request is read through its protected
// createCanonicalRequest, from a subclass that records what it returns while signing.
//
// The generator (test-support/random-requests.ts) leaves out only inputs where the two signers are
// meant to differ, each for a stated reason; the assertions are never loosened.

import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presignUrlWithDetails } from './presign.js';
import { signRequestWithDetails } from './sign.js';
import {
  joined,
  pathOf,
  rawQuery,
  type Scenario,
  STREAM_BODY,
  scenario,
  smithyQuery,
} from './test-support/random-requests.js';
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
