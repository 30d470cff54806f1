// Clock-skew correction: when the service rejects a request as too old, too new or badly signed,
// and its Date header is more than 4 minutes from our (corrected) clock, the difference is our
// clock's fault. The client then signs with `offset = serverDate - localNow` and retries once.

import { CLOCK_SKEW_ERROR_CODES } from './error-codes.js';

/** More than this between our clock and the server's counts as skew. */
export const CLOCK_SKEW_THRESHOLD_MS = 4 * 60 * 1000;

/**
 * The clock offset to use from now on, or undefined when this error is not a skew problem (wrong
 * code, no parsable Date, or our corrected clock already agrees with the server's).
 */
export function skewCorrection(input: {
  readonly errorCode: string | undefined;
  readonly serverDate: string | undefined;
  /** Local time (ms) when the response arrived, before any offset. */
  readonly localNow: number;
  readonly currentOffsetMs: number;
}): number | undefined {
  if (input.errorCode === undefined || !CLOCK_SKEW_ERROR_CODES.has(input.errorCode)) return undefined;
  if (input.serverDate === undefined) return undefined;
  const server = Date.parse(input.serverDate);
  if (Number.isNaN(server)) return undefined;
  if (Math.abs(server - (input.localNow + input.currentOffsetMs)) <= CLOCK_SKEW_THRESHOLD_MS)
    return undefined;
  return server - input.localNow;
}
