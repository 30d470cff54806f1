// The credential scope and the signing key derived from the secret for one day, region and
// service: the two pure steps between the string to sign and the signature.

import { hmacSha256 } from './hash.js';

/** The date part (`YYYYMMDD`) of an amz-date (`YYYYMMDDTHHMMSSZ`); a short date passes through. */
function shortDate(date: string): string {
  return date.length > 8 ? date.slice(0, 8) : date;
}

/**
 * `20150830/us-east-1/service/aws4_request`: which day, region and service a signature is good
 * for. `date` is an amz-date (`20150830T123600Z`) or its first 8 characters.
 */
export function credentialScope(date: string, region: string, service: string): string {
  return `${shortDate(date)}/${region}/${service}/aws4_request`;
}

/**
 * The SigV4 signing key: HMAC chained from `AWS4` + secret through the date, region, service
 * and `aws4_request`. Pure and uncached (the signer caches keys itself); returns 32 bytes.
 */
export function signingKey(
  secretAccessKey: string,
  date: string,
  region: string,
  service: string,
): Uint8Array {
  const dateKey = hmacSha256(`AWS4${secretAccessKey}`, shortDate(date));
  const regionKey = hmacSha256(dateKey, region);
  const serviceKey = hmacSha256(regionKey, service);
  return hmacSha256(serviceKey, 'aws4_request');
}

/** Hex HMAC-SHA256 of the string to sign under the signing key: the signature itself. */
export function signature(key: Uint8Array, stringToSign: string): string {
  return hmacSha256(key, stringToSign).toString('hex');
}
