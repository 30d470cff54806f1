// Differential test: random requests signed with SigV4a by @boto-ts/sigv4 and by
// @smithy/signature-v4a (the v3 SDK's JavaScript SigV4a signer, the one it uses for S3 multi-region
// access points without the CRT) must give byte-identical canonical requests and strings to sign.
// ECDSA signatures are random, so instead of comparing them each side's signature must verify under
// the other side's public key: smithy's with ours (node:crypto), ours with smithy's (computed and
// checked by @noble/curves, the pure-JavaScript P-256 code smithy itself bundles).
//
// smithy's texts are read through its protected createCanonicalRequest/createStringToSign, and its
// private key through the (TypeScript-private) getSignature it calls with it, from the signer instance.

import { p256 } from '@noble/curves/nist.js';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4a } from '@smithy/signature-v4a';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publicKeyV4a, signingKeyV4a, verifySignatureV4a } from './signing-key-v4a.js';
import { signRequestV4aWithDetails } from './sigv4a.js';
import {
  joined,
  pathOf,
  rawQuery,
  type Scenario,
  STREAM_BODY,
  scenario,
  smithyQuery,
} from './test-support/random-requests.js';

/** Records the canonical request and string to sign smithy builds, and the private key it signs with. */
class RecordingSignatureV4a extends SignatureV4a {
  lastCanonicalRequest = '';
  lastStringToSign = '';
  lastPrivateKey: Uint8Array | undefined;

  constructor(...args: ConstructorParameters<typeof SignatureV4a>) {
    super(...args);
    const self = this as unknown as { getSignature(key: Uint8Array, stringToSign: string): Promise<string> };
    const getSignature = self.getSignature.bind(this);
    self.getSignature = (key, stringToSign) => {
      this.lastPrivateKey = key;
      return getSignature(key, stringToSign);
    };
  }

  protected override createCanonicalRequest(...args: [never, never, never]): string {
    const text = super.createCanonicalRequest(...args);
    this.lastCanonicalRequest = text;
    return text;
  }

  protected override async createStringToSign(...args: [string, string, string, string]): Promise<string> {
    const text = await super.createStringToSign(...args);
    this.lastStringToSign = text;
    return text;
  }
}

/** Region sets as a caller passes them (smithy takes the header's text; we also take a list). */
const regionSet = fc.oneof(
  fc.constant(['*']),
  fc.array(fc.constantFrom('us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2', 'us-*'), {
    minLength: 1,
    maxLength: 3,
  }),
);

const SIGNATURE = /Signature=([0-9a-f]+)$/;

function ourOptions(s: Scenario, regions: readonly string[]) {
  return {
    credentials: s.credentials,
    regionSet: regions,
    service: s.service,
    signingDate: s.signingDate,
    normalizePath: s.mode === 'standard',
    doubleEscapePath: s.mode === 'standard',
    unsignedPayload: s.unsignedPayload,
    contentSha256Header: s.contentSha256Header,
    signSessionToken: s.signSessionToken,
  };
}

describe('differential against @smithy/signature-v4a', () => {
  it('signs 300 random requests into the same canonical request and string to sign, and the signatures cross-verify', async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(scenario, regionSet, async (s, regions) => {
        const path = pathOf(s);
        const query = rawQuery(s);
        const url = `https://${s.host}${path}${query === '' ? '' : `?${query}`}`;
        const ourHeaders: Record<string, string | string[]> = Object.fromEntries(s.headers);
        if (s.hostHeader !== undefined) ourHeaders['Host'] = s.hostHeader;
        const ours = signRequestV4aWithDetails(
          { method: s.method, url, headers: ourHeaders, body: s.body },
          ourOptions(s, regions),
        );

        const theirHeaders: Record<string, string> = { host: s.hostHeader ?? s.host };
        for (const [name, value] of s.headers) theirHeaders[name] = joined(value);
        if (s.unsignedPayload && s.contentSha256Header)
          theirHeaders['x-amz-content-sha256'] = 'UNSIGNED-PAYLOAD';
        const signer = new RecordingSignatureV4a({
          credentials: s.credentials,
          region: regions.join(','),
          service: s.service,
          sha256: Hash.bind(null, 'sha256'),
          uriEscapePath: s.mode === 'standard',
          applyChecksum: s.contentSha256Header,
        });
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
        expect(ours.details.stringToSign).toBe(signer.lastStringToSign);
        expect(ours.details.regionSet).toBe(regions.join(','));
        const ourAuthorization = ours.request.headers['authorization']!;
        const theirAuthorization = theirs.headers['authorization'] as string;
        const beforeSignature = (value: string) => value.slice(0, value.lastIndexOf('Signature='));
        expect(beforeSignature(ourAuthorization)).toBe(beforeSignature(theirAuthorization));
        for (const [name, value] of Object.entries(theirs.headers)) {
          if (name === 'authorization' || (name === 'host' && s.hostHeader === undefined)) continue;
          expect(ours.request.headers[name.toLowerCase()]).toBe(value);
        }

        // Each side's signature verifies under the other side's public key.
        const ourSignature = SIGNATURE.exec(ourAuthorization)![1]!;
        const theirSignature = SIGNATURE.exec(theirAuthorization)![1]!;
        const ourPublicKey = publicKeyV4a(
          signingKeyV4a(s.credentials.accessKeyId, s.credentials.secretAccessKey),
        );
        expect(verifySignatureV4a(ourPublicKey, signer.lastStringToSign, theirSignature)).toBe(true);
        const theirPublicKey = p256.getPublicKey(signer.lastPrivateKey!, false);
        expect(
          p256.verify(
            Buffer.from(ourSignature, 'hex'),
            Buffer.from(ours.details.stringToSign),
            theirPublicKey,
            { format: 'der', lowS: false },
          ),
        ).toBe(true);
        // The two public keys are one key: the derivations agree.
        expect(Buffer.from(theirPublicKey).toString('hex')).toBe(`04${ourPublicKey.x}${ourPublicKey.y}`);
        compared++;
      }),
      { numRuns: 300 },
    );
    expect(compared).toBeGreaterThanOrEqual(300);
  }, 300_000);
});
