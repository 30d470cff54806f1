// clearSigningKeyCache: one call that drops every cached key, SigV4's and SigV4a's alike.

import { sharedKeyCache } from './key-cache.js';
import { sharedKeyPairCacheV4a } from './key-cache-v4a.js';

/** Empties the shared signing-key caches (SigV4 keys and SigV4a key pairs). */
export function clearSigningKeyCache(): void {
  sharedKeyCache.clear();
  sharedKeyPairCacheV4a.clear();
}
