// The cache in front of every credential source: botocore's refresh windows (refresh in the background
// from 15 minutes before expiry, block only inside the last 10), one refresh in flight however many
// callers wait, and still-valid credentials kept when a refresh fails (logged, retried with jittered
// backoff). Clock, randomness and logger are parameters.

import type { Logger } from '../client/types.js';
import { CredentialsError } from '../errors/errors.js';
import type { Credentials, CredentialsProvider } from './types.js';

export interface RefreshingCacheOptions {
  /** Names the source in log events (`assume-role`, `sso`...). */
  readonly source?: string;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly logger?: Logger | undefined;
  /** Start refreshing in the background this long before expiry. Default 15 minutes. */
  readonly advisoryMs?: number;
  /** Block callers on a refresh this long before expiry. Default 10 minutes. */
  readonly mandatoryMs?: number;
  /** First retry delay after a failed refresh (doubles each time, full jitter). Default 1 s. */
  readonly backoffBaseMs?: number;
  /** Longest retry delay. Default 2 minutes. */
  readonly backoffCapMs?: number;
}

interface Held {
  readonly credentials: Credentials;
  readonly obtainedAt: number;
}

const MINUTE = 60_000;

/**
 * The refresh windows for credentials obtained at `obtainedAt`. botocore's 15 / 10 minutes, scaled
 * down for credentials that live less than 30 / 30 minutes (a 15-minute role session would otherwise
 * be refreshed on every call): at most half, resp. a third, of the lifetime.
 */
export function refreshWindows(
  lifetimeMs: number,
  advisoryMs = 15 * MINUTE,
  mandatoryMs = 10 * MINUTE,
): { advisoryMs: number; mandatoryMs: number } {
  const lifetime = Math.max(0, lifetimeMs);
  return {
    advisoryMs: Math.min(advisoryMs, lifetime / 2),
    mandatoryMs: Math.min(mandatoryMs, lifetime / 3),
  };
}

/** Full-jitter exponential backoff: a delay in [0, min(cap, base * 2^(failures-1))). */
export function refreshBackoffMs(failures: number, random: number, baseMs: number, capMs: number): number {
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.max(0, failures - 1));
  return Math.floor(random * ceiling);
}

export class RefreshingCredentialsCache {
  readonly #fetch: CredentialsProvider;
  readonly #options: RefreshingCacheOptions;
  readonly #now: () => number;
  #held: Held | undefined;
  #inFlight: Promise<Credentials> | undefined;
  #failures = 0;
  #nextAttemptAt = 0;
  #refreshes = 0;

  constructor(fetch: CredentialsProvider, options: RefreshingCacheOptions = {}) {
    this.#fetch = fetch;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** How many times the source was called (tests assert on it). */
  get refreshCount(): number {
    return this.#refreshes;
  }

  /** The provider function: `cache.get` can be handed around unbound. */
  readonly get = (): Promise<Credentials> => {
    const held = this.#held;
    const now = this.#now();
    if (held) {
      const expiresAt = held.credentials.expiration?.getTime();
      if (expiresAt === undefined) return Promise.resolve(held.credentials);
      const windows = refreshWindows(
        expiresAt - held.obtainedAt,
        this.#options.advisoryMs,
        this.#options.mandatoryMs,
      );
      if (now < expiresAt - windows.advisoryMs) return Promise.resolve(held.credentials);
      if (now < expiresAt - windows.mandatoryMs) {
        // Advisory window: refresh in the background, answer at once.
        if (!this.#inFlight && now >= this.#nextAttemptAt) this.#refresh().catch(() => {});
        return Promise.resolve(held.credentials);
      }
      if (now < expiresAt) {
        // Mandatory window: wait for a refresh, but fall back to the held credentials while they last.
        if (!this.#inFlight && now < this.#nextAttemptAt) return Promise.resolve(held.credentials);
        return this.#refresh().catch((error: unknown) => {
          if (this.#now() < expiresAt) return held.credentials;
          throw error;
        });
      }
    }
    return this.#refresh();
  };

  #refresh(): Promise<Credentials> {
    if (this.#inFlight) return this.#inFlight;
    this.#refreshes++;
    const attempt = this.#failures + 1;
    const run = async (): Promise<Credentials> => {
      try {
        const credentials = await this.#fetch();
        this.#held = { credentials, obtainedAt: this.#now() };
        this.#failures = 0;
        this.#nextAttemptAt = 0;
        return credentials;
      } catch (error) {
        this.#failures++;
        const delay = refreshBackoffMs(
          this.#failures,
          (this.#options.random ?? Math.random)(),
          this.#options.backoffBaseMs ?? 1000,
          this.#options.backoffCapMs ?? 2 * MINUTE,
        );
        this.#nextAttemptAt = this.#now() + delay;
        if (this.#held) {
          const expiresAt = this.#held.credentials.expiration;
          this.#options.logger?.warn?.({
            type: 'credentials',
            operation: 'refresh',
            attempt,
            source: this.#options.source ?? 'credentials',
            message: error instanceof Error ? error.message : String(error),
            ...(expiresAt ? { keptUntil: expiresAt.toISOString() } : {}),
            retryInMs: delay,
          });
        }
        throw error instanceof Error ? error : new CredentialsError(String(error), { cause: error });
      } finally {
        this.#inFlight = undefined;
      }
    };
    // Started on the next microtask so `#inFlight` is set before the source can settle.
    const started = Promise.resolve().then(run);
    this.#inFlight = started;
    return started;
  }
}

/** Wraps `fetch` in a RefreshingCredentialsCache and returns its provider function. */
export function cacheCredentials(
  fetch: CredentialsProvider,
  options?: RefreshingCacheOptions,
): CredentialsProvider {
  return new RefreshingCredentialsCache(fetch, options).get;
}
