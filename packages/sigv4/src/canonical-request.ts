// The two texts SigV4 hashes: the canonical request (method, URI, query, headers, payload hash)
// and the string to sign (algorithm, time, scope, hash of the canonical request).

import { formatCanonicalHeaders, mergeHeaders } from './canonical-headers.js';
import { canonicalQueryString } from './canonical-query.js';
import { type CanonicalUriOptions, canonicalUri } from './canonical-uri.js';
import { SigningError } from './errors.js';
import { EMPTY_SHA256, sha256Hex } from './hash.js';
import type { SignableRequest } from './types.js';
import { splitUrl } from './url.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * Hex SHA-256 of a body (`undefined` and empty both hash the empty string). Throws SigningError
 * (field `body`) for anything but a string or bytes.
 */
export function payloadHash(body: unknown): string {
  if (body === undefined || body === null || body === '') return EMPTY_SHA256;
  if (typeof body === 'string' || ArrayBuffer.isView(body)) return sha256Hex(body as string | Uint8Array);
  throw new SigningError(
    'body',
    'must be a string or a Uint8Array; for a stream, sign with unsignedPayload: true.',
  );
}

/** Joins the six parts of a canonical request. `canonicalHeaders` ends with its own `\n`. */
export function formatCanonicalRequest(
  method: string,
  uri: string,
  query: string,
  canonicalHeaders: string,
  signedHeaders: string,
  payload: string,
): string {
  return `${method}\n${uri}\n${query}\n${canonicalHeaders}\n${signedHeaders}\n${payload}`;
}

export interface CanonicalRequestOptions extends CanonicalUriOptions {
  /** Use `UNSIGNED-PAYLOAD` instead of the body's hash. Default false. */
  readonly unsignedPayload?: boolean | undefined;
}

/**
 * The canonical request of a request exactly as it stands: every signable header it carries
 * (`x-amz-date` included, when it has one) plus `host` from the URL when absent. The payload hash
 * is `UNSIGNED-PAYLOAD` with `unsignedPayload`, else the request's `x-amz-content-sha256` header,
 * else the SHA-256 of its body. Pure: no clock, no credentials.
 *
 * ```
 * GET
 * /
 * Param1=value1
 * host:example.amazonaws.com
 * x-amz-date:20150830T123600Z
 *
 * host;x-amz-date
 * e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
 * ```
 */
export function canonicalRequest(request: SignableRequest, options?: CanonicalRequestOptions): string {
  const url = splitUrl(request.url);
  const headers = mergeHeaders(request.headers);
  const { canonicalHeaders, signedHeaders } = formatCanonicalHeaders(headers, url.host);
  const payload =
    options?.unsignedPayload === true
      ? UNSIGNED_PAYLOAD
      : (headers['x-amz-content-sha256'] ?? payloadHash(request.body));
  return formatCanonicalRequest(
    request.method,
    canonicalUri(url.path, options),
    canonicalQueryString(url.query),
    canonicalHeaders,
    signedHeaders,
    payload,
  );
}

/** The parts of a string to sign. */
export interface StringToSignParts {
  readonly canonicalRequest: string;
  /** `20150830T123600Z` */
  readonly amzDate: string;
  /** `20150830/us-east-1/service/aws4_request` (see `credentialScope`). */
  readonly credentialScope: string;
}

/**
 * `AWS4-HMAC-SHA256\n<amz-date>\n<scope>\n<hex sha256 of the canonical request>`: the text the
 * signing key signs.
 */
export function stringToSign(parts: StringToSignParts): string {
  return `${ALGORITHM}\n${parts.amzDate}\n${parts.credentialScope}\n${sha256Hex(parts.canonicalRequest)}`;
}
