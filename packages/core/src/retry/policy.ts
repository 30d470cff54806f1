// One client's retry policy: which outcomes to retry (by mode), how long to wait, the shared retry
// quota and (adaptive mode) the shared rate limiter. The request loop in client/ asks it twice per
// attempt: `beforeAttempt` (may wait for a token) and `decide` (retry or not, and after what delay).

import type { RetryMode } from '../client/types.js';
import { ConfigError } from '../errors/errors.js';
import { fullJitterDelayMs, legacyDelayMs } from './backoff.js';
import { isRetryableLegacy, LEGACY_MAX_ATTEMPTS } from './legacy-policy.js';
import {
  type AttemptOutcome,
  describeOutcome,
  isRetryableStandard,
  isSuccess,
  isThrottlingError,
  isTimeout,
} from './outcome.js';
import { QUOTA_NO_RETRY_INCREMENT, QUOTA_RETRY_COST, QUOTA_TIMEOUT_RETRY_COST, RetryQuota } from './quota.js';
import { AdaptiveRateLimiter, type Sleep } from './rate-limiter.js';
import { abortableSleep } from './sleep.js';

export const STANDARD_MAX_ATTEMPTS = 3;

export interface RetryPolicyOptions {
  readonly mode?: RetryMode | undefined;
  /** Attempts including the first. Default 3 (standard, adaptive) or 5 (legacy). */
  readonly maxAttempts?: number | undefined;
  /** The service's config key (`ec2`, `sts`): legacy mode has per-service rules. */
  readonly configKey: string;
  /** [0, 1) */
  readonly random?: () => number;
  /** Milliseconds, like Date.now. */
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

/** Per-call state the policy keeps between attempts. */
export interface CallRetryState {
  /** Attempts made so far in this call. */
  attempts: number;
  /** The quota taken for the latest retry, refunded if the call then succeeds. */
  lastQuotaCost?: number | undefined;
}

export interface RetryDecision {
  readonly retry: boolean;
  readonly delayMs: number;
  /** Why: `throttling`, `transient`, `max attempts (3) reached`, `retry quota exhausted`, ... */
  readonly reason: string;
}

const MODES: readonly RetryMode[] = ['standard', 'adaptive', 'legacy'];

export class RetryPolicy {
  readonly mode: RetryMode;
  readonly maxAttempts: number;
  /** Standard and adaptive modes only. */
  readonly quota: RetryQuota | undefined;
  /** Adaptive mode only. */
  readonly rateLimiter: AdaptiveRateLimiter | undefined;
  readonly sleep: Sleep;
  readonly #configKey: string;
  readonly #random: () => number;

  constructor(options: RetryPolicyOptions) {
    const mode = options.mode ?? 'standard';
    if (!MODES.includes(mode)) {
      throw new ConfigError(`retryMode ${JSON.stringify(mode)} is not one of standard, adaptive, legacy`);
    }
    const maxAttempts =
      options.maxAttempts ?? (mode === 'legacy' ? LEGACY_MAX_ATTEMPTS : STANDARD_MAX_ATTEMPTS);
    if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
      throw new ConfigError(
        `maxAttempts must be a whole number of at least 1 (the first attempt counts), got ${maxAttempts}`,
      );
    }
    this.mode = mode;
    this.maxAttempts = maxAttempts;
    this.#configKey = options.configKey;
    this.#random = options.random ?? Math.random;
    this.sleep = options.sleep ?? abortableSleep;
    this.quota = mode === 'legacy' ? undefined : new RetryQuota();
    this.rateLimiter =
      mode === 'adaptive'
        ? new AdaptiveRateLimiter({ now: options.now ?? Date.now, sleep: this.sleep })
        : undefined;
  }

  /** Before each attempt: in adaptive mode, waits for the rate limiter. Resolves to the ms waited. */
  beforeAttempt(signal?: AbortSignal): Promise<number> {
    return this.rateLimiter === undefined ? Promise.resolve(0) : this.rateLimiter.acquire(signal);
  }

  /** Whether this mode's rules call `outcome` retryable (attempts and quota aside). */
  isRetryable(outcome: AttemptOutcome): boolean {
    return this.mode === 'legacy'
      ? isRetryableLegacy(outcome, this.#configKey)
      : isRetryableStandard(outcome);
  }

  /** After each attempt (`call.attempts` already counts it). */
  decide(outcome: AttemptOutcome, call: CallRetryState): RetryDecision {
    if (isSuccess(outcome)) {
      this.rateLimiter?.update(false);
      this.quota?.release(call.lastQuotaCost ?? QUOTA_NO_RETRY_INCREMENT);
      return { retry: false, delayMs: 0, reason: 'success' };
    }
    this.rateLimiter?.update(isThrottlingError(outcome));
    if (!this.isRetryable(outcome))
      return { retry: false, delayMs: 0, reason: `not retryable (${describeOutcome(outcome)})` };
    if (call.attempts >= this.maxAttempts) {
      return { retry: false, delayMs: 0, reason: `max attempts (${this.maxAttempts}) reached` };
    }
    if (this.quota !== undefined) {
      const cost = isTimeout(outcome) ? QUOTA_TIMEOUT_RETRY_COST : QUOTA_RETRY_COST;
      if (!this.quota.acquire(cost)) {
        return { retry: false, delayMs: 0, reason: 'retry quota exhausted' };
      }
      call.lastQuotaCost = cost;
    }
    const delayMs =
      this.mode === 'legacy'
        ? legacyDelayMs(call.attempts, this.#random)
        : fullJitterDelayMs(call.attempts, this.#random);
    return { retry: true, delayMs, reason: describeOutcome(outcome) };
  }
}
