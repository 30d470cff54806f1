// SHA-256 and HMAC-SHA256 on node:crypto, shaped for the signer's hot path.
// HMAC is written out (RFC 2104) over one-shot `crypto.hash`: with the key's two padded blocks
// computed once per cached signing key, a signature costs two hashes and no Hmac object.

import * as crypto from 'node:crypto';

/** `crypto.hash` (Node >= 20.12): one-shot, about twice as fast as createHash for small inputs. */
type OneShotHash = (algorithm: string, data: string | Uint8Array, encoding: 'hex' | 'latin1') => string;
const oneShot: OneShotHash | undefined = (crypto as { hash?: OneShotHash }).hash;

/** Lower-case hex SHA-256 of a string (as UTF-8) or of bytes. */
export const sha256Hex: (data: string | Uint8Array) => string =
  oneShot !== undefined
    ? (data) => oneShot('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

/** SHA-256 of bytes as a latin1 string (one char per byte): the cheapest form to copy into a buffer. */
const sha256Latin1: (data: Uint8Array) => string =
  oneShot !== undefined
    ? (data) => oneShot('sha256', data, 'latin1')
    : (data) => crypto.createHash('sha256').update(data).digest('binary');

/** Hex SHA-256 of the empty string: the payload hash of a request without a body. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** HMAC-SHA256 with raw bytes out (for deriving the signing keys; not on the hot path). Strings are UTF-8. */
export function hmacSha256(key: string | Uint8Array, data: string | Uint8Array): Buffer {
  const hmac = crypto.createHmac('sha256', key);
  return (typeof data === 'string' ? hmac.update(data, 'utf8') : hmac.update(data)).digest();
}

const BLOCK = 64;

/**
 * Writes an ASCII/latin1 string into a buffer at `offset`. Node's `latin1Write` skips the argument
 * parsing of `buffer.write(string, offset, 'latin1')` (a tenth of a signature's cost); the
 * documented call is the fallback where it is missing.
 */
type Latin1Writer = (buffer: Buffer, text: string, offset: number) => void;
const latin1Write: Latin1Writer =
  typeof (Buffer.prototype as { latin1Write?: unknown }).latin1Write === 'function'
    ? (buffer, text, offset) => {
        (buffer as Buffer & { latin1Write(text: string, offset: number): number }).latin1Write(text, offset);
      }
    : (buffer, text, offset) => {
        buffer.write(text, offset, 'latin1');
      };

/**
 * A 32-byte HMAC key with its inner and outer padded blocks (key XOR 0x36.., key XOR 0x5c..)
 * already written at the start of two reusable buffers.
 */
export class HmacKey {
  private inner: Buffer;
  private readonly outer: Buffer;
  /** `inner` cut to the last message length: most messages have the same length, so it is reused. */
  private view: Buffer;
  /** True once `wipe` has run: the key must not be used any more. */
  wiped = false;

  constructor(key: Uint8Array) {
    if (key.length > BLOCK) throw new RangeError('HmacKey expects a key of at most 64 bytes');
    this.inner = Buffer.alloc(BLOCK + 256, 0x36);
    this.outer = Buffer.alloc(BLOCK + 32, 0x5c);
    this.view = this.inner.subarray(0, BLOCK);
    for (let i = 0; i < key.length; i++) {
      this.inner[i]! ^= key[i]!;
      this.outer[i]! ^= key[i]!;
    }
  }

  /**
   * Hex HMAC-SHA256 of an ASCII message: SHA256(outer pad || SHA256(inner pad || message)).
   * The message must be ASCII (a string to sign is); other characters would be truncated to a byte.
   */
  signHex(message: string): string {
    const needed = BLOCK + message.length;
    if (needed > this.inner.length) {
      const grown = Buffer.alloc(Math.max(needed, this.inner.length * 2));
      this.inner.copy(grown, 0, 0, BLOCK);
      this.inner.fill(0);
      this.inner = grown;
      this.view = grown.subarray(0, BLOCK);
    }
    latin1Write(this.inner, message, BLOCK);
    if (this.view.length !== needed) this.view = this.inner.subarray(0, needed);
    const innerHash = sha256Latin1(this.view);
    latin1Write(this.outer, innerHash, BLOCK);
    return sha256Hex(this.outer);
  }

  /** Overwrites the padded key material (on eviction from the cache). */
  wipe(): void {
    this.wiped = true;
    this.inner.fill(0);
    this.outer.fill(0);
  }
}
