import { createHash, createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EMPTY_SHA256, HmacKey, sha256Hex } from './hash.js';

describe('sha256Hex', () => {
  it('hashes strings as UTF-8 and bytes as they are', () => {
    expect(sha256Hex('')).toBe(EMPTY_SHA256);
    expect(sha256Hex('ሴ')).toBe(createHash('sha256').update('ሴ', 'utf8').digest('hex'));
    const bytes = new Uint8Array([0, 255, 128, 7]);
    expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('HmacKey', () => {
  it("signs like node's createHmac for any 32-byte key and ASCII message", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.string({ unit: 'binary-ascii', maxLength: 600 }),
        (key, message) => {
          expect(new HmacKey(key).signHex(message)).toBe(
            createHmac('sha256', key).update(message).digest('hex'),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('stays correct when messages change length and outgrow its buffer', () => {
    const key = new Uint8Array(32).fill(7);
    const hmac = new HmacKey(key);
    for (const message of ['short', 'x'.repeat(1000), 'mid'.repeat(30), '', 'y'.repeat(5000), 'short']) {
      expect(hmac.signHex(message)).toBe(createHmac('sha256', key).update(message).digest('hex'));
    }
  });

  it('overwrites its key material when wiped', () => {
    const hmac = new HmacKey(new Uint8Array(32).fill(9));
    hmac.wipe();
    expect(hmac.wiped).toBe(true);
    const pads = [hmac['inner'], hmac['outer']];
    for (const pad of pads) expect(pad.every((byte) => byte === 0)).toBe(true);
  });
});
