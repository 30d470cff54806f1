import { createHash, createHmac } from 'node:crypto';
import { p256 } from '@noble/curves/nist.js';
import { describe, expect, it } from 'vitest';
import { P256_ORDER } from './ecdsa.js';
import { SigningError } from './errors.js';
import {
  credentialScopeV4a,
  deriveScalar,
  publicKeyV4a,
  scalarFromCandidate,
  signatureV4a,
  signingKeyV4a,
  stringToSignV4a,
  verifySignatureV4a,
} from './signing-key-v4a.js';
import { EXAMPLE_KEYS } from './test-support/fixtures.js';

/** aws-c-auth v4a, every case's public-key.json: the P-256 point of the suite's example keys. */
const SUITE_PUBLIC_KEY = {
  x: 'b6618f6a65740a99e650b33b6b4b5bd0d43b176d721a3edfea7e7d2d56d936b1',
  y: '865ed22a7eadc9c5cb9d2cbaca1b3699139fedc5043dc6661864218330c8e518',
};

/** aws-c-auth v4a/get-vanilla: header-canonical-request.txt and header-string-to-sign.txt. */
const GET_VANILLA_CREQ =
  'GET\n/\n\nhost:example.amazonaws.com\nx-amz-date:20150830T123600Z\nx-amz-region-set:us-east-1\n\nhost;x-amz-date;x-amz-region-set\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const GET_VANILLA_STS =
  'AWS4-ECDSA-P256-SHA256\n20150830T123600Z\n20150830/service/aws4_request\ncf59db423e841c8b7e3444158185aa261b724a5c27cbe762676f3eed19f4dc02';
/** aws-c-auth v4a/get-vanilla/header-signature.txt: one (random) signature of GET_VANILLA_STS. */
const GET_VANILLA_SIGNATURE =
  '3045022018b4e277d0281864beb51d3600e23f88510ea5031d68ddfbb68614b82a5eb7d2022100effb9c5f22ed9ef3ae0ab243d21f06bce82365bbb79529a07b6888c343ae5f8c';

function exampleKey(): Uint8Array {
  return signingKeyV4a(EXAMPLE_KEYS.accessKeyId, EXAMPLE_KEYS.secretAccessKey);
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

function block(hex: string): Buffer {
  return Buffer.from(hex.padStart(64, '0'), 'hex');
}

describe('SigV4a scope and string to sign', () => {
  it('scopes a signature to the day and service, without a region', () => {
    expect(credentialScopeV4a('20150830T123600Z', 'service')).toBe('20150830/service/aws4_request');
    expect(credentialScopeV4a('20150830', 's3')).toBe('20150830/s3/aws4_request');
  });

  it("builds the suite's string to sign from its canonical request", () => {
    expect(
      stringToSignV4a({
        canonicalRequest: GET_VANILLA_CREQ,
        amzDate: '20150830T123600Z',
        credentialScope: credentialScopeV4a('20150830T123600Z', 'service'),
      }),
    ).toBe(GET_VANILLA_STS);
  });
});

describe('signingKeyV4a (the key derivation)', () => {
  it("derives the key whose public point is the suite's public key", () => {
    expect(publicKeyV4a(exampleKey())).toEqual(SUITE_PUBLIC_KEY);
  });

  it('is deterministic, 32 bytes, and depends on both the access key id and the secret', () => {
    const key = exampleKey();
    expect(key).toHaveLength(32);
    expect(Buffer.from(exampleKey()).equals(Buffer.from(key))).toBe(true);
    const otherId = signingKeyV4a('AKIDEXAMPLF', EXAMPLE_KEYS.secretAccessKey);
    const otherSecret = signingKeyV4a(EXAMPLE_KEYS.accessKeyId, `${EXAMPLE_KEYS.secretAccessKey}x`);
    expect(Buffer.from(otherId).equals(Buffer.from(key))).toBe(false);
    expect(Buffer.from(otherSecret).equals(Buffer.from(key))).toBe(false);
  });

  it('is HMAC-SHA256 of the fixed input for counter 1, plus one, in the common case', () => {
    // The layout written out once more, from the spec: 0x00000001 || label || 0x00 || access key id || counter || 256.
    const fixed = Buffer.concat([
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('AWS4-ECDSA-P256-SHA256'),
      Buffer.from([0]),
      Buffer.from(EXAMPLE_KEYS.accessKeyId),
      Buffer.from([1]),
      Buffer.from([0, 0, 1, 0]),
    ]);
    const k0 = BigInt(
      `0x${createHmac('sha256', `AWS4A${EXAMPLE_KEYS.secretAccessKey}`).update(fixed).digest('hex')}`,
    );
    expect(BigInt(`0x${Buffer.from(exampleKey()).toString('hex')}`)).toBe(k0 + 1n);
  });

  it('accepts a candidate c only when c <= n - 2, and makes it c + 1 (a key in 1..n-1)', () => {
    expect(scalarFromCandidate(0n)).toBe(1n);
    expect(scalarFromCandidate(P256_ORDER - 2n)).toBe(P256_ORDER - 1n);
    expect(scalarFromCandidate(P256_ORDER - 1n)).toBeUndefined();
    expect(scalarFromCandidate(P256_ORDER)).toBeUndefined();
    expect(scalarFromCandidate(2n ** 256n - 1n)).toBeUndefined();
  });

  it('moves on to the next counter when a candidate is out of range', () => {
    const counters: number[] = [];
    const key = deriveScalar((counter) => {
      counters.push(counter);
      return counter < 3 ? block((P256_ORDER - 1n).toString(16)) : block('41');
    });
    expect(counters).toEqual([1, 2, 3]);
    expect(Buffer.from(key).toString('hex')).toBe('42'.padStart(64, '0'));
  });

  it('gives up with a SigningError after counter 254', () => {
    const counters: number[] = [];
    const error = thrown(() =>
      deriveScalar((counter) => {
        counters.push(counter);
        return block('f'.repeat(64));
      }),
    );
    expect(error.field).toBe('credentials');
    expect(counters).toHaveLength(254);
    expect(counters.at(-1)).toBe(254);
  });
});

describe('signatureV4a and verifySignatureV4a', () => {
  it('makes a DER signature that verifies, a different one each time', () => {
    const key = exampleKey();
    const first = signatureV4a(key, GET_VANILLA_STS);
    const second = signatureV4a(key, GET_VANILLA_STS);
    expect(first).toMatch(/^30[0-9a-f]+$/);
    expect(first).not.toBe(second);
    expect(verifySignatureV4a(SUITE_PUBLIC_KEY, GET_VANILLA_STS, first)).toBe(true);
    expect(verifySignatureV4a(SUITE_PUBLIC_KEY, GET_VANILLA_STS, second)).toBe(true);
  });

  it("verifies the suite's own signature, and rejects it for another text or a changed byte", () => {
    expect(verifySignatureV4a(SUITE_PUBLIC_KEY, GET_VANILLA_STS, GET_VANILLA_SIGNATURE)).toBe(true);
    expect(verifySignatureV4a(SUITE_PUBLIC_KEY, `${GET_VANILLA_STS} `, GET_VANILLA_SIGNATURE)).toBe(false);
    const flipped = `${GET_VANILLA_SIGNATURE.slice(0, 20)}${GET_VANILLA_SIGNATURE[20] === '0' ? '1' : '0'}${GET_VANILLA_SIGNATURE.slice(21)}`;
    expect(verifySignatureV4a(SUITE_PUBLIC_KEY, GET_VANILLA_STS, flipped)).toBe(false);
  });

  it('rejects a signature under another key, malformed DER and a point off the curve', () => {
    const otherKey = publicKeyV4a(signingKeyV4a('AKIDOTHER', 'other-secret'));
    expect(verifySignatureV4a(otherKey, GET_VANILLA_STS, GET_VANILLA_SIGNATURE)).toBe(false);
    expect(verifySignatureV4a(SUITE_PUBLIC_KEY, GET_VANILLA_STS, 'zz')).toBe(false);
    expect(verifySignatureV4a(SUITE_PUBLIC_KEY, GET_VANILLA_STS, '3006020101020101')).toBe(false);
    expect(
      verifySignatureV4a(
        { ...SUITE_PUBLIC_KEY, y: SUITE_PUBLIC_KEY.x },
        GET_VANILLA_STS,
        GET_VANILLA_SIGNATURE,
      ),
    ).toBe(false);
  });

  it('signs SHA-256 of the text: the signature verifies as ECDSA over that digest (pure-JS P-256)', () => {
    const signature = signatureV4a(exampleKey(), GET_VANILLA_STS);
    const digest = createHash('sha256').update(GET_VANILLA_STS).digest();
    const publicKey = Buffer.from(`04${SUITE_PUBLIC_KEY.x}${SUITE_PUBLIC_KEY.y}`, 'hex');
    const der = Buffer.from(signature, 'hex');
    expect(p256.verify(der, digest, publicKey, { prehash: false, format: 'der', lowS: false })).toBe(true);
    expect(
      p256.verify(der, Buffer.from(GET_VANILLA_STS), publicKey, {
        prehash: false,
        format: 'der',
        lowS: false,
      }),
    ).toBe(false);
  });

  it('refuses a key that is not a P-256 private key', () => {
    expect(thrown(() => signatureV4a(new Uint8Array(31), 'x')).field).toBe('signingKey');
    expect(thrown(() => signatureV4a(new Uint8Array(32), 'x')).field).toBe('signingKey');
    const order = Buffer.from(P256_ORDER.toString(16), 'hex');
    expect(thrown(() => publicKeyV4a(order)).field).toBe('signingKey');
  });
});
