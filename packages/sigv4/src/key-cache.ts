// A small LRU cache of derived signing keys, so each signature costs one HMAC instead of five.
// Keys: access key id + SHA-256 fingerprint of the secret + date + region + service. The raw
// secret is never a cache key, and is referred to only while its credentials object lives
// (a WeakMap entry); evicted key material is overwritten.

import { HmacKey, sha256Hex } from './hash.js';
import { signingKey } from './signing-key.js';
import type { SigningCredentials } from './types.js';

/** How many derived keys the shared cache holds (one per credentials x day x region x service). */
export const DEFAULT_KEY_CACHE_SIZE = 50;

/**
 * What is remembered per credentials object (in a WeakMap, so it dies with the object): the
 * fingerprint of its secret, recomputed when the secret changes, and the last key it used, so the
 * common case (same credentials, same day, region and service) skips building the cache key.
 * That key is the same object as the cache's entry: once evicted it is wiped and not used again.
 */
interface Remembered {
  secret: string;
  fingerprint: string;
  last: { accessKeyId: string; date: string; region: string; service: string; key: CachedKey } | undefined;
}
const remembered = new WeakMap<object, Remembered>();

function rememberedFor(credentials: SigningCredentials): Remembered {
  const secret = credentials.secretAccessKey;
  let entry = remembered.get(credentials);
  if (entry === undefined || entry.secret !== secret) {
    entry = { secret, fingerprint: sha256Hex(secret), last: undefined };
    remembered.set(credentials, entry);
  }
  return entry;
}

/**
 * SHA-256 of the credentials' secret, remembered per credentials object: what the key caches use
 * in place of the secret to tell keys apart.
 */
export function secretFingerprint(credentials: SigningCredentials): string {
  return rememberedFor(credentials).fingerprint;
}

/** A cached key, knowing its cache (a key from another cache instance is not reused). */
class CachedKey extends HmacKey {
  constructor(
    key: Uint8Array,
    readonly cache: SigningKeyCache,
  ) {
    super(key);
  }
}

export class SigningKeyCache {
  private readonly entries = new Map<string, CachedKey>();
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
    const memo = rememberedFor(credentials);
    const last = memo.last;
    if (
      last !== undefined &&
      last.date === date &&
      last.region === region &&
      last.service === service &&
      last.accessKeyId === credentials.accessKeyId &&
      last.key.cache === this &&
      !last.key.wiped
    ) {
      return last.key;
    }
    const key = this.lookup(credentials.accessKeyId, memo, date, region, service);
    memo.last = { accessKeyId: credentials.accessKeyId, date, region, service, key };
    return key;
  }

  private lookup(
    accessKeyId: string,
    memo: Remembered,
    date: string,
    region: string,
    service: string,
  ): CachedKey {
    const id = `${accessKeyId}\n${memo.fingerprint}\n${date}\n${region}\n${service}`;
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
    const raw = signingKey(memo.secret, date, region, service);
    const key = new CachedKey(raw, this);
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
