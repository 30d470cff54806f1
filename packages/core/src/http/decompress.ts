// Response bodies the server compressed (gzip, deflate): decoded before anyone parses them.
// node:zlib is loaded only when a compressed response actually arrives.

import type * as Zlib from 'node:zlib';

let zlib: Promise<typeof Zlib> | undefined;

function loadZlib(): Promise<typeof Zlib> {
  zlib ??= import('node:zlib');
  return zlib;
}

/** True when `contentEncoding` names a coding this module decodes (identity needs nothing). */
export function isCompressed(contentEncoding: string | undefined): boolean {
  if (contentEncoding === undefined) return false;
  const coding = contentEncoding.trim().toLowerCase();
  return coding === 'gzip' || coding === 'x-gzip' || coding === 'deflate';
}

/** Decodes a whole body. Rejects (with zlib's error) on corrupt data. */
export async function decompressBody(body: Uint8Array, contentEncoding: string): Promise<Uint8Array> {
  const z = await loadZlib();
  const coding = contentEncoding.trim().toLowerCase();
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, result: Buffer) => (error ? reject(error) : resolve(result));
    if (coding === 'deflate') {
      // Servers send either zlib-wrapped or raw deflate under this name; the first byte tells which.
      if (body.length > 1 && (body[0]! & 0x0f) === 8 && ((body[0]! << 8) | body[1]!) % 31 === 0) {
        z.inflate(body, done);
      } else {
        z.inflateRaw(body, done);
      }
    } else {
      z.gunzip(body, done);
    }
  });
}
