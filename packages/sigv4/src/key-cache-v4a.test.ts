import { describe, expect, it } from 'vitest';
import { clearSigningKeyCache } from './clear-key-caches.js';
import { signDer, verifyDer } from './ecdsa.js';
import { sharedKeyCache } from './key-cache.js';
import { KeyPairCacheV4a, sharedKeyPairCacheV4a } from './key-cache-v4a.js';
import { signRequest } from './sign.js';
import { publicKeyV4a, signingKeyV4a } from './signing-key-v4a.js';
import { signRequestV4a } from './sigv4a.js';
import { EXAMPLE_DATE, EXAMPLE_KEYS, exampleRequest } from './test-support/fixtures.js';

describe('KeyPairCacheV4a', () => {
  it('derives a key pair once per credentials, whatever object carries them', () => {
    const cache = new KeyPairCacheV4a();
    const pair = cache.get(EXAMPLE_KEYS);
    expect(cache.get({ ...EXAMPLE_KEYS })).toBe(pair);
    expect(cache.size).toBe(1);
    expect(pair.publicKey).toEqual(
      publicKeyV4a(signingKeyV4a(EXAMPLE_KEYS.accessKeyId, EXAMPLE_KEYS.secretAccessKey)),
    );
    expect(verifyDer(pair.publicKey, 'text', signDer(pair.privateKey, 'text'))).toBe(true);
  });

  it('tells apart two secrets under one access key id, and notices a changed secret', () => {
    const cache = new KeyPairCacheV4a();
    const credentials = { accessKeyId: 'AKID', secretAccessKey: 'one' };
    const first = cache.get(credentials);
    const other = cache.get({ accessKeyId: 'AKID', secretAccessKey: 'two' });
    expect(other).not.toBe(first);
    expect(other.publicKey).not.toEqual(first.publicKey);
    (credentials as { secretAccessKey: string }).secretAccessKey = 'two';
    expect(cache.get(credentials)).toBe(other);
  });

  it('drops the least recently used pair beyond maxEntries', () => {
    const cache = new KeyPairCacheV4a(2);
    const a = cache.get({ accessKeyId: 'A', secretAccessKey: 's' });
    cache.get({ accessKeyId: 'B', secretAccessKey: 's' });
    cache.get({ accessKeyId: 'A', secretAccessKey: 's' }); // touch A
    cache.get({ accessKeyId: 'C', secretAccessKey: 's' }); // drops B
    expect(cache.size).toBe(2);
    expect(cache.get({ accessKeyId: 'A', secretAccessKey: 's' })).toBe(a);
    expect(() => new KeyPairCacheV4a(0)).toThrow(RangeError);
  });

  it('is emptied, with the SigV4 cache, by clearSigningKeyCache', () => {
    const options = { credentials: EXAMPLE_KEYS, service: 'service', signingDate: EXAMPLE_DATE };
    signRequestV4a(exampleRequest(), { ...options, regionSet: '*' });
    signRequest(exampleRequest(), { ...options, region: 'us-east-1' });
    expect(sharedKeyPairCacheV4a.size).toBeGreaterThan(0);
    expect(sharedKeyCache.size).toBeGreaterThan(0);
    clearSigningKeyCache();
    expect(sharedKeyPairCacheV4a.size).toBe(0);
    expect(sharedKeyCache.size).toBe(0);
  });
});
