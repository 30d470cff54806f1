// The pure steps of SigV4a (AWS4-ECDSA-P256-SHA256) after the canonical request: its scope (no
// region), its string to sign, the P-256 key pair derived from the secret, the signature, its check.

import { keyPairFromScalar, P256_ORDER, publicPoint, signDer, verifyDer } from './ecdsa.js';
import { SigningError } from './errors.js';
import { hmacSha256, sha256Hex } from './hash.js';
import type { EcdsaPublicKey } from './types.js';

export const ALGORITHM_V4A = 'AWS4-ECDSA-P256-SHA256';

/** How many counter values the key derivation tries (one byte, 1..254, as the AWS SDKs do). */
const MAX_COUNTER = 254;

/**
 * `20150830/service/aws4_request`: SigV4a's scope names the day and the service only; the regions
 * travel in `x-amz-region-set`. `date` is an amz-date (`20150830T123600Z`) or its first 8 characters.
 */
export function credentialScopeV4a(date: string, service: string): string {
  return `${date.length > 8 ? date.slice(0, 8) : date}/${service}/aws4_request`;
}

/** The parts of a SigV4a string to sign. */
export interface StringToSignV4aParts {
  readonly canonicalRequest: string;
  /** `20150830T123600Z` */
  readonly amzDate: string;
  /** `20150830/service/aws4_request` (see `credentialScopeV4a`). */
  readonly credentialScope: string;
}

/** `AWS4-ECDSA-P256-SHA256\n<amz-date>\n<scope>\n<hex sha256 of the canonical request>`. */
export function stringToSignV4a(parts: StringToSignV4aParts): string {
  return `${ALGORITHM_V4A}\n${parts.amzDate}\n${parts.credentialScope}\n${sha256Hex(parts.canonicalRequest)}`;
}

/** One step of the counter-mode KDF (NIST SP 800-108): HMAC-SHA256 of the fixed input for `counter`. */
function kdfBlock(inputKey: Buffer, accessKeyId: string, counter: number): Buffer {
  // i = 1 (one 256-bit block wanted) || label || 0x00 || context (the access key id) || counter || L = 256
  const fixedInput = Buffer.concat([
    Buffer.from([0, 0, 0, 1]),
    Buffer.from(ALGORITHM_V4A, 'latin1'),
    Buffer.from([0]),
    Buffer.from(accessKeyId, 'utf8'),
    Buffer.from([counter]),
    Buffer.from([0, 0, 1, 0]),
  ]);
  return hmacSha256(inputKey, fixedInput);
}

/**
 * The SigV4a private key of a pair of keys: a P-256 scalar (32 bytes, big-endian) derived
 * deterministically from `AWS4A` + secret and the access key id. Each counter value 1, 2, ...
 * gives a candidate c; the first with c <= n - 2 (n: the curve's order) gives d = c + 1, so d is in
 * 1..n-1, a valid private key. A candidate is rejected with odds of about 2^-32, so this nearly
 * always takes one HMAC. Pure; the signer caches the key pair itself.
 */
export function signingKeyV4a(accessKeyId: string, secretAccessKey: string): Uint8Array {
  const inputKey = Buffer.from(`AWS4A${secretAccessKey}`, 'utf8');
  try {
    return deriveScalar((counter) => kdfBlock(inputKey, accessKeyId, counter));
  } finally {
    inputKey.fill(0);
  }
}

/** The private key of a candidate c from the KDF: c + 1 when c <= n - 2, else none (try the next counter). */
export function scalarFromCandidate(candidate: bigint): bigint | undefined {
  return candidate <= P256_ORDER - 2n ? candidate + 1n : undefined;
}

/** Tries the counters 1..254 in turn on `block` (one KDF output per counter) until one gives a key. */
export function deriveScalar(block: (counter: number) => Buffer): Uint8Array {
  for (let counter = 1; counter <= MAX_COUNTER; counter++) {
    const output = block(counter);
    const scalar = scalarFromCandidate(BigInt(`0x${output.toString('hex')}`));
    output.fill(0);
    if (scalar !== undefined) return scalarBytes(scalar);
  }
  // 254 rejections in a row: odds of about 2^-8000, but the spec says to give up, so we do.
  throw new SigningError(
    'credentials',
    'give no SigV4a key: every counter of the key derivation was rejected; use other credentials.',
  );
}

function scalarBytes(value: bigint): Uint8Array {
  return Buffer.from(value.toString(16).padStart(64, '0'), 'hex');
}

/** The public key (x and y as hex) of a SigV4a private key: what a verifier checks signatures with. */
export function publicKeyV4a(signingKey: Uint8Array): EcdsaPublicKey {
  checkScalar(signingKey);
  return publicPoint(signingKey);
}

/**
 * The SigV4a signature of a string to sign: hex DER ECDSA P-256 over its SHA-256. ECDSA takes a
 * random nonce, so each call gives a different (equally valid) signature.
 */
export function signatureV4a(signingKey: Uint8Array, stringToSign: string): string {
  checkScalar(signingKey);
  return signDer(keyPairFromScalar(signingKey).privateKey, stringToSign);
}

/** True when `signature` (hex DER) is a valid SigV4a signature of `stringToSign` under `publicKey`. */
export function verifySignatureV4a(
  publicKey: EcdsaPublicKey,
  stringToSign: string,
  signature: string,
): boolean {
  return verifyDer(publicKey, stringToSign, signature);
}

/** A private key must be 32 bytes holding 1..n-1. */
function checkScalar(signingKey: Uint8Array): void {
  if (!(signingKey instanceof Uint8Array) || signingKey.length !== 32) {
    throw new SigningError('signingKey', 'must be the 32 bytes signingKeyV4a returns.');
  }
  const value = BigInt(`0x${Buffer.from(signingKey).toString('hex')}`);
  if (value === 0n || value >= P256_ORDER) {
    throw new SigningError('signingKey', 'is not a P-256 private key (1..n-1): use signingKeyV4a.');
  }
}
