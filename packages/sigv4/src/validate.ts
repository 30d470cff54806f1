// Checks of the signing inputs, before anything is computed. Each failure is a SigningError that
// names the field and says what is expected; no value of a secret or token is ever echoed.

import { SigningError } from './errors.js';
import type {
  CommonSigningOptions,
  RegionSet,
  SignableRequest,
  SigningCredentials,
  SigningOptions,
  SigningOptionsV4a,
} from './types.js';

/** Longest presigned-URL lifetime SigV4 allows: 7 days. */
export const MAX_EXPIRES_IN = 604_800;
export const DEFAULT_EXPIRES_IN = 3600;

/** The last region, service and method found valid: the same few come back on every call. */
const lastValid: {
  region?: string;
  service?: string;
  method?: string;
  accessKeyId?: string;
  regionSet?: string;
} = {};

/** A scope part: printable ASCII without `/` or spaces (it is `/`-joined into the scope). */
function isScopePart(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code <= 0x20 || code >= 0x7f || code === 0x2f) return false;
  }
  return value.length > 0;
}

/** An HTTP method: a non-empty token. */
function isMethod(value: string): boolean {
  return value.length > 0 && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(value);
}

function checkScopePart(field: 'region' | 'service', value: unknown): void {
  if (typeof value === 'string' && value === lastValid[field]) return;
  if (typeof value !== 'string' || value.length === 0) {
    throw new SigningError(
      field,
      `is missing: pass the signing ${field} (e.g. ${field === 'region' ? "'us-east-1'" : "'ec2'"}).`,
    );
  }
  if (!isScopePart(value)) {
    throw new SigningError(field, 'must be printable ASCII without spaces or "/".');
  }
  lastValid[field] = value;
}

function checkCredentials(credentials: SigningCredentials | undefined): void {
  if (typeof credentials !== 'object' || credentials === null) {
    throw new SigningError(
      'credentials',
      'are missing: pass { accessKeyId, secretAccessKey, sessionToken? }.',
    );
  }
  const { accessKeyId, secretAccessKey, sessionToken } = credentials;
  if (accessKeyId !== lastValid.accessKeyId) {
    if (typeof accessKeyId !== 'string' || accessKeyId.length === 0) {
      throw new SigningError('credentials.accessKeyId', 'is missing or empty.');
    }
    if (!isScopePart(accessKeyId)) {
      throw new SigningError('credentials.accessKeyId', 'must be printable ASCII without spaces or "/".');
    }
    lastValid.accessKeyId = accessKeyId;
  }
  if (typeof secretAccessKey !== 'string' || secretAccessKey.length === 0) {
    throw new SigningError('credentials.secretAccessKey', 'is missing or empty.');
  }
  if (sessionToken !== undefined && sessionToken !== null && typeof sessionToken !== 'string') {
    throw new SigningError('credentials.sessionToken', 'must be a string when given.');
  }
}

/** Checks the request's method and the credentials; `needed` names the options, for the message. */
function checkRequestAndCredentials(
  request: SignableRequest,
  options: CommonSigningOptions,
  needed: string,
): void {
  if (typeof request !== 'object' || request === null) {
    throw new SigningError('request', 'is missing: pass { method, url, headers?, body? }.');
  }
  if (typeof options !== 'object' || options === null) {
    throw new SigningError('options', `are missing: pass ${needed}.`);
  }
  const method = request.method;
  if (method !== lastValid.method) {
    if (typeof method !== 'string' || !isMethod(method)) {
      throw new SigningError('method', 'must be an HTTP method such as GET or POST.');
    }
    lastValid.method = method;
  }
  checkCredentials(options.credentials);
}

/** Checks the options every SigV4 signature needs, and the request's method. */
export function checkSigningInput(request: SignableRequest, options: SigningOptions): void {
  checkRequestAndCredentials(request, options, '{ credentials, region, service }');
  checkScopePart('region', options.region);
  checkScopePart('service', options.service);
}

/**
 * Checks the options every SigV4a signature needs, and the request's method. Returns the region
 * set as it is signed (`us-east-1,us-west-2`).
 */
export function checkSigningInputV4a(request: SignableRequest, options: SigningOptionsV4a): string {
  checkRequestAndCredentials(request, options, '{ credentials, regionSet, service }');
  const regionSet = formatRegionSet(options.regionSet);
  checkScopePart('service', options.service);
  return regionSet;
}

/** A region of a region set: a name or a wildcard pattern (`us-east-1`, `us-*`, `*`). */
const REGION_PATTERN = /^[A-Za-z0-9._*-]+$/;

/**
 * The `x-amz-region-set` value of a region set: `'*'`, `'us-east-1'`, `['us-east-1', 'us-west-2']`
 * or `'us-east-1,us-west-2'` (the last two both give `us-east-1,us-west-2`). Throws SigningError
 * (field `regionSet`) for an empty set, an empty region or one with other characters than letters,
 * digits, `-`, `_`, `.` and `*`.
 */
export function formatRegionSet(regionSet: RegionSet): string {
  if (typeof regionSet === 'string' && regionSet === lastValid.regionSet) return regionSet;
  let regions: readonly unknown[];
  if (typeof regionSet === 'string') regions = regionSet.split(',');
  else if (Array.isArray(regionSet)) regions = regionSet;
  else {
    throw new SigningError(
      'regionSet',
      "is missing: pass the regions the signature is good for ('*', 'us-east-1' or ['us-east-1', 'us-west-2']).",
    );
  }
  if (regions.length === 0) {
    throw new SigningError('regionSet', "is empty: pass at least one region, or '*' for any region.");
  }
  for (const region of regions) {
    if (typeof region !== 'string' || !REGION_PATTERN.test(region)) {
      throw new SigningError(
        'regionSet',
        "must list regions separated by ',' (no spaces), each made of letters, digits, '-', '_', '.' or '*'.",
      );
    }
  }
  const formatted = regions.join(',');
  if (typeof regionSet === 'string') lastValid.regionSet = formatted;
  return formatted;
}

/** `expiresIn` of a presigned URL: an integer number of seconds, 1 to 604800 (7 days). */
export function checkExpiresIn(options: { readonly expiresIn?: number | undefined }): number {
  const expiresIn = options.expiresIn ?? DEFAULT_EXPIRES_IN;
  if (
    typeof expiresIn !== 'number' ||
    !Number.isInteger(expiresIn) ||
    expiresIn < 1 ||
    expiresIn > MAX_EXPIRES_IN
  ) {
    throw new SigningError(
      'expiresIn',
      `must be a whole number of seconds from 1 to ${MAX_EXPIRES_IN} (7 days).`,
    );
  }
  return expiresIn;
}
