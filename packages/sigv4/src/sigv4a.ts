// SigV4a (AWS4-ECDSA-P256-SHA256), in headers (signRequestV4a) or in the URL (presignUrlV4a): the
// same canonical request as SigV4 plus `x-amz-region-set`, a scope without a region, and an ECDSA
// P-256 signature under a key pair derived from the credentials. Used where an endpoint's rule
// set asks for `sigv4a` (S3 multi-region access points, EventBridge global endpoints).

import { signDer } from './ecdsa.js';
import { sharedKeyPairCacheV4a } from './key-cache-v4a.js';
import { presignWithScheme } from './presign.js';
import { type SigningScheme, signingAmzDate } from './scheme.js';
import { signWithScheme } from './sign.js';
import { ALGORITHM_V4A, credentialScopeV4a } from './signing-key-v4a.js';
import type {
  PresignOptionsV4a,
  SignableRequest,
  SignedRequest,
  SigningDetails,
  SigningDetailsV4a,
  SigningOptionsV4a,
} from './types.js';
import { checkExpiresIn, checkSigningInputV4a } from './validate.js';

/** SigV4a: ECDSA under the credentials' key pair (cached), good for the regions of `regionSet`. */
function sigV4aScheme(options: SigningOptionsV4a, date: string, regionSet: string): SigningScheme {
  return {
    algorithm: ALGORITHM_V4A,
    scope: credentialScopeV4a(date, options.service),
    regionSet,
    sign: (stringToSign) => signDer(sharedKeyPairCacheV4a.get(options.credentials).privateKey, stringToSign),
  };
}

/**
 * Signs `request` with SigV4a in headers and returns a new request (the input is not modified):
 * what `signRequest` adds, plus `x-amz-region-set`; the `authorization` header names
 * `AWS4-ECDSA-P256-SHA256` and holds a hex DER ECDSA signature (a new random one on every call).
 * Throws SigningError, naming the field, on input that cannot be signed.
 *
 * ```ts
 * const signed = signRequestV4a(
 *   { method: 'GET', url: 'https://mfzwi23gnjvgw.mrap.accesspoint.s3-global.amazonaws.com/key' },
 *   { credentials, regionSet: '*', service: 's3', unsignedPayload: true, contentSha256Header: true,
 *     normalizePath: false, doubleEscapePath: false },
 * );
 * ```
 */
export function signRequestV4a<R extends SignableRequest>(
  request: R,
  options: SigningOptionsV4a,
): Omit<R, 'headers'> & SignedRequest {
  return signV4a(request, options, undefined);
}

/** `signRequestV4a`, plus what went into the signature (canonical request, string to sign, region set...). */
export function signRequestV4aWithDetails<R extends SignableRequest>(
  request: R,
  options: SigningOptionsV4a,
): { readonly request: Omit<R, 'headers'> & SignedRequest; readonly details: SigningDetailsV4a } {
  let details: SigningDetailsV4a | undefined;
  const signed = signV4a(request, options, (d) => {
    details = d;
  });
  return { request: signed, details: details! };
}

/**
 * Presigns `request` with SigV4a and returns the URL: what `presignUrl` adds, plus
 * `X-Amz-Region-Set`, with `X-Amz-Algorithm=AWS4-ECDSA-P256-SHA256`. `expiresIn`: 1 to 604800
 * seconds (7 days), default 3600.
 */
export function presignUrlV4a(request: SignableRequest, options: PresignOptionsV4a): string {
  return presignV4a(request, options, undefined);
}

/** `presignUrlV4a`, plus what went into the signature (canonical request, string to sign, region set...). */
export function presignUrlV4aWithDetails(
  request: SignableRequest,
  options: PresignOptionsV4a,
): { readonly url: string; readonly details: SigningDetailsV4a } {
  let details: SigningDetailsV4a | undefined;
  const url = presignV4a(request, options, (d) => {
    details = d;
  });
  return { url, details: details! };
}

function signV4a<R extends SignableRequest>(
  request: R,
  options: SigningOptionsV4a,
  report: ((details: SigningDetailsV4a) => void) | undefined,
): Omit<R, 'headers'> & SignedRequest {
  const regionSet = checkSigningInputV4a(request, options);
  const date = signingAmzDate(options);
  const scheme = sigV4aScheme(options, date, regionSet);
  return signWithScheme(request, options, date, scheme, withRegionSet(report, regionSet));
}

function presignV4a(
  request: SignableRequest,
  options: PresignOptionsV4a,
  report: ((details: SigningDetailsV4a) => void) | undefined,
): string {
  const regionSet = checkSigningInputV4a(request, options);
  const expiresIn = checkExpiresIn(options);
  const date = signingAmzDate(options);
  const scheme = sigV4aScheme(options, date, regionSet);
  return presignWithScheme(request, options, expiresIn, date, scheme, withRegionSet(report, regionSet));
}

function withRegionSet(
  report: ((details: SigningDetailsV4a) => void) | undefined,
  regionSet: string,
): ((details: SigningDetails) => void) | undefined {
  return report === undefined ? undefined : (details) => report({ ...details, regionSet });
}
