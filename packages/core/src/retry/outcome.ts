// What one attempt produced, as the retry policies see it, and the small composable checks that
// classify it (in the style of botocore's retries/standard.py: one question per function).

import { NetworkError, TimeoutError } from '../errors/errors.js';
import { THROTTLING_ERROR_CODES, TRANSIENT_ERROR_CODES, TRANSIENT_STATUS_CODES } from './error-codes.js';

export interface AttemptOutcome {
  /** HTTP status, when a complete response arrived. */
  readonly statusCode?: number | undefined;
  /** The service's error code, for an error response. */
  readonly errorCode?: string | undefined;
  /** The error code is one of the operation's modeled errors (a deliberate answer, not a glitch). */
  readonly modeledError?: boolean | undefined;
  /** The transport's failure (NetworkError, TimeoutError), when no complete response arrived. */
  readonly error?: unknown;
}

export type RetryCheck = (outcome: AttemptOutcome) => boolean;

export const isSuccess: RetryCheck = (o) =>
  o.error === undefined && o.statusCode !== undefined && o.statusCode >= 200 && o.statusCode < 300;

/** The caller aborted: never retried. */
export const isAborted: RetryCheck = (o) => o.error instanceof TimeoutError && o.error.phase === 'aborted';

/** A connect, first-byte or total timeout (these cost more retry quota). */
export const isTimeout: RetryCheck = (o) => o.error instanceof TimeoutError && o.error.phase !== 'aborted';

/** Reset, refused, DNS failure, or a body cut short. */
export const isConnectionError: RetryCheck = (o) => o.error instanceof NetworkError;

export const isThrottlingError: RetryCheck = (o) =>
  (o.errorCode !== undefined && THROTTLING_ERROR_CODES.has(o.errorCode)) || o.statusCode === 429;

export const isTransientError: RetryCheck = (o) =>
  isConnectionError(o) ||
  isTimeout(o) ||
  (o.errorCode !== undefined && TRANSIENT_ERROR_CODES.has(o.errorCode)) ||
  (o.error === undefined && o.statusCode !== undefined && TRANSIENT_STATUS_CODES.has(o.statusCode));

/** A modeled error with a 4xx status is the service's considered answer: retrying cannot change it. */
export const isModeledClientError: RetryCheck = (o) =>
  o.modeledError === true && o.statusCode !== undefined && o.statusCode >= 400 && o.statusCode < 500;

/** Standard and adaptive modes: transient or throttling, unless aborted or a modeled client error. */
export const isRetryableStandard: RetryCheck = (o) =>
  !isSuccess(o) &&
  !isAborted(o) &&
  (isThrottlingError(o) || (!isModeledClientError(o) && isTransientError(o)));

/** A short name for traces: `throttling`, `transient`, `timeout`, `connection`. */
export function describeOutcome(o: AttemptOutcome): string {
  if (isTimeout(o)) return 'timeout';
  if (isConnectionError(o)) return 'connection';
  if (isThrottlingError(o)) return 'throttling';
  if (isTransientError(o)) return 'transient';
  return o.errorCode ?? (o.statusCode !== undefined ? `HTTP ${o.statusCode}` : 'error');
}
