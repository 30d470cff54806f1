// aws-c-auth's SigV4a suite (40 cases, header and query variants), through the conformance
// runner's own checks, plus a second, independent ECDSA check: every suite signature and every
// signature of ours verifies under the suite's public key with @noble/curves, pure-JavaScript P-256
// that shares no code with node:crypto (OpenSSL), which signs here.

import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { type AwsCCase, parseRawRequest, toSignable } from '../../../scripts/conformance/sigv4-cases.js';
import {
  checkV4aCase,
  ecdsaVerifies,
  loadBotocoreSuite,
  loadV4aSuite,
  type SuitePublicKey,
  suitePublicKey,
  v4aOptions,
} from '../../../scripts/conformance/sigv4a.js';
import { publicKeyV4a, signingKeyV4a } from './signing-key-v4a.js';
import { presignUrlV4aWithDetails, signRequestV4aWithDetails } from './sigv4a.js';

const suite = loadV4aSuite();
const others = { botocore: loadBotocoreSuite(), v4a: suite };
const withExpectations = suite.filter((c) => typeof c['header-canonical-request'] === 'string');

function publicKeyOf(suiteCase: AwsCCase): SuitePublicKey {
  const key = suitePublicKey(suiteCase, suite);
  if (key === undefined) throw new Error(`${suiteCase.name}: no public key`);
  return key;
}

/** ECDSA P-256 verification by @noble/curves: its own SHA-256, its own curve arithmetic. */
function nobleVerifies(key: SuitePublicKey, message: string, signatureHex: string): boolean {
  return p256.verify(
    Buffer.from(signatureHex, 'hex'),
    Buffer.from(message),
    Buffer.from(`04${key.X}${key.Y}`, 'hex'),
    {
      format: 'der',
      lowS: false,
    },
  );
}

function request(suiteCase: AwsCCase) {
  return toSignable(parseRawRequest(suiteCase['request'] as string));
}

describe('aws-c-auth SigV4a suite', () => {
  it('has its 40 cases, 38 of them with expected files (two upstream folders hold only the request)', () => {
    expect(suite).toHaveLength(40);
    expect(withExpectations).toHaveLength(38);
  });

  it.each(suite.map((c) => [c.name, c] as const))('%s passes, header and query', (_, suiteCase) => {
    expect(checkV4aCase(suiteCase, publicKeyOf(suiteCase), others)).toEqual([]);
  });

  it("verifies the suite's own signatures with an independent ECDSA implementation", () => {
    let verified = 0;
    for (const suiteCase of withExpectations) {
      const key = publicKeyOf(suiteCase);
      for (const variant of ['header', 'query'] as const) {
        const stringToSign = suiteCase[`${variant}-string-to-sign`] as string;
        expect(nobleVerifies(key, stringToSign, suiteCase[`${variant}-signature`] as string)).toBe(true);
        expect(nobleVerifies(key, `${stringToSign}x`, suiteCase[`${variant}-signature`] as string)).toBe(
          false,
        );
        verified++;
      }
    }
    expect(verified).toBe(76);
  });

  it('makes signatures an independent ECDSA implementation verifies under the suite public key', () => {
    let verified = 0;
    for (const suiteCase of suite) {
      const key = publicKeyOf(suiteCase);
      const options = v4aOptions(suiteCase.context);
      const signed = signRequestV4aWithDetails(request(suiteCase), options);
      const signature = /Signature=([0-9a-f]+)$/.exec(signed.request.headers['authorization']!)![1]!;
      expect(nobleVerifies(key, signed.details.stringToSign, signature)).toBe(true);
      const presigned = presignUrlV4aWithDetails(request(suiteCase), {
        ...options,
        contentSha256Header: false,
        expiresIn: suiteCase.context.expiration_in_seconds,
      });
      const querySignature = new URL(presigned.url).searchParams.get('X-Amz-Signature')!;
      expect(nobleVerifies(key, presigned.details.stringToSign, querySignature)).toBe(true);
      verified++;
    }
    expect(verified).toBe(40);
  });

  describe('the checks can fail', () => {
    const vanilla = suite.find((c) => c.name === 'get-vanilla')!;

    it('reports a canonical request that differs from the expected text', () => {
      const changed = {
        ...vanilla,
        'header-canonical-request': (vanilla['header-canonical-request'] as string).replace('GET', 'PUT'),
      };
      expect(checkV4aCase(changed, publicKeyOf(vanilla), others).join('\n')).toMatch(
        /header: canonical request line 1/,
      );
    });

    it('reports a derived key pair that is not the suite public key', () => {
      // A point of the curve, but another key's.
      const other = publicKeyV4a(signingKeyV4a('AKIDOTHER', 'another secret'));
      const wrong = { X: other.x, Y: other.y };
      const problems = checkV4aCase(vanilla, wrong, others).join('\n');
      expect(problems).toMatch(/public key x/);
      expect(problems).toMatch(/our signature does not verify/);
    });

    it('reports a suite signature that does not verify', () => {
      const signature = vanilla['query-signature'] as string;
      const changed = { ...vanilla, 'query-signature': `${signature.slice(0, -2)}00` };
      expect(checkV4aCase(changed, publicKeyOf(vanilla), others).join('\n')).toMatch(
        /query: the suite signature .* does not verify/,
      );
      expect(ecdsaVerifies(publicKeyOf(vanilla), vanilla['query-string-to-sign'] as string, signature)).toBe(
        true,
      );
    });
  });
});
