// A small LRU cache of derived signing keys, so each signature costs one HMAC instead of five.
// Keys: access key id + SHA-256 fingerprint of the secret + date + region + service. The raw
// secret is never a key and is not kept; evicted key material is overwritten.

import { HmacKey, sha256Hex } from './hash.js';
import { signingKey } from './signing-key.js';
import type { SigningCredentials } from './types.js';

/** How many derived keys the shared cache holds (one per credentials x day x region x service). */
export const DEFAULT_KEY_CACHE_SIZE = 50;

/**
 * Fingerprints of secrets, per credentials object. The entry dies with the object (WeakMap) and
 * is recomputed when the object's secret changes, so a long-lived credentials object costs one
 * hash, not one per signature.
 */
const fingerprints = new WeakMap<object, { secret: string; fingerprint: string }>();

function fingerprintOf(credentials: SigningCredentials): string {
  const secret = credentials.secretAccessKey;
  const known = fingerprints.get(credentials);
  if (known !== undefined && known.secret === secret) return known.fingerprint;
  const fingerprint = sha256Hex(secret);
  fingerprints.set(credentials, { secret, fingerprint });
  return fingerprint;
}

export class SigningKeyCache {
  private readonly entries = new Map<string, HmacKey>();
  private newest: string | undefined;

  /** `maxEntries`: at least 1. */
  constructor(readonly maxEntries: number = DEFAULT_KEY_CACHE_SIZE) {
    if (!Number.isInteger(maxEntries) || maxEntries < 1) {
      throw new RangeError('SigningKeyCache maxEntries must be an integer >= 1');
    }
  }

  /** How many keys are held now (never more than `maxEntries`). */
  get size(): number {
    return this.entries.size;
  }

  /** The key for these credentials, day (`YYYYMMDD`), region and service: cached, or derived and cached. */
  get(credentials: SigningCredentials, date: string, region: string, service: string): HmacKey {
    const id = `${credentials.accessKeyId}\n${fingerprintOf(credentials)}\n${date}\n${region}\n${service}`;
    const hit = this.entries.get(id);
    if (hit !== undefined) {
      if (this.newest !== id) {
        // Move to the back of the Map's insertion order: the Map's front is the least recently used.
        this.entries.delete(id);
        this.entries.set(id, hit);
        this.newest = id;
      }
      return hit;
    }
    const raw = signingKey(credentials.secretAccessKey, date, region, service);
    const key = new HmacKey(raw);
    raw.fill(0);
    this.entries.set(id, key);
    this.newest = id;
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.get(oldest)?.wipe();
      this.entries.delete(oldest);
    }
    return key;
  }

  /** Drops (and overwrites) every key: call after rotating credentials if keys must not linger. */
  clear(): void {
    for (const key of this.entries.values()) key.wipe();
    this.entries.clear();
    this.newest = undefined;
  }
}

/** The cache `signRequest` and `presignUrl` share. */
export const sharedKeyCache = new SigningKeyCache();

/** Empties the shared signing-key cache. */
export function clearSigningKeyCache(): void {
  sharedKeyCache.clear();
}
