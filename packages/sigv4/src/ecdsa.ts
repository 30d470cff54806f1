// ECDSA on NIST P-256 with SHA-256, on node:crypto: key objects from a raw private scalar, DER
// signatures and their verification. SigV4a's only use of elliptic curves goes through here.

import * as crypto from 'node:crypto';
import type { EcdsaPublicKey } from './types.js';

/** The order n of P-256's base point: private keys are the integers 1..n-1. */
export const P256_ORDER = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** A P-256 key pair as node:crypto objects, made once per credentials and cached by the signer. */
export interface EcdsaKeyPair {
  readonly privateKey: crypto.KeyObject;
  readonly publicKey: EcdsaPublicKey;
}

/** The public point of a 32-byte big-endian private scalar, as the x and y hex of its coordinates. */
export function publicPoint(privateKey: Uint8Array): EcdsaPublicKey {
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.setPrivateKey(privateKey);
  const point = ecdh.getPublicKey(); // 0x04 || x (32 bytes) || y (32 bytes)
  return { x: point.subarray(1, 33).toString('hex'), y: point.subarray(33, 65).toString('hex') };
}

function base64url(hex: string): string {
  return Buffer.from(hex, 'hex').toString('base64url');
}

/**
 * Imports a 32-byte private scalar (1..n-1) as a signing key. node:crypto's JWK import wants the
 * public point beside the scalar, so it is computed first.
 */
export function keyPairFromScalar(privateKey: Uint8Array): EcdsaKeyPair {
  const publicKey = publicPoint(privateKey);
  const key = crypto.createPrivateKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: Buffer.from(privateKey.buffer, privateKey.byteOffset, privateKey.byteLength).toString('base64url'),
      x: base64url(publicKey.x),
      y: base64url(publicKey.y),
    },
    format: 'jwk',
  });
  return { privateKey: key, publicKey };
}

/** Hex DER (`30 .. 02 r 02 s`) ECDSA signature over SHA-256 of `message` (UTF-8). Randomized: two calls differ. */
export function signDer(privateKey: crypto.KeyObject, message: string): string {
  return crypto
    .sign('sha256', Buffer.from(message, 'utf8'), { key: privateKey, dsaEncoding: 'der' })
    .toString('hex');
}

const HEX_64 = /^[0-9a-fA-F]{64}$/;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;

/**
 * True when `signature` (hex DER) is a valid ECDSA P-256/SHA-256 signature of `message` (UTF-8)
 * under `publicKey`. False for a wrong signature, malformed DER or a point not on the curve.
 */
export function verifyDer(publicKey: EcdsaPublicKey, message: string, signature: string): boolean {
  if (!HEX_64.test(publicKey.x) || !HEX_64.test(publicKey.y) || !HEX.test(signature)) return false;
  let key: crypto.KeyObject;
  try {
    key = crypto.createPublicKey({
      key: { kty: 'EC', crv: 'P-256', x: base64url(publicKey.x), y: base64url(publicKey.y) },
      format: 'jwk',
    });
  } catch {
    return false; // not a point on P-256
  }
  try {
    return crypto.verify(
      'sha256',
      Buffer.from(message, 'utf8'),
      { key, dsaEncoding: 'der' },
      Buffer.from(signature, 'hex'),
    );
  } catch {
    return false; // DER that does not parse
  }
}
