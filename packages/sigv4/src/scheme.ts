// What SigV4 and SigV4a do differently once a request is canonical: the algorithm's name, the
// scope, the region set and how the string to sign is signed. Header signing (sign.ts) and
// presigning (presign.ts) take one of these and do everything else the same way.

import { ALGORITHM } from './canonical-request.js';
import { amzDate, signingTime } from './date.js';
import { sharedKeyCache } from './key-cache.js';
import { credentialScope } from './signing-key.js';
import type { CommonSigningOptions, SigningOptions } from './types.js';

/** One signature's algorithm-specific parts, for a given signing time. */
export interface SigningScheme {
  /** `AWS4-HMAC-SHA256` or `AWS4-ECDSA-P256-SHA256`. */
  readonly algorithm: string;
  /** `20150830/us-east-1/service/aws4_request` (SigV4), `20150830/service/aws4_request` (SigV4a). */
  readonly scope: string;
  /** SigV4a only: the `x-amz-region-set` value, signed as a header or query parameter. */
  readonly regionSet: string | undefined;
  /** The signature of a string to sign, as it goes into `Signature=` / `X-Amz-Signature`. */
  sign(stringToSign: string): string;
}

/** The amz-date of a signature: `signingDate` (default now) plus `clockOffsetMs`. */
export function signingAmzDate(options: CommonSigningOptions): string {
  return amzDate(signingTime(options.signingDate, options.clockOffsetMs));
}

/** SigV4: HMAC-SHA256 under the key derived for the day, region and service (cached). */
export function sigV4Scheme(options: SigningOptions, date: string): SigningScheme {
  const { credentials, region, service } = options;
  return {
    algorithm: ALGORITHM,
    scope: credentialScope(date, region, service),
    regionSet: undefined,
    sign: (stringToSign) =>
      sharedKeyCache.get(credentials, date.slice(0, 8), region, service).signHex(stringToSign),
  };
}
