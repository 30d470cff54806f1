// The reliability tests' secret scan must catch leaks, or their "no secret in any output" checks
// prove nothing.

import { describe, expect, it } from 'vitest';
import { TEST_CREDENTIALS } from '../../../core/src/client/test-support/leak-guard.js';
import { findLeak } from './test-support/secret-guard.js';

const signature = 'c0ffee'.repeat(10).slice(0, 60) + 'beef';
const secrets = [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken];

describe('findLeak', () => {
  it.each([
    ['the secret key', `credentials: ${TEST_CREDENTIALS.secretAccessKey}`],
    ['the session token', `x-amz-security-token: ${TEST_CREDENTIALS.sessionToken}`],
    ['a signature seen on the wire', `Authorization: ... Signature=${signature}`],
    ['a signature inside a longer run of hex', `digest 0123${signature}4567`],
  ])('finds %s', (_, text) => {
    const leak = findLeak(['harmless', text], secrets, new Set([signature]));
    expect(leak).toContain('<SECRET>');
    // The report masks the secret itself.
    expect(leak).not.toContain(signature);
    expect(leak).not.toContain(TEST_CREDENTIALS.secretAccessKey);
  });

  it('passes redacted output and other hashes', () => {
    const texts = [
      'Authorization: AWS4-HMAC-SHA256 Credential=AKIDLEAKGUARD000001/20250601/us-east-1/ec2/aws4_request, Signature=***',
      `x-amz-content-sha256: ${'ab'.repeat(32)}`,
    ];
    expect(findLeak(texts, secrets, new Set([signature]))).toBeUndefined();
  });
});
