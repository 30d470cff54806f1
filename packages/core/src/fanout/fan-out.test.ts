import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type Checkpoint, memoryCheckpoint, type SweepState } from './checkpoint.js';
import { FanOutError } from './errors.js';
import { type FanOutProgress, fanOut } from './fan-out.js';
import { ManualClock, settle } from './test-support/manual-clock.js';

interface Target {
  readonly accountId: string;
  readonly region: string;
}

const grid = (accounts: readonly string[], regions: readonly string[]): Target[] =>
  accounts.flatMap((accountId) => regions.map((region) => ({ accountId, region })));

/** Runs `fanOut` over a manual clock: each target sleeps `durationOf(target)` ms, and bounds are watched. */
async function watchedRun(
  targets: readonly Target[],
  durationOf: (target: Target) => number,
  options: { concurrency: number; perAccount?: number },
) {
  const clock = new ManualClock();
  let running = 0;
  let maxRunning = 0;
  const byAccount = new Map<string, number>();
  const maxByAccount = new Map<string, number>();
  const starts: string[] = [];
  const promise = fanOut(
    targets,
    async (target, { signal, key }) => {
      starts.push(key);
      running++;
      maxRunning = Math.max(maxRunning, running);
      const now = (byAccount.get(target.accountId) ?? 0) + 1;
      byAccount.set(target.accountId, now);
      maxByAccount.set(target.accountId, Math.max(maxByAccount.get(target.accountId) ?? 0, now));
      try {
        await clock.sleep(durationOf(target), signal);
        return `${key} at ${clock.now()}`;
      } finally {
        running--;
        byAccount.set(target.accountId, (byAccount.get(target.accountId) ?? 1) - 1);
      }
    },
    options,
  );
  await clock.runAll();
  const results = await promise;
  return { results, maxRunning, maxByAccount, starts, clock };
}

describe('fanOut: settled results', () => {
  it('resolves with one result per target in target order, failures included, and never rejects', async () => {
    const clock = new ManualClock();
    const targets = ['us-east-1', 'eu-west-1', 'ap-south-1', 'sa-east-1'];
    // Later targets finish first, and one fails.
    const durations: Record<string, number> = {
      'us-east-1': 40,
      'eu-west-1': 30,
      'ap-south-1': 20,
      'sa-east-1': 10,
    };
    const promise = fanOut(
      targets,
      async (region, { signal }) => {
        await clock.sleep(durations[region]!, signal);
        if (region === 'ap-south-1') throw new Error(`no capacity in ${region}`);
        return region.toUpperCase();
      },
      { concurrency: 4 },
    );
    await clock.runAll();
    const results = await promise;
    expect(results.map((r) => r.target)).toEqual(targets);
    expect(results.map((r) => r.ok)).toEqual([true, true, false, true]);
    expect(results[0]).toMatchObject({ ok: true, value: 'US-EAST-1', resumed: false });
    const failed = results[2]!;
    expect(failed.ok === false && (failed.error as Error).message).toBe('no capacity in ap-south-1');
  });

  it('reports done / failed / total after each target', async () => {
    const progress: FanOutProgress<number>[] = [];
    await fanOut(
      [1, 2, 3],
      async (n) => {
        if (n === 2) throw new Error('two');
        return n;
      },
      { concurrency: 1, onProgress: (p) => progress.push(p) },
    );
    expect(progress.map(({ done, failed, total, target }) => [done, failed, total, target])).toEqual([
      [1, 0, 3, 1],
      [1, 1, 3, 2],
      [2, 1, 3, 3],
    ]);
  });

  it('resolves at once for no targets', async () => {
    expect(await fanOut([], async () => 1)).toEqual([]);
  });

  it('refuses bad bounds and duplicate targets before running anything', async () => {
    const fn = vi.fn(async () => 1);
    await expect(fanOut(['a'], fn, { concurrency: 0 })).rejects.toMatchObject({
      code: 'InvalidFanOutOption',
    });
    await expect(fanOut(['a'], fn, { perAccount: 1.5 })).rejects.toMatchObject({
      code: 'InvalidFanOutOption',
    });
    await expect(fanOut(['a', 'b', 'a'], fn)).rejects.toThrow(/Targets 0 and 2 have the same key "a"/);
    await expect(fanOut([{ when: new Date() }], fn)).rejects.toMatchObject({ code: 'TargetKeyRequired' });
    expect(fn).not.toHaveBeenCalled();
  });
});

describe('fanOut: bounds', () => {
  it('never runs more than `concurrency` targets, nor more than `perAccount` of one account (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('111111111111', '222222222222', '333333333333'),
            fc.integer({ min: 1, max: 50 }),
          ),
          {
            minLength: 1,
            maxLength: 30,
          },
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 4 }),
        async (work, concurrency, perAccount) => {
          const targets = work.map(([accountId], i) => ({ accountId, region: `r-${i}` }));
          const duration = new Map(targets.map((t, i) => [t.region, work[i]![1]]));
          const run = await watchedRun(targets, (t) => duration.get(t.region)!, { concurrency, perAccount });
          expect(run.maxRunning).toBeLessThanOrEqual(concurrency);
          for (const max of run.maxByAccount.values()) expect(max).toBeLessThanOrEqual(perAccount);
          expect([...run.starts].sort()).toEqual(
            targets.map((t) => `accountId=${t.accountId}/region=${t.region}`).sort(),
          );
          expect(run.results.every((r) => r.ok)).toBe(true);
          expect(run.clock.pending()).toBe(0);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('uses every slot it may: 3 accounts x 4 regions at concurrency 4 run 4 at a time', async () => {
    const run = await watchedRun(grid(['1', '2', '3'], ['a', 'b', 'c', 'd']), () => 10, { concurrency: 4 });
    expect(run.maxRunning).toBe(4);
    expect(run.clock.now()).toBe(30);
  });

  it('keeps a slow account from holding every slot: the others finish while it works', async () => {
    const targets = [...grid(['slow'], ['a', 'b', 'c']), ...grid(['fast1', 'fast2'], ['a', 'b', 'c'])];
    const finished: Record<string, number> = {};
    const clock = new ManualClock();
    const promise = fanOut(
      targets,
      async (t, { signal }) => {
        await clock.sleep(t.accountId === 'slow' ? 1000 : 10, signal);
        finished[`${t.accountId}/${t.region}`] = clock.now();
      },
      { concurrency: 3, perAccount: 1 },
    );
    await clock.runAll();
    await promise;
    // Without the per-account bound the slow account's three targets would take all three slots first.
    const fastDone = Math.max(
      ...Object.entries(finished)
        .filter(([k]) => !k.startsWith('slow'))
        .map(([, at]) => at),
    );
    expect(fastDone).toBeLessThan(1000);
    expect(finished['slow/c']).toBe(3000);
  });
});

describe('fanOut: abort', () => {
  it('stops new targets at once, aborts running ones through their signal, and leaves nothing waiting', async () => {
    const clock = new ManualClock();
    const controller = new AbortController();
    const added = vi.spyOn(controller.signal, 'addEventListener');
    const removed = vi.spyOn(controller.signal, 'removeEventListener');
    const started: string[] = [];
    const sawAbort: string[] = [];
    const promise = fanOut(
      ['a', 'b', 'c', 'd', 'e', 'f'],
      async (region, { signal }) => {
        started.push(region);
        signal.addEventListener('abort', () => sawAbort.push(region));
        await clock.sleep(region === 'a' ? 5 : 100, signal);
        return region;
      },
      { concurrency: 2, signal: controller.signal },
    );
    await clock.advance(10); // a finished, c started; b and c run
    controller.abort(new Error('operator stopped the sweep'));
    const results = await promise;
    expect(started).toEqual(['a', 'b', 'c']);
    expect(sawAbort.sort()).toEqual(['b', 'c']);
    expect(results.map((r) => r.ok)).toEqual([true, false, false, false, false, false]);
    const notStarted = results[3]!;
    expect(notStarted.ok === false && notStarted.error).toBeInstanceOf(FanOutError);
    expect(notStarted.ok === false && (notStarted.error as FanOutError).code).toBe('TargetNotStarted');
    const aborted = results[1]!;
    expect(aborted.ok === false && (aborted.error as Error).message).toBe('operator stopped the sweep');
    expect(clock.pending()).toBe(0);
    expect(removed.mock.calls.length).toBe(added.mock.calls.length);
    expect(added.mock.calls.length).toBe(1);
  });

  it('starts nothing when the signal is already aborted', async () => {
    const fn = vi.fn(async () => 1);
    const results = await fanOut(['a', 'b'], fn, { signal: AbortSignal.abort() });
    expect(fn).not.toHaveBeenCalled();
    expect(results.every((r) => !r.ok)).toBe(true);
  });
});

describe('fanOut: checkpoints', () => {
  it('records the sweep id before the first target starts', async () => {
    const checkpoint = memoryCheckpoint();
    let seen: SweepState | undefined;
    await fanOut(
      ['a'],
      async (_, { sweepId }) => {
        seen = checkpoint.state;
        return sweepId;
      },
      { checkpoint, sweepId: 'job-42' },
    );
    expect(seen).toEqual({ version: 1, sweepId: 'job-42', targets: {} });
    expect(checkpoint.state?.targets).toEqual({ a: { status: 'done', value: 'job-42' } });
  });

  it('skips finished targets on a second run, returns their values, and re-runs failed ones', async () => {
    const checkpoint = memoryCheckpoint();
    let fail = true;
    const calls: string[] = [];
    const fn = async (region: string) => {
      calls.push(region);
      if (region === 'b' && fail) throw Object.assign(new Error('throttled'), { code: 'Throttling' });
      return { region, instances: region.length };
    };
    const first = await fanOut(['a', 'b', 'c'], fn, { checkpoint });
    expect(first.map((r) => r.ok)).toEqual([true, false, true]);
    expect(checkpoint.state?.targets['b']).toEqual({
      status: 'failed',
      error: { name: 'Error', code: 'Throttling', message: 'throttled' },
    });
    fail = false;
    calls.length = 0;
    const second = await fanOut(['a', 'b', 'c'], fn, { checkpoint });
    expect(calls).toEqual(['b']);
    expect(second).toEqual([
      { target: 'a', ok: true, value: { region: 'a', instances: 1 }, resumed: true },
      { target: 'b', ok: true, value: { region: 'b', instances: 1 }, resumed: false },
      { target: 'c', ok: true, value: { region: 'c', instances: 1 }, resumed: true },
    ]);
  });

  it('keeps recorded failures with retryFailed: false', async () => {
    const checkpoint = memoryCheckpoint({
      version: 1,
      sweepId: 's',
      targets: {
        b: { status: 'failed', error: { name: 'ServiceError', code: 'AuthFailure', message: 'no' } },
      },
    });
    const fn = vi.fn(async (t: string) => t);
    const results = await fanOut(['a', 'b'], fn, { checkpoint, retryFailed: false });
    expect(fn.mock.calls.map(([t]) => t)).toEqual(['a']);
    const kept = results[1]!;
    expect(kept.ok === false && kept.error).toMatchObject({
      code: 'AuthFailure',
      originalName: 'ServiceError',
    });
  });

  it('gives the same idempotency keys on every run of one checkpoint, and new ones for a new sweep', async () => {
    const checkpoint = memoryCheckpoint();
    const keys = async (cp: Checkpoint) => {
      const seen: string[] = [];
      await fanOut(
        [{ accountId: '111111111111', region: 'us-east-1' }],
        async (_, c) => {
          seen.push(c.idempotencyKey('launch'));
          throw new Error('crash before the checkpoint recorded success');
        },
        { checkpoint: cp },
      );
      return seen;
    };
    const first = await keys(checkpoint);
    const again = await keys(checkpoint);
    const fresh = await keys(memoryCheckpoint());
    expect(again).toEqual(first);
    expect(first[0]).toMatch(/\/accountId=111111111111\/region=us-east-1\/launch$/);
    expect(fresh).not.toEqual(first);
  });

  it('continues from saved resume tokens, and drops them once the target is done', async () => {
    const checkpoint = memoryCheckpoint();
    const pages = ['p1', 'p2', 'p3', 'p4'];
    const seen: string[] = [];
    let dies = true;
    const fn = async (
      _: string,
      context: {
        resumeToken(n: string): string | undefined;
        saveResumeToken(n: string, t: string | undefined): Promise<void>;
      },
    ) => {
      let at = Number(context.resumeToken('pages') ?? 0);
      for (; at < pages.length; at++) {
        if (at === 2 && dies) {
          dies = false;
          throw new Error('process died');
        }
        seen.push(pages[at]!);
        await context.saveResumeToken('pages', String(at + 1));
      }
      return seen.length;
    };
    await fanOut(['r'], fn, { checkpoint });
    expect(checkpoint.state?.targets['r']).toMatchObject({ status: 'failed', resume: { pages: '2' } });
    const results = await fanOut(['r'], fn, { checkpoint });
    expect(seen).toEqual(['p1', 'p2', 'p3', 'p4']); // none twice, none skipped
    expect(results[0]).toMatchObject({ ok: true, value: 4 });
    expect(checkpoint.state?.targets['r']).toEqual({ status: 'done', value: 4 });
  });

  it('does not record a target cut short by an abort as failed', async () => {
    const checkpoint = memoryCheckpoint();
    const controller = new AbortController();
    const clock = new ManualClock();
    const promise = fanOut(
      ['a'],
      async (_, { signal, saveResumeToken }) => {
        await saveResumeToken('pages', 'after-page-1');
        await clock.sleep(100, signal);
      },
      { checkpoint, signal: controller.signal, retryFailed: false },
    );
    await settle();
    controller.abort();
    await promise;
    expect(checkpoint.state?.targets['a']).toEqual({ status: 'running', resume: { pages: 'after-page-1' } });
  });

  it('fails a target whose value JSON cannot hold, instead of a checkpoint that lies', async () => {
    const results = await fanOut(['a'], async () => 10n, { checkpoint: memoryCheckpoint() });
    const only = results[0]!;
    expect(only.ok === false && (only.error as FanOutError).code).toBe('ValueNotJson');
  });

  it('stops starting targets when a save fails, lets running ones finish, and rejects with the cause', async () => {
    let saves = 0;
    const cause = new Error('disk full');
    const checkpoint: Checkpoint = {
      load: () => undefined,
      save: () => {
        saves++;
        if (saves >= 2) throw cause;
      },
    };
    const started: string[] = [];
    const error = await fanOut(
      ['a', 'b', 'c', 'd'],
      async (t) => {
        started.push(t);
        await settle();
        return t;
      },
      { checkpoint, concurrency: 2 },
    ).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CheckpointSaveFailed', cause });
    expect(started).toEqual(['a', 'b']);
  });

  it('refuses a checkpoint it did not write', async () => {
    for (const bad of [
      {},
      { version: 2, sweepId: 's', targets: {} },
      { version: 1, sweepId: 's', targets: { a: { status: 'odd' } } },
    ]) {
      const checkpoint: Checkpoint = { load: () => bad as unknown as SweepState, save: () => {} };
      await expect(fanOut(['a'], async () => 1, { checkpoint })).rejects.toMatchObject({
        code: 'InvalidCheckpoint',
      });
    }
  });
});
