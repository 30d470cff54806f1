import { describe, expect, it } from 'vitest';
import { ConfigError, NetworkError, TimeoutError } from '../errors/errors.js';
import { type CallRetryState, RetryPolicy } from './policy.js';

const call = (attempts = 1): CallRetryState => ({ attempts });
const half = () => 0.5;

describe('standard retry policy', () => {
  it('retries throttling, 5xx, resets and timeouts, with full-jitter delays of rand x 2^(n-1) s', () => {
    const policy = new RetryPolicy({ configKey: 'ec2', random: half });
    expect(policy.decide({ statusCode: 400, errorCode: 'RequestLimitExceeded' }, call(1))).toEqual({
      retry: true,
      delayMs: 500,
      reason: 'throttling',
    });
    expect(policy.decide({ statusCode: 503, errorCode: 'Unavailable' }, call(2))).toMatchObject({
      retry: true,
      delayMs: 1000,
    });
    expect(policy.decide({ error: new NetworkError('x', { code: 'ECONNRESET' }) }, call(1))).toMatchObject({
      retry: true,
      reason: 'connection',
    });
    expect(policy.decide({ error: new TimeoutError('firstByte', 'x') }, call(1))).toMatchObject({
      retry: true,
      reason: 'timeout',
    });
  });

  it('never retries a client error, a modeled client error, or an abort', () => {
    const policy = new RetryPolicy({ configKey: 'ec2' });
    expect(policy.decide({ statusCode: 400, errorCode: 'InvalidParameterValue' }, call()).retry).toBe(false);
    expect(
      policy.decide({ statusCode: 400, errorCode: 'ExpiredTokenException', modeledError: true }, call())
        .retry,
    ).toBe(false);
    // A modeled error that is a throttle is still a throttle.
    expect(
      policy.decide({ statusCode: 400, errorCode: 'ThrottlingException', modeledError: true }, call()).retry,
    ).toBe(true);
    expect(policy.decide({ error: new TimeoutError('aborted', 'stop') }, call()).retry).toBe(false);
    expect(policy.decide({ statusCode: 403, errorCode: 'UnauthorizedOperation' }, call()).reason).toBe(
      'not retryable (UnauthorizedOperation)',
    );
  });

  it('stops at maxAttempts', () => {
    const policy = new RetryPolicy({ configKey: 'ec2', maxAttempts: 2 });
    expect(policy.decide({ statusCode: 500 }, call(1)).retry).toBe(true);
    expect(policy.decide({ statusCode: 500 }, call(2))).toMatchObject({
      retry: false,
      reason: 'max attempts (2) reached',
    });
  });

  it('charges the quota 5 per retry and 10 per timeout retry, and refunds on success', () => {
    const policy = new RetryPolicy({ configKey: 'ec2', maxAttempts: 1000 });
    const quota = policy.quota!;
    const state = call(1);
    policy.decide({ statusCode: 500 }, state);
    expect(quota.available).toBe(495);
    state.attempts++;
    policy.decide({ error: new TimeoutError('connect', 'x') }, state);
    expect(quota.available).toBe(485);
    state.attempts++;
    policy.decide({ statusCode: 200 }, state);
    // The success refunds what the latest retry cost.
    expect(quota.available).toBe(495);
    // A first-try success gives back 1 (capped at the capacity).
    policy.decide({ statusCode: 200 }, call(1));
    expect(quota.available).toBe(496);
  });

  it('stops retrying when the quota runs out, and says so', () => {
    const policy = new RetryPolicy({ configKey: 'ec2', maxAttempts: 1000 });
    let decision = policy.decide({ statusCode: 503 }, call(1));
    let retries = 0;
    while (decision.retry) {
      retries++;
      decision = policy.decide({ statusCode: 503 }, call(2));
    }
    expect(retries).toBe(100);
    expect(decision.reason).toBe('retry quota exhausted');
  });

  it('checks its settings', () => {
    expect(() => new RetryPolicy({ configKey: 'ec2', maxAttempts: 0 })).toThrow(ConfigError);
    expect(() => new RetryPolicy({ configKey: 'ec2', maxAttempts: 1.5 })).toThrow(/whole number/);
    expect(() => new RetryPolicy({ configKey: 'ec2', mode: 'fast' as never })).toThrow(
      /standard, adaptive, legacy/,
    );
  });
});

describe('legacy and adaptive modes', () => {
  it('legacy: 5 attempts, uncapped rand x 2^(n-1) s delays, no quota', () => {
    const policy = new RetryPolicy({ configKey: 'ec2', mode: 'legacy', random: () => 1 });
    expect(policy.maxAttempts).toBe(5);
    expect(policy.quota).toBeUndefined();
    expect(policy.decide({ statusCode: 503, errorCode: 'RequestLimitExceeded' }, call(4)).delayMs).toBe(8000);
    expect(
      new RetryPolicy({ configKey: 'ec2', mode: 'legacy', random: () => 1, maxAttempts: 10 }).decide(
        { statusCode: 500 },
        call(7),
      ).delayMs,
    ).toBe(64_000);
  });
  it('adaptive: standard decisions plus a rate limiter that learns from throttles', async () => {
    let now = 0;
    const policy = new RetryPolicy({
      configKey: 'ec2',
      mode: 'adaptive',
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
    expect(policy.rateLimiter).toBeDefined();
    now += 1000;
    expect(policy.decide({ statusCode: 400, errorCode: 'Throttling' }, call(1)).retry).toBe(true);
    expect(policy.rateLimiter!.state.enabled).toBe(true);
    // The bucket starts empty once limiting begins: the next attempt waits for a token.
    expect(await policy.beforeAttempt()).toBeGreaterThan(0);
  });
});
