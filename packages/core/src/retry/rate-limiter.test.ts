import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AdaptiveRateLimiter } from './rate-limiter.js';

function fakeClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

/** A small deterministic generator, so the differential sequence is the same on every run. */
function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('adaptive rate limiter', () => {
  it('does not limit anything until the first throttle', async () => {
    const clock = fakeClock();
    const limiter = new AdaptiveRateLimiter(clock);
    for (let i = 0; i < 50; i++) {
      expect(await limiter.acquire()).toBe(0);
      clock.advance(10);
      limiter.update(false);
    }
    expect(limiter.state.enabled).toBe(false);
    expect(clock.sleeps).toEqual([]);
  });

  it('after a throttle, fills at beta x the measured rate and makes callers wait for tokens', async () => {
    const clock = fakeClock(0);
    const limiter = new AdaptiveRateLimiter(clock);
    // Ten requests per second for three seconds: the smoothed measured rate approaches 10.
    for (let i = 0; i < 30; i++) {
      clock.advance(100);
      limiter.update(false);
    }
    const measured = limiter.state.measuredRate;
    expect(measured).toBeGreaterThan(8);
    clock.advance(100);
    limiter.update(true);
    const state = limiter.state;
    expect(state.enabled).toBe(true);
    expect(state.fillRate).toBeCloseTo(
      Math.min(limiter.state.measuredRate * 0.7, 2 * limiter.state.measuredRate),
      9,
    );
    expect(state.fillRate).toBeLessThan(measured);
    // Drain the bucket: each further token costs 1 / fillRate seconds of waiting.
    for (let i = 0; i < 10; i++) await limiter.acquire();
    const waits = clock.sleeps.slice(-3);
    for (const ms of waits) expect(ms).toBeCloseTo(1000 / state.fillRate, 6);
  });

  it('never fills slower than 0.5 requests per second', () => {
    const clock = fakeClock(0);
    const limiter = new AdaptiveRateLimiter(clock);
    for (let i = 0; i < 20; i++) {
      clock.advance(5_000);
      limiter.update(true);
    }
    expect(limiter.state.fillRate).toBe(0.5);
    expect(limiter.state.maxCapacity).toBe(1);
  });

  it('an aborted wait rejects and stops waiting', async () => {
    const clock = fakeClock(0);
    const controller = new AbortController();
    const limiter = new AdaptiveRateLimiter({
      now: clock.now,
      sleep: (_ms, signal) =>
        new Promise((_resolve, reject) => {
          signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
        }),
    });
    clock.advance(600);
    limiter.update(true);
    const pending = limiter.acquire(controller.signal);
    controller.abort();
    await expect(pending).rejects.toThrow('aborted');
  });
});

describe('adaptive rate limiter agrees with the v3 SDK DefaultRateLimiter', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the same fill rate, capacity and measured rate over 400 random successes and throttles', () => {
    const fromEc2 = createRequire(createRequire(import.meta.url).resolve('@aws-sdk/client-ec2'));
    const { DefaultRateLimiter } = fromEc2('@smithy/core/retry') as {
      DefaultRateLimiter: new () => {
        updateClientSendingRate(response: unknown): void;
        fillRate: number;
        maxCapacity: number;
        measuredTxRate: number;
        enabled: boolean;
      };
    };
    vi.useFakeTimers({ toFake: ['Date'] });
    let t = 1_700_000_000_000;
    vi.setSystemTime(t);
    const theirs = new DefaultRateLimiter();
    const ours = new AdaptiveRateLimiter({ now: () => t, sleep: async () => {} });
    const random = lcg(42);
    let throttles = 0;
    for (let i = 0; i < 400; i++) {
      t += Math.floor(random() * 400);
      vi.setSystemTime(t);
      const throttled = random() < 0.15;
      if (throttled) throttles++;
      ours.update(throttled);
      theirs.updateClientSendingRate(throttled ? { errorType: 'THROTTLING' } : {});
      const state = ours.state;
      expect(state.enabled).toBe(theirs.enabled);
      if (state.enabled) {
        expect(state.fillRate).toBeCloseTo(theirs.fillRate, 5);
        expect(state.maxCapacity).toBeCloseTo(theirs.maxCapacity, 5);
      }
      expect(state.measuredRate).toBeCloseTo(theirs.measuredTxRate, 5);
    }
    expect(throttles).toBeGreaterThan(20);
  });
});
