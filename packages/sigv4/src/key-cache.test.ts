import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { HmacKey } from './hash.js';
import { SigningKeyCache } from './key-cache.js';
import { signingKey } from './signing-key.js';
import { EXAMPLE_KEYS } from './test-support/fixtures.js';

const STS = 'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/service/aws4_request\nabc';

/** What the key for these inputs must sign STS as. */
function expected(secret: string, date: string, region: string, service: string): string {
  return createHmac('sha256', signingKey(secret, date, region, service))
    .update(STS)
    .digest('hex');
}

function cacheKeys(cache: SigningKeyCache): string[] {
  return [...cache['entries'].keys()];
}

describe('SigningKeyCache', () => {
  it('derives the same key as signingKey()', () => {
    const cache = new SigningKeyCache(4);
    const key = cache.get(EXAMPLE_KEYS, '20150830', 'us-east-1', 'service');
    expect(key.signHex(STS)).toBe(expected(EXAMPLE_KEYS.secretAccessKey, '20150830', 'us-east-1', 'service'));
  });

  it('returns the cached key for the same credentials, day, region and service', () => {
    const cache = new SigningKeyCache(4);
    const first = cache.get(EXAMPLE_KEYS, '20150830', 'us-east-1', 'ec2');
    expect(cache.get({ ...EXAMPLE_KEYS }, '20150830', 'us-east-1', 'ec2')).toBe(first);
    expect(cache.get(EXAMPLE_KEYS, '20150831', 'us-east-1', 'ec2')).not.toBe(first);
    expect(cache.get(EXAMPLE_KEYS, '20150830', 'eu-west-1', 'ec2')).not.toBe(first);
    expect(cache.get(EXAMPLE_KEYS, '20150830', 'us-east-1', 'sts')).not.toBe(first);
    expect(cache.size).toBe(4);
  });

  it('never holds more than maxEntries keys, and wipes the ones it drops', () => {
    const cache = new SigningKeyCache(3);
    const keys: HmacKey[] = [];
    for (let day = 1; day <= 10; day++) {
      keys.push(cache.get(EXAMPLE_KEYS, `201508${String(day).padStart(2, '0')}`, 'us-east-1', 'ec2'));
      expect(cache.size).toBeLessThanOrEqual(3);
    }
    expect(keys.filter((k) => k.wiped)).toHaveLength(7);
    expect(keys.slice(-3).every((k) => !k.wiped)).toBe(true);
  });

  it('evicts the least recently used key, not the oldest inserted', () => {
    const cache = new SigningKeyCache(2);
    const a = cache.get(EXAMPLE_KEYS, '20150801', 'r', 's');
    cache.get(EXAMPLE_KEYS, '20150802', 'r', 's');
    cache.get({ ...EXAMPLE_KEYS }, '20150801', 'r', 's'); // touch a
    cache.get(EXAMPLE_KEYS, '20150803', 'r', 's'); // evicts 02
    expect(a.wiped).toBe(false);
    expect(cache.get({ ...EXAMPLE_KEYS }, '20150801', 'r', 's')).toBe(a);
  });

  it('derives a fresh key after the key a credentials object last used was evicted', () => {
    const cache = new SigningKeyCache(1);
    const credentials = { ...EXAMPLE_KEYS };
    const first = cache.get(credentials, '20150801', 'r', 's');
    cache.get({ ...EXAMPLE_KEYS }, '20150802', 'r', 's');
    const again = cache.get(credentials, '20150801', 'r', 's');
    expect(first.wiped).toBe(true);
    expect(again).not.toBe(first);
    expect(again.signHex(STS)).toBe(expected(EXAMPLE_KEYS.secretAccessKey, '20150801', 'r', 's'));
  });

  it('keys entries by access key id and a fingerprint, never by the raw secret', () => {
    const cache = new SigningKeyCache(4);
    cache.get(EXAMPLE_KEYS, '20150830', 'us-east-1', 'ec2');
    const [id] = cacheKeys(cache);
    expect(id).toContain(EXAMPLE_KEYS.accessKeyId);
    expect(id).not.toContain(EXAMPLE_KEYS.secretAccessKey);
    expect(id).not.toContain('wJalrXUtnFEMI');
  });

  it('tells apart two secrets under the same access key id', () => {
    const cache = new SigningKeyCache(4);
    const other = { accessKeyId: EXAMPLE_KEYS.accessKeyId, secretAccessKey: 'another-secret' };
    const a = cache.get(EXAMPLE_KEYS, '20150830', 'r', 's');
    const b = cache.get(other, '20150830', 'r', 's');
    expect(b).not.toBe(a);
    expect(b.signHex(STS)).toBe(expected('another-secret', '20150830', 'r', 's'));
  });

  it('notices a credentials object whose secret was changed in place', () => {
    const cache = new SigningKeyCache(4);
    const credentials = { accessKeyId: 'AKID', secretAccessKey: 'first' };
    cache.get(credentials, '20150830', 'r', 's');
    credentials.secretAccessKey = 'second';
    const key = cache.get(credentials, '20150830', 'r', 's');
    expect(key.signHex(STS)).toBe(expected('second', '20150830', 'r', 's'));
  });

  it('does not reuse a key remembered from another cache', () => {
    const credentials = { ...EXAMPLE_KEYS };
    const one = new SigningKeyCache(2);
    const two = new SigningKeyCache(2);
    expect(two.get(credentials, '20150830', 'r', 's')).not.toBe(one.get(credentials, '20150830', 'r', 's'));
    expect(two.size).toBe(1);
  });

  it('clear() empties the cache and wipes every key', () => {
    const cache = new SigningKeyCache(4);
    const key = cache.get(EXAMPLE_KEYS, '20150830', 'r', 's');
    cache.clear();
    expect(cache.size).toBe(0);
    expect(key.wiped).toBe(true);
  });

  it('rejects a bound below 1', () => {
    expect(() => new SigningKeyCache(0)).toThrow(RangeError);
  });
});
