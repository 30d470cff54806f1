// Adaptive mode's client-side rate limiter, one per client: a token bucket whose fill rate follows
// CUBIC (down by beta on each throttle, back up along the curve), capped at twice the measured
// sending rate (smoothed 0.8 over half-second buckets), never below 0.5 requests/s. The bucket only
// starts limiting after the first throttle. Same constants and order of updates as botocore.

import { CubicCalculator } from './cubic.js';

export const MIN_FILL_RATE = 0.5;
export const MIN_CAPACITY = 1;
export const RATE_SMOOTHING = 0.8;
const TIME_BUCKET_SECONDS = 0.5;
const MAX_RATE_ADJUST_SCALE = 2;
const TOKEN_EPSILON = 1e-6;

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RateLimiterState {
  readonly enabled: boolean;
  /** Tokens (requests) per second. */
  readonly fillRate: number;
  readonly maxCapacity: number;
  readonly availableTokens: number;
  /** The smoothed rate at which this client has been sending, requests per second. */
  readonly measuredRate: number;
}

export class AdaptiveRateLimiter {
  readonly #now: () => number;
  readonly #sleep: Sleep;
  readonly #cubic: CubicCalculator;
  #enabled = false;
  // Token bucket.
  #fillRate = 1;
  #maxCapacity = 1;
  #tokens = 0;
  #lastRefill: number | undefined;
  // Rate clock.
  #measuredRate = 0;
  #lastBucket: number;
  #count = 0;

  /** `now` returns milliseconds (Date.now by default); `sleep` waits (abortably). */
  constructor(options: { now: () => number; sleep: Sleep }) {
    this.#now = options.now;
    this.#sleep = options.sleep;
    const start = this.#seconds();
    this.#cubic = new CubicCalculator(0, start);
    this.#lastBucket = Math.floor(start);
  }

  #seconds(): number {
    return this.#now() / 1000;
  }

  get state(): RateLimiterState {
    return {
      enabled: this.#enabled,
      fillRate: this.#fillRate,
      maxCapacity: this.#maxCapacity,
      availableTokens: this.#tokens,
      measuredRate: this.#measuredRate,
    };
  }

  #refill(): void {
    const t = this.#seconds();
    if (this.#lastRefill === undefined) {
      this.#lastRefill = t;
      return;
    }
    this.#tokens = Math.min(this.#maxCapacity, this.#tokens + (t - this.#lastRefill) * this.#fillRate);
    this.#lastRefill = t;
  }

  #setMaxRate(rate: number): void {
    this.#refill();
    this.#fillRate = Math.max(rate, MIN_FILL_RATE);
    this.#maxCapacity = Math.max(rate, MIN_CAPACITY);
    this.#tokens = Math.min(this.#tokens, this.#maxCapacity);
  }

  /** Waits for a token before an attempt (only once throttling has been seen). Resolves to the ms waited. */
  async acquire(signal?: AbortSignal): Promise<number> {
    if (!this.#enabled) return 0;
    let waited = 0;
    this.#refill();
    // The epsilon absorbs floating-point residue, so a wait of exactly the computed length always suffices.
    while (this.#tokens < 1 - TOKEN_EPSILON) {
      const ms = ((1 - this.#tokens) / this.#fillRate) * 1000;
      await this.#sleep(ms, signal);
      waited += ms;
      this.#refill();
    }
    this.#tokens = Math.max(0, this.#tokens - 1);
    return waited;
  }

  #recordSend(): number {
    const t = this.#seconds();
    const bucket = Math.floor(t / TIME_BUCKET_SECONDS) * TIME_BUCKET_SECONDS;
    this.#count++;
    if (bucket > this.#lastBucket) {
      const current = this.#count / (bucket - this.#lastBucket);
      this.#measuredRate = current * RATE_SMOOTHING + this.#measuredRate * (1 - RATE_SMOOTHING);
      this.#count = 0;
      this.#lastBucket = bucket;
    }
    return this.#measuredRate;
  }

  /** After every attempt that got an answer (or failed): adjusts the allowed rate. */
  update(throttled: boolean): void {
    const measured = this.#recordSend();
    const t = this.#seconds();
    let rate: number;
    if (throttled) {
      const inUse = this.#enabled ? Math.min(measured, this.#fillRate) : measured;
      rate = this.#cubic.errorReceived(inUse, t);
      this.#enabled = true;
    } else {
      rate = this.#cubic.successReceived(t);
    }
    this.#setMaxRate(Math.min(rate, MAX_RATE_ADJUST_SCALE * measured));
  }
}
