// AWS's own SigV4 test suite (aws-c-auth copy): every signed request in it must verify, and the
// canonical request and string to sign the verifier rebuilds must equal the suite's text byte for byte.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasShared, sharedPath } from '../../../../scripts/lib/shared-dir.js';
import { parseRawRequest } from '../test-support/raw-request.js';
import { readClaim } from './claim.js';
import { computeSignature, verifySigV4 } from './verifier.js';

const SUITE = ['conformance', 'sigv4', 'aws-c-auth', 'aws-signing-test-suite', 'v4'];

interface Context {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  region: string;
  service: string;
  timestamp: string;
  normalize: boolean;
  omit_session_token?: boolean;
}

function cases(): string[] {
  if (!hasShared(...SUITE)) return [];
  const dir = sharedPath(...SUITE);
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'context.json')))
    .filter(
      (name) => (JSON.parse(readFileSync(join(dir, name, 'context.json'), 'utf8')) as Context).normalize,
    )
    .sort();
}

const names = cases();

describe.skipIf(names.length === 0)('SigV4 suite (non-S3 cases, header and presigned variants)', () => {
  it('covers the suite', () => {
    expect(names.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of names) {
    for (const variant of ['header', 'query'] as const) {
      // post-sts-header-after appends the token to a presigned query after signing (an IoT convention);
      // EC2 signs the token, so that one variant does not apply to an EC2 endpoint.
      const skip = variant === 'query' && name === 'post-sts-header-after';
      it.skipIf(skip)(`${variant}: ${name}`, () => {
        const dir = sharedPath(...SUITE, name);
        const read = (file: string) => readFileSync(join(dir, file), 'utf8');
        const context = JSON.parse(read('context.json')) as Context;
        const request = parseRawRequest(read(`${variant}-signed-request.txt`));
        const identity = {
          accessKeyId: context.credentials.access_key_id,
          secretAccessKey: context.credentials.secret_access_key,
          sessionToken: context.credentials.token,
        };
        const now = Date.parse(context.timestamp);
        const verified = verifySigV4(request, {
          findIdentity: (id) => (id === identity.accessKeyId ? identity : undefined),
          region: context.region,
          service: context.service,
          now,
        });
        expect(verified.kind).toBe(variant);
        const claim = readClaim(request.headers, request.target.split('?')[1] ?? '')!;
        const computed = computeSignature(request, claim, identity.secretAccessKey);
        expect(computed.canonicalRequest).toBe(read(`${variant}-canonical-request.txt`));
        expect(computed.stringToSign).toBe(read(`${variant}-string-to-sign.txt`));
        expect(computed.signature).toBe(read(`${variant}-signature.txt`).trim());
      });
    }
  }
});
