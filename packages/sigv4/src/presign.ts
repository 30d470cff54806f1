// Query signing: presignUrl returns a URL that carries its own signature (`X-Amz-Signature` and
// friends), good for `expiresIn` seconds. Whoever uses it must send the headers it signed.
// `presignWithScheme` is the algorithm-neutral part, which SigV4a's presignUrlV4a shares.

import { formatCanonicalHeaders, mergeHeaders } from './canonical-headers.js';
import { formatQuery, parseQuery, type QueryParam } from './canonical-query.js';
import { formatCanonicalRequest, payloadHash, UNSIGNED_PAYLOAD } from './canonical-request.js';
import { canonicalUri } from './canonical-uri.js';
import { recodePercent, uriEncode } from './encoding.js';
import { sha256Hex } from './hash.js';
import { type SigningScheme, signingAmzDate, sigV4Scheme } from './scheme.js';
import type { CommonSigningOptions, PresignOptions, SignableRequest, SigningDetails } from './types.js';
import { splitUrl } from './url.js';
import { checkExpiresIn, checkSigningInput } from './validate.js';

/** Query parameters the signer writes: a copy already in the URL (any case) is removed first. */
const AUTH_PARAMS = new Set([
  'x-amz-algorithm',
  'x-amz-credential',
  'x-amz-date',
  'x-amz-expires',
  'x-amz-signedheaders',
  'x-amz-security-token',
  'x-amz-signature',
]);
/** SigV4a's: SigV4's plus the region set. */
const AUTH_PARAMS_V4A = new Set([...AUTH_PARAMS, 'x-amz-region-set']);

const DROPPED_HEADERS = new Set(['authorization', 'x-amz-date', 'x-amz-security-token']);
const DROPPED_HEADERS_V4A = new Set([...DROPPED_HEADERS, 'x-amz-region-set']);

/**
 * Presigns `request` and returns the URL: the request's URL plus `X-Amz-Algorithm`,
 * `X-Amz-Credential`, `X-Amz-Date`, `X-Amz-Expires`, `X-Amz-SignedHeaders`,
 * `X-Amz-Security-Token` (session credentials) and `X-Amz-Signature`.
 *
 * - `x-amz-*` headers move into the query, so the URL carries them; the other signable headers
 *   (`host` always, `content-type`...) are signed as headers and must be sent as they are.
 * - The payload is the body's hash, or `UNSIGNED-PAYLOAD` with `unsignedPayload` (S3's way).
 * - `expiresIn`: 1 to 604800 seconds (7 days), default 3600.
 *
 * ```ts
 * const url = presignUrl({ method: 'GET', url: 'https://bucket.s3.amazonaws.com/key' },
 *   { credentials, region: 'us-east-1', service: 's3', unsignedPayload: true,
 *     normalizePath: false, doubleEscapePath: false, expiresIn: 900 });
 * ```
 */
export function presignUrl(request: SignableRequest, options: PresignOptions): string {
  return presign(request, options, undefined);
}

/** `presignUrl`, plus what went into the signature (canonical request, string to sign...). */
export function presignUrlWithDetails(
  request: SignableRequest,
  options: PresignOptions,
): { readonly url: string; readonly details: SigningDetails } {
  let details: SigningDetails | undefined;
  const url = presign(request, options, (d) => {
    details = d;
  });
  return { url, details: details! };
}

/** True when a raw `name=value` piece of a query is one of the signer's own parameters. */
function isAuthParam(piece: string, names: ReadonlySet<string>): boolean {
  const eq = piece.indexOf('=');
  return names.has(recodePercent(eq < 0 ? piece : piece.slice(0, eq)).toLowerCase());
}

function presign(
  request: SignableRequest,
  options: PresignOptions,
  report: ((details: SigningDetails) => void) | undefined,
): string {
  checkSigningInput(request, options);
  const expiresIn = checkExpiresIn(options);
  const date = signingAmzDate(options);
  return presignWithScheme(request, options, expiresIn, date, sigV4Scheme(options, date), report);
}

/**
 * Presigns with the given scheme, after the options were checked: the URL with its auth
 * parameters and signature. `date` is the amz-date the scheme was made for.
 */
export function presignWithScheme(
  request: SignableRequest,
  options: CommonSigningOptions,
  expiresIn: number,
  date: string,
  scheme: SigningScheme,
  report: ((details: SigningDetails) => void) | undefined,
): string {
  const { credentials } = options;
  const { algorithm, scope, regionSet } = scheme;
  const url = splitUrl(request.url);
  const token = credentials.sessionToken || undefined;

  const headers = mergeHeaders(
    request.headers,
    regionSet === undefined ? DROPPED_HEADERS : DROPPED_HEADERS_V4A,
  );
  const payload =
    options.unsignedPayload === true
      ? UNSIGNED_PAYLOAD
      : (headers['x-amz-content-sha256'] ?? payloadHash(request.body));
  // x-amz-* headers travel in the query (all but the payload hash, which stays a header).
  const hoisted: QueryParam[] = [];
  for (const name of Object.keys(headers)) {
    if (name.startsWith('x-amz-') && name !== 'x-amz-content-sha256') {
      hoisted.push({ name: uriEncode(name), value: uriEncode(headers[name]!) });
      delete headers[name];
    }
  }
  const { canonicalHeaders, signedHeaders } = formatCanonicalHeaders(headers, url.host);

  const authParams = regionSet === undefined ? AUTH_PARAMS : AUTH_PARAMS_V4A;
  const kept = url.query.split('&').filter((piece) => piece.length > 0 && !isAuthParam(piece, authParams));
  const added: QueryParam[] = [
    { name: 'X-Amz-Algorithm', value: algorithm },
    { name: 'X-Amz-Credential', value: uriEncode(`${credentials.accessKeyId}/${scope}`) },
    { name: 'X-Amz-Date', value: date },
    { name: 'X-Amz-Expires', value: String(expiresIn) },
    { name: 'X-Amz-SignedHeaders', value: uriEncode(signedHeaders) },
  ];
  const tokenParam =
    token === undefined ? undefined : { name: 'X-Amz-Security-Token', value: uriEncode(token) };
  const signToken = tokenParam !== undefined && options.signSessionToken !== false;
  if (signToken) added.push(tokenParam);
  if (regionSet !== undefined) added.push({ name: 'X-Amz-Region-Set', value: uriEncode(regionSet) });
  added.push(...hoisted);

  const canonical = formatCanonicalRequest(
    request.method,
    canonicalUri(url.path, options),
    formatQuery([...parseQuery(kept.join('&')), ...added]),
    canonicalHeaders,
    signedHeaders,
    payload,
  );
  const toSign = `${algorithm}\n${date}\n${scope}\n${sha256Hex(canonical)}`;
  const signature = scheme.sign(toSign);

  if (tokenParam !== undefined && !signToken) added.push(tokenParam);
  added.push({ name: 'X-Amz-Signature', value: signature });
  for (const param of added) kept.push(`${param.name}=${param.value}`);

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
  return `${url.base}?${kept.join('&')}`;
}
