import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressRequestBody, DEFAULT_MIN_COMPRESSION_BYTES } from './request-compression.js';

const gzipOperation = { name: 'PutLogs', requestCompression: ['gzip'] };

describe('compressRequestBody', () => {
  it('gzips a large body for an operation that accepts it', () => {
    const body = 'Action=PutLogs&Data='.padEnd(DEFAULT_MIN_COMPRESSION_BYTES, 'x');
    const result = compressRequestBody(gzipOperation, body);
    expect(result.contentEncoding).toBe('gzip');
    expect(gunzipSync(result.body as Uint8Array).toString('utf8')).toBe(body);
  });

  it('leaves small bodies, disabled compression and other operations alone', () => {
    const big = 'x'.repeat(20_000);
    expect(compressRequestBody(gzipOperation, 'small')).toEqual({
      body: 'small',
      contentEncoding: undefined,
    });
    expect(compressRequestBody(gzipOperation, big, { disabled: true }).contentEncoding).toBeUndefined();
    expect(compressRequestBody({ name: 'RunInstances' }, big).contentEncoding).toBeUndefined();
    expect(compressRequestBody(gzipOperation, 'a'.repeat(100), { minBytes: 50 }).contentEncoding).toBe(
      'gzip',
    );
  });

  it('counts bytes, not characters', () => {
    const body = 'é'.repeat(DEFAULT_MIN_COMPRESSION_BYTES / 2);
    expect(compressRequestBody(gzipOperation, body).contentEncoding).toBe('gzip');
  });
});
