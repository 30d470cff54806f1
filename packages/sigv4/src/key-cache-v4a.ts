// The SigV4a key pairs, cached: deriving one costs an HMAC, a point multiplication and a key
// import, and it depends on the credentials alone (not on the day, region or service). Keys:
// access key id + SHA-256 fingerprint of the secret, never the secret itself.

import { type EcdsaKeyPair, keyPairFromScalar } from './ecdsa.js';
import { DEFAULT_KEY_CACHE_SIZE, secretFingerprint } from './key-cache.js';
import { signingKeyV4a } from './signing-key-v4a.js';
import type { SigningCredentials } from './types.js';

export class KeyPairCacheV4a {
  private readonly entries = new Map<string, EcdsaKeyPair>();

  /** `maxEntries`: at least 1. */
  constructor(readonly maxEntries: number = DEFAULT_KEY_CACHE_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('KeyPairCacheV4a maxEntries must be an integer >= 1');
    }
  }

  /** How many key pairs are held now (never more than `maxEntries`). */
  get size(): number {
    return this.entries.size;
  }

  /** The key pair of these credentials: cached, or derived and cached (least recently used dropped first). */
  get(credentials: SigningCredentials): EcdsaKeyPair {
    const id = `${credentials.accessKeyId}\n${secretFingerprint(credentials)}`;
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      // Move to the back of the Map's insertion order: the front is the least recently used.
      this.entries.delete(id);
      this.entries.set(id, hit);
      return hit;
    }
    const scalar = signingKeyV4a(credentials.accessKeyId, credentials.secretAccessKey);
    const pair = keyPairFromScalar(scalar);
    scalar.fill(0);
    this.entries.set(id, pair);
    while (this.entries.size > this.maxEntries)
      this.entries.delete(this.entries.keys().next().value as string);
    return pair;
  }

  /**
   * Drops every key pair. The private key lives in a node:crypto KeyObject, whose memory
   * JavaScript cannot overwrite: it is freed once nothing refers to it.
   */
  clear(): void {
    this.entries.clear();
  }
}

/** The cache `signRequestV4a` and `presignUrlV4a` share. */
export const sharedKeyPairCacheV4a = /*#__PURE__*/ new KeyPairCacheV4a();
