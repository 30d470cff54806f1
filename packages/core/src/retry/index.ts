// Public exports of core/retry: retry modes, backoff, quota, adaptive rate limiting, clock skew.
export {
  DEFAULT_BACKOFF_BASE_MS,
  DEFAULT_MAX_BACKOFF_MS,
  fullJitterDelayMs,
  legacyDelayMs,
} from './backoff.js';
export { CLOCK_SKEW_THRESHOLD_MS, skewCorrection } from './clock-skew.js';
export { CubicCalculator } from './cubic.js';
export {
  CLOCK_SKEW_ERROR_CODES,
  THROTTLING_ERROR_CODES,
  TRANSIENT_ERROR_CODES,
  TRANSIENT_STATUS_CODES,
} from './error-codes.js';
export { isRetryableLegacy, LEGACY_MAX_ATTEMPTS } from './legacy-policy.js';
export {
  type AttemptOutcome,
  isModeledClientError,
  isRetryableStandard,
  isThrottlingError,
  isTransientError,
  type RetryCheck,
} from './outcome.js';
export {
  type CallRetryState,
  type RetryDecision,
  RetryPolicy,
  type RetryPolicyOptions,
  STANDARD_MAX_ATTEMPTS,
} from './policy.js';
export { RetryQuota } from './quota.js';
export { AdaptiveRateLimiter, type RateLimiterState, type Sleep } from './rate-limiter.js';
export { abortableSleep } from './sleep.js';
