// Header signing: signRequest adds `authorization`, `x-amz-date` and, when they apply,
// `x-amz-security-token` and `x-amz-content-sha256`. The caller's request is never changed.
// `signWithScheme` is the algorithm-neutral part, which SigV4a's signRequestV4a shares.

import { formatCanonicalHeaders, mergeHeaders } from './canonical-headers.js';
import { canonicalQueryString } from './canonical-query.js';
import { formatCanonicalRequest, payloadHash, UNSIGNED_PAYLOAD } from './canonical-request.js';
import { canonicalUri } from './canonical-uri.js';
import { sha256Hex } from './hash.js';
import { type SigningScheme, signingAmzDate, sigV4Scheme } from './scheme.js';
import type {
  CommonSigningOptions,
  SignableRequest,
  SignedRequest,
  SigningDetails,
  SigningOptions,
} from './types.js';
import { splitUrl } from './url.js';
import { checkSigningInput } from './validate.js';

/** Headers the signer writes itself: a caller's copy (any case) is replaced, not duplicated. */
const REPLACED = new Set(['authorization', 'x-amz-date']);
const REPLACED_WITH_TOKEN = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);
const REPLACED_V4A = new Set(['authorization', 'x-amz-date', 'x-amz-region-set']);
const REPLACED_V4A_WITH_TOKEN = new Set([
  'authorization',
  'x-amz-date',
  'x-amz-region-set',
  'x-amz-security-token',
]);

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
  const date = signingAmzDate(options);
  return signWithScheme(request, options, date, sigV4Scheme(options, date), report);
}

/**
 * Signs in headers with the given scheme, after the options were checked: canonical request,
 * string to sign, `authorization`. `date` is the amz-date the scheme was made for.
 */
export function signWithScheme<R extends SignableRequest>(
  request: R,
  options: CommonSigningOptions,
  date: string,
  scheme: SigningScheme,
  report: ((details: SigningDetails) => void) | undefined,
): Omit<R, 'headers'> & SignedRequest {
  const { credentials } = options;
  const url = splitUrl(request.url);
  const token = credentials.sessionToken || undefined;
  const regionSet = scheme.regionSet;

  const replaced =
    regionSet === undefined
      ? token === undefined
        ? REPLACED
        : REPLACED_WITH_TOKEN
      : token === undefined
        ? REPLACED_V4A
        : REPLACED_V4A_WITH_TOKEN;
  const headers = mergeHeaders(request.headers, replaced);
  let payload: string;
  if (options.unsignedPayload === true) payload = UNSIGNED_PAYLOAD;
  else payload = headers['x-amz-content-sha256'] ?? payloadHash(request.body);
  if (options.contentSha256Header === true) headers['x-amz-content-sha256'] = payload;
  headers['x-amz-date'] = date;
  if (regionSet !== undefined) headers['x-amz-region-set'] = regionSet;
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
  const { algorithm, scope } = scheme;
  const toSign = `${algorithm}\n${date}\n${scope}\n${sha256Hex(canonical)}`;
  headers['authorization'] =
    `${algorithm} Credential=${credentials.accessKeyId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${scheme.sign(toSign)}`;

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
