// Request compression (the model's `requestcompression` trait): operations that accept a gzip body get
// one when the body is large enough to be worth it, as botocore does (10,240 bytes by default, settable
// with `request_min_compression_size_bytes` / AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES, off with
// `disable_request_compression`). The pipeline applies it to every protocol's body.

import { gzipSync } from 'node:zlib';
import type { OperationSchema } from './schema.js';

export const DEFAULT_MIN_COMPRESSION_BYTES = 10_240;

export interface CompressionOptions {
  /** Smallest body (in bytes) worth compressing; default 10,240. */
  readonly minBytes?: number;
  readonly disabled?: boolean;
}

export interface CompressedBody {
  readonly body: string | Uint8Array;
  /** `gzip` when the body was compressed (send it as Content-Encoding); undefined otherwise. */
  readonly contentEncoding: string | undefined;
}

export function compressRequestBody(
  operation: OperationSchema,
  body: string | Uint8Array,
  options?: CompressionOptions,
): CompressedBody {
  const minBytes = options?.minBytes ?? DEFAULT_MIN_COMPRESSION_BYTES;
  if (options?.disabled === true || !operation.requestCompression?.includes('gzip'))
    return { body, contentEncoding: undefined };
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  if (bytes.length < minBytes) return { body, contentEncoding: undefined };
  const gzipped = gzipSync(bytes);
  return {
    body: new Uint8Array(gzipped.buffer, gzipped.byteOffset, gzipped.byteLength),
    contentEncoding: 'gzip',
  };
}
