// Header signing: signRequest adds `authorization`, `x-amz-date` and, when they apply,
// `x-amz-security-token` and `x-amz-content-sha256`. The caller's request is never changed.

import { formatCanonicalHeaders, mergeHeaders } from './canonical-headers.js';
import { canonicalQueryString } from './canonical-query.js';
import { ALGORITHM, formatCanonicalRequest, payloadHash, UNSIGNED_PAYLOAD } from './canonical-request.js';
import { canonicalUri } from './canonical-uri.js';
import { amzDate, signingTime } from './date.js';
import { sha256Hex } from './hash.js';
import { sharedKeyCache } from './key-cache.js';
import { credentialScope } from './signing-key.js';
import type { SignableRequest, SignedRequest, SigningDetails, SigningOptions } from './types.js';
import { splitUrl } from './url.js';
import { checkSigningInput } from './validate.js';

/** Headers the signer writes itself: a caller's copy (any case) is replaced, not duplicated. */
const REPLACED = new Set(['authorization', 'x-amz-date']);
const REPLACED_WITH_TOKEN = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);

/**
 * Signs `request` with SigV4 in headers and returns a new request (the input is not modified):
 * header names in lower case, plus `authorization`, `x-amz-date`, and `x-amz-security-token`
 * (session credentials) and `x-amz-content-sha256` (with `contentSha256Header`).
 * Throws SigningError, naming the field, on input that cannot be signed.
 *
 * ```ts
 * const signed = signRequest(
 *   { method: 'GET', url: 'https://ec2.us-east-1.amazonaws.com/?Action=DescribeRegions&Version=2016-11-15' },
 *   { credentials, region: 'us-east-1', service: 'ec2' },
 * );
 * await fetch(signed.url, { headers: signed.headers });
 * ```
 */
export function signRequest<R extends SignableRequest>(
  request: R,
  options: SigningOptions,
): Omit<R, 'headers'> & SignedRequest {
  return sign(request, options, undefined);
}

/** `signRequest`, plus what went into the signature (canonical request, string to sign...). */
export function signRequestWithDetails<R extends SignableRequest>(
  request: R,
  options: SigningOptions,
): { readonly request: Omit<R, 'headers'> & SignedRequest; readonly details: SigningDetails } {
  let details: SigningDetails | undefined;
  const signed = sign(request, options, (d) => {
    details = d;
  });
  return { request: signed, details: details! };
}

function sign<R extends SignableRequest>(
  request: R,
  options: SigningOptions,
  report: ((details: SigningDetails) => void) | undefined,
): Omit<R, 'headers'> & SignedRequest {
  checkSigningInput(request, options);
  const { credentials, region, service } = options;
  const url = splitUrl(request.url);
  const date = amzDate(signingTime(options.signingDate, options.clockOffsetMs));
  const token = credentials.sessionToken || undefined;

  const headers = mergeHeaders(request.headers, token === undefined ? REPLACED : REPLACED_WITH_TOKEN);
  let payload: string;
  if (options.unsignedPayload === true) payload = UNSIGNED_PAYLOAD;
  else payload = headers['x-amz-content-sha256'] ?? payloadHash(request.body);
  if (options.contentSha256Header === true) headers['x-amz-content-sha256'] = payload;
  headers['x-amz-date'] = date;
  if (token !== undefined) headers['x-amz-security-token'] = token;

  const { canonicalHeaders, signedHeaders } = formatCanonicalHeaders(
    headers,
    url.host,
    options.signSessionToken === false ? 'x-amz-security-token' : undefined,
  );
  const canonical = formatCanonicalRequest(
    request.method,
    canonicalUri(url.path, options),
    url.query.length === 0 ? '' : canonicalQueryString(url.query),
    canonicalHeaders,
    signedHeaders,
    payload,
  );
  const scope = credentialScope(date, region, service);
  const toSign = `${ALGORITHM}\n${date}\n${scope}\n${sha256Hex(canonical)}`;
  const key = sharedKeyCache.get(credentials, date.slice(0, 8), region, service);
  headers['authorization'] =
    `${ALGORITHM} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${key.signHex(toSign)}`;

  if (report !== undefined) {
    report({
      canonicalRequest: canonical,
      stringToSign: toSign,
      credentialScope: scope,
      signedHeaders,
      amzDate: date,
      payloadHash: payload,
    });
  }
  return { ...request, headers };
}
