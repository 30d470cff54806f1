import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../client/types.js';
import { CredentialsError } from '../errors/errors.js';
import { RefreshingCredentialsCache, refreshBackoffMs, refreshWindows } from './refreshing-cache.js';
import { expectNoSecrets, SECRET } from './test-support/loopback.js';
import type { Credentials } from './types.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A source whose answers the test controls, with a clock the test moves. */
function harness() {
  let now = 1_700_000_000_000;
  let serial = 0;
  let failWith: Error | undefined;
  let gate: Promise<void> | undefined;
  const logs: TraceEvent[] = [];
  const fetch = async (): Promise<Credentials> => {
    serial++;
    const mine = serial;
    if (gate) await gate;
    if (failWith) throw failWith;
    return {
      accessKeyId: `AKID${mine}`,
      secretAccessKey: `${SECRET.key}${mine}`,
      expiration: new Date(now + HOUR),
    };
  };
  const cache = new RefreshingCredentialsCache(fetch, {
    now: () => now,
    random: () => 0.5,
    source: 'test',
    logger: { warn: (event) => logs.push(event), debug: (event) => logs.push(event) },
  });
  return {
    cache,
    logs,
    advance: (ms: number) => {
      now += ms;
    },
    fail: (error: Error | undefined) => {
      failWith = error;
    },
    hold: () => {
      let release!: () => void;
      gate = new Promise((resolve) => {
        release = resolve;
      });
      return () => {
        gate = undefined;
        release();
      };
    },
  };
}

describe('refresh windows', () => {
  it('uses botocore windows for an hour-long credential and scales down for short ones', () => {
    expect(refreshWindows(HOUR)).toEqual({ advisoryMs: 15 * MINUTE, mandatoryMs: 10 * MINUTE });
    expect(refreshWindows(15 * MINUTE)).toEqual({ advisoryMs: 7.5 * MINUTE, mandatoryMs: 5 * MINUTE });
  });

  it('backs off with full jitter up to the cap', () => {
    expect(refreshBackoffMs(1, 0.999, 1000, 120_000)).toBe(999);
    expect(refreshBackoffMs(4, 0.5, 1000, 120_000)).toBe(4000);
    expect(refreshBackoffMs(30, 0.5, 1000, 120_000)).toBe(60_000);
    expect(refreshBackoffMs(3, 0, 1000, 120_000)).toBe(0);
  });
});

describe('RefreshingCredentialsCache', () => {
  it('fetches once and serves the cached credentials until the advisory window', async () => {
    const h = harness();
    const first = await h.cache.get();
    h.advance(44 * MINUTE);
    expect(await h.cache.get()).toBe(first);
    expect(h.cache.refreshCount).toBe(1);
  });

  it('refreshes in the background inside the advisory window without making callers wait', async () => {
    const h = harness();
    const first = await h.cache.get();
    h.advance(46 * MINUTE);
    const release = h.hold();
    expect(await h.cache.get()).toBe(first);
    expect(await h.cache.get()).toBe(first);
    expect(h.cache.refreshCount).toBe(2);
    release();
    await new Promise((r) => setImmediate(r));
    expect((await h.cache.get()).accessKeyId).toBe('AKID2');
  });

  it('refreshes once for 1000 concurrent callers across the expiry boundary', async () => {
    const h = harness();
    await h.cache.get();
    h.advance(HOUR - 5 * MINUTE); // inside the mandatory window
    const release = h.hold();
    const waiting = Array.from({ length: 1000 }, () => h.cache.get());
    h.advance(6 * MINUTE); // the old credentials expire while the refresh is in flight
    const late = Array.from({ length: 1000 }, () => h.cache.get());
    release();
    const all = await Promise.all([...waiting, ...late]);
    expect(h.cache.refreshCount).toBe(2);
    expect(new Set(all.map((c) => c.accessKeyId))).toEqual(new Set(['AKID2']));
  });

  it('keeps serving still-valid credentials when a refresh fails, logs it without secrets, and backs off', async () => {
    const h = harness();
    const first = await h.cache.get();
    h.advance(HOUR - 5 * MINUTE);
    h.fail(new CredentialsError('STS said no'));
    const results = await Promise.all(Array.from({ length: 1000 }, () => h.cache.get()));
    expect(results.every((c) => c === first)).toBe(true);
    expect(h.cache.refreshCount).toBe(2);
    expect(h.logs).toHaveLength(1);
    expect(h.logs[0]).toMatchObject({
      type: 'credentials',
      operation: 'refresh',
      source: 'test',
      message: 'STS said no',
    });
    expectNoSecrets([SECRET.key], h.logs);

    // Within the backoff (random 0.5 of 1 s), callers are answered without another attempt.
    h.advance(100);
    expect(await h.cache.get()).toBe(first);
    expect(h.cache.refreshCount).toBe(2);
    // After it, the next caller tries again.
    h.advance(1000);
    expect(await h.cache.get()).toBe(first);
    expect(h.cache.refreshCount).toBe(3);
  });

  it('fails once the old credentials have truly expired and the refresh still fails', async () => {
    const h = harness();
    await h.cache.get();
    h.fail(new CredentialsError('still failing'));
    h.advance(HOUR - MINUTE);
    await h.cache.get();
    h.advance(MINUTE);
    await expect(h.cache.get()).rejects.toThrow('still failing');
    h.fail(undefined);
    expect((await h.cache.get()).accessKeyId).toMatch(/^AKID\d$/);
  });

  it('falls back to the old credentials for callers that waited on a refresh that failed', async () => {
    const h = harness();
    const first = await h.cache.get();
    h.advance(HOUR - 2 * MINUTE);
    const release = h.hold();
    h.fail(new CredentialsError('down'));
    const waiting = Array.from({ length: 50 }, () => h.cache.get());
    release();
    const results = await Promise.all(waiting);
    expect(results.every((c) => c === first)).toBe(true);
  });

  it('never refreshes credentials without an expiration', async () => {
    let calls = 0;
    const cache = new RefreshingCredentialsCache(async () => {
      calls++;
      return { accessKeyId: 'A', secretAccessKey: 'B' };
    });
    await Promise.all(Array.from({ length: 100 }, () => cache.get()));
    await cache.get();
    expect(calls).toBe(1);
  });

  it('does not keep a failed first fetch: the next call tries again', async () => {
    let calls = 0;
    const cache = new RefreshingCredentialsCache(() => {
      calls++;
      if (calls === 1) throw new CredentialsError('first fails synchronously');
      return Promise.resolve({ accessKeyId: 'A', secretAccessKey: 'B' });
    });
    await expect(cache.get()).rejects.toThrow('first fails');
    expect((await cache.get()).accessKeyId).toBe('A');
  });
});
