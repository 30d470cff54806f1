import { ConfigError, TimeoutError } from '@boto-ts/core';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WaiterError } from './errors.js';
import {
  instanceRunningWaiter,
  instanceTerminatedWaiter,
  volumeDeletedWaiter,
} from './generated/ec2/index.js';
import { realSleep } from './sleep.js';
import { fakeClock, instances, scriptedClient, serviceError } from './test-support/scripted-client.js';
import type { AttemptReport } from './waiter.js';
import { createWaiter } from './waiter.js';

const input = { InstanceIds: ['i-1'] };

async function failure(promise: Promise<unknown>): Promise<WaiterError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WaiterError);
  return error as WaiterError;
}

describe('wait: outcomes', () => {
  it('returns the final response of the poll that succeeded', async () => {
    const clock = fakeClock();
    const final = instances('running');
    const { client, calls } = scriptedClient([{ output: instances('pending') }, { output: final }], clock);
    const result = await createWaiter(client, instanceRunningWaiter).wait(input, { effects: clock.effects });
    expect(result.output).toBe(final);
    expect(result).toMatchObject({
      state: 'success',
      attempts: 2,
      elapsedSeconds: 15,
      observed: 'instance i-1 is running',
    });
    expect(result.acceptor).toBe(instanceRunningWaiter.acceptors[0]);
    expect(calls.map((call) => call.input)).toEqual([input, input]);
    expect(calls.map((call) => call.method)).toEqual(['describeInstances', 'describeInstances']);
  });

  it('fails fast on a failure acceptor, naming the acceptor, the state, the attempts and the time', async () => {
    const clock = fakeClock();
    const { client, calls } = scriptedClient(
      [
        { output: instances('pending') },
        { output: instances('pending', 'terminated') },
        { output: instances('running') },
      ],
      clock,
    );
    const error = await failure(
      createWaiter(client, instanceRunningWaiter).wait(input, { effects: clock.effects }),
    );
    expect(calls).toHaveLength(2);
    expect(error.code).toBe('WaiterFailureState');
    expect(error.acceptor).toBe(instanceRunningWaiter.acceptors[2]);
    expect(error.lastState).toBe('instance i-1 is pending, instance i-2 is terminated');
    expect(error).toMatchObject({ attempts: 2, elapsedSeconds: 15, waiter: 'InstanceRunning' });
    expect(error.message).toContain('instance i-2 is terminated');
    expect(error.message).toContain('pathAny Reservations[].Instances[].State.Name == "terminated"');
    expect(error.message).toContain('2 attempts, 15.0 s');
    expect(error.lastOutput).toEqual(instances('pending', 'terminated'));
  });

  it('retries on an expected error (InvalidInstanceID.NotFound right after RunInstances)', async () => {
    const clock = fakeClock();
    const { client, calls } = scriptedClient(
      [{ error: serviceError('InvalidInstanceID.NotFound') }, { output: instances('running') }],
      clock,
    );
    const result = await createWaiter(client, instanceRunningWaiter).wait(input, { effects: clock.effects });
    expect(result.attempts).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('stops on an error no acceptor expects, with the service error as cause', async () => {
    const clock = fakeClock();
    const denied = serviceError('UnauthorizedOperation', 403);
    const { client, calls } = scriptedClient([{ error: denied }], clock);
    const error = await failure(
      createWaiter(client, instanceRunningWaiter).wait(input, { effects: clock.effects }),
    );
    expect(calls).toHaveLength(1);
    expect(error.code).toBe('WaiterUnexpectedError');
    expect(error.cause).toBe(denied);
    expect(error.lastError).toBe(denied);
    expect(error.message).toContain('error UnauthorizedOperation');
  });

  it('lets errors that are not service answers through untouched', async () => {
    const clock = fakeClock();
    const broken = new TypeError('socket hang up');
    const { client } = scriptedClient([{ throws: broken }], clock);
    await expect(
      createWaiter(client, instanceRunningWaiter).wait(input, { effects: clock.effects }),
    ).rejects.toBe(broken);
  });

  it('succeeds on an error acceptor and hands back the error (VolumeDeleted on InvalidVolume.NotFound)', async () => {
    const clock = fakeClock();
    const gone = serviceError('InvalidVolume.NotFound');
    const { client } = scriptedClient(
      [{ output: { Volumes: [{ VolumeId: 'vol-1', State: 'deleting' }] } }, { error: gone }],
      clock,
    );
    const result = await createWaiter(client, volumeDeletedWaiter).wait(
      { VolumeIds: ['vol-1'] },
      { effects: clock.effects },
    );
    expect(result.error).toBe(gone);
    expect(result.output).toBeUndefined();
    expect(result.attempts).toBe(2);
  });
});

describe('wait: schedules', () => {
  it("uses the model's delay and attempts by default (InstanceRunning: 15 s x 40)", async () => {
    const clock = fakeClock();
    const { client, calls } = scriptedClient([{ output: instances('pending') }], clock);
    const error = await failure(
      createWaiter(client, instanceRunningWaiter).wait(input, { effects: clock.effects }),
    );
    expect(calls).toHaveLength(40);
    expect(clock.sleeps).toEqual(Array(39).fill(15));
    expect(error.code).toBe('WaiterMaxAttemptsExceeded');
    expect(error).toMatchObject({ attempts: 40, elapsedSeconds: 585, lastState: 'instance i-1 is pending' });
    expect(error.message).toMatch(/gave up after 40 attempts, 585\.0 s; last state: instance i-1 is pending/);
  });

  it('honours maxAttempts', async () => {
    const clock = fakeClock();
    const { client, calls } = scriptedClient([{ output: instances('pending') }], clock);
    await failure(
      createWaiter(client, instanceRunningWaiter).wait(input, { maxAttempts: 3, effects: clock.effects }),
    );
    expect(calls).toHaveLength(3);
    expect(clock.sleeps).toEqual([15, 15]);
  });

  it('backs off exponentially with jitter and ends before maxWaitTime, the last attempt placed in time', async () => {
    const clock = fakeClock([0.999999]);
    const { client, calls } = scriptedClient([{ output: instances('pending') }], clock);
    const error = await failure(
      createWaiter(client, instanceRunningWaiter).wait(input, {
        minDelay: 2,
        maxDelay: 30,
        maxWaitTime: 100,
        effects: clock.effects,
      }),
    );
    expect(clock.sleeps.map((s) => Math.round(s * 1000) / 1000)).toEqual([2, 4, 8, 16, 30, 30, 8]);
    expect(calls.at(-1)!.at).toBeCloseTo(98);
    expect(error.code).toBe('WaiterTimeout');
    expect(error.elapsedSeconds).toBeLessThanOrEqual(100);
    expect(error.message).toContain('did not succeed within maxWaitTime 100 s (8 attempts');
  });

  it('maxWaitTime alone backs off from the model delay, with no attempt cap', async () => {
    const clock = fakeClock([0]);
    const { client, calls } = scriptedClient([{ output: instances('pending') }], clock);
    await failure(
      createWaiter(client, instanceRunningWaiter).wait(input, { maxWaitTime: 1000, effects: clock.effects }),
    );
    expect(clock.sleeps.slice(0, 3)).toEqual([15, 15, 15]);
    expect(calls.length).toBeGreaterThan(40);
  });

  it('a maxDelay below the model delay caps every delay', async () => {
    const clock = fakeClock([0.999999]);
    const { client } = scriptedClient([{ output: instances('pending') }], clock);
    await failure(
      createWaiter(client, instanceRunningWaiter).wait(input, {
        maxDelay: 5,
        maxAttempts: 4,
        effects: clock.effects,
      }),
    );
    expect(clock.sleeps).toEqual([5, 5, 5]);
  });

  it('keeps every attempt before the deadline for any delays and request times (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.double({ min: 1, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 1, max: 400, noNaN: true }),
        fc.array(fc.double({ min: 0, max: 0.9999, noNaN: true }), { minLength: 1, maxLength: 10 }),
        fc.double({ min: 0, max: 0.4, noNaN: true }),
        async (minDelay, extra, maxWaitTime, draws, latencyShare) => {
          const clock = fakeClock(draws);
          const latency = minDelay * latencyShare;
          const calls: number[] = [];
          const client = {
            describeInstances: async () => {
              calls.push(clock.seconds);
              clock.advance(latency);
              return instances('pending');
            },
          };
          const error = await failure(
            createWaiter(client, instanceRunningWaiter).wait(input, {
              minDelay,
              maxDelay: minDelay + extra,
              maxWaitTime,
              effects: clock.effects,
            }),
          );
          expect(error.code).toBe('WaiterTimeout');
          for (const start of calls.slice(1))
            expect(start).toBeLessThanOrEqual(maxWaitTime - minDelay + 1e-5);
          // It ends before the deadline, unless the very first request alone outlasts it.
          expect(clock.seconds).toBeLessThanOrEqual(Math.max(maxWaitTime, latency) + 1e-5);
          for (const sleep of clock.sleeps) expect(sleep).toBeLessThanOrEqual(minDelay + extra + 1e-6);
        },
      ),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe('wait: progress and abort', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reports every poll to onAttempt: attempt, state, what it saw, the next delay', async () => {
    const clock = fakeClock();
    const reports: AttemptReport[] = [];
    const { client } = scriptedClient(
      [
        { error: serviceError('InvalidInstanceID.NotFound') },
        { output: instances('pending') },
        { output: instances('terminated') },
      ],
      clock,
    );
    await failure(
      createWaiter(client, instanceTerminatedWaiter).wait(input, {
        effects: clock.effects,
        onAttempt: (r) => reports.push(r),
      }),
    );
    expect(
      reports.map(({ attempt, state, observed, nextDelaySeconds }) => ({
        attempt,
        state,
        observed,
        nextDelaySeconds,
      })),
    ).toEqual([
      {
        attempt: 1,
        state: 'failure',
        observed: 'error InvalidInstanceID.NotFound: InvalidInstanceID.NotFound happened',
        nextDelaySeconds: undefined,
      },
    ]);
    const more: AttemptReport[] = [];
    const second = scriptedClient(
      [
        { output: instances('shutting-down') },
        { output: instances('running', 'terminated') },
        { output: instances('terminated') },
      ],
      clock,
    );
    const result = await createWaiter(second.client, instanceTerminatedWaiter).wait(input, {
      effects: clock.effects,
      onAttempt: (r) => more.push(r),
    });
    expect(result.observed).toBe('instance i-1 is terminated');
    expect(
      more.map(({ attempt, state, observed, nextDelaySeconds }) => [
        attempt,
        state,
        observed,
        nextDelaySeconds,
      ]),
    ).toEqual([
      [1, 'retry', 'instance i-1 is shutting-down', 15],
      [2, 'retry', 'instance i-1 is running, instance i-2 is terminated', 15],
      [3, 'success', 'instance i-1 is terminated', undefined],
    ]);
  });

  it('aborting during the delay stops at once and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const { client, calls } = scriptedClient([{ output: instances('pending') }]);
    const waiting = createWaiter(client, instanceRunningWaiter).wait(input, {
      signal: controller.signal,
      effects: { sleep: realSleep },
    });
    const settled = waiting.then(
      () => 'resolved',
      (e: unknown) => e,
    );
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort(new Error('user pressed ctrl-c'));
    const error = await settled;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('aborted');
    expect((error as Error).message).toContain('aborted after 1 attempt');
    expect(vi.getTimerCount()).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it('aborting during a call that ignores the signal still stops at once', async () => {
    const controller = new AbortController();
    let started = 0;
    const stuck = { describeInstances: () => new Promise<never>(() => started++) };
    const waiting = createWaiter(stuck, instanceRunningWaiter).wait(input, { signal: controller.signal });
    expect(started).toBe(1);
    controller.abort(new Error('stop'));
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as Error).message).toContain('aborted after 1 attempt');
  });

  it('sends nothing when the signal is already aborted, and passes the signal to each call', async () => {
    const { client, calls } = scriptedClient([{ output: instances('running') }]);
    await expect(
      createWaiter(client, instanceRunningWaiter).wait(input, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(calls).toHaveLength(0);
    const controller = new AbortController();
    await createWaiter(client, instanceRunningWaiter).wait(input, { signal: controller.signal });
    expect(calls[0]!.options?.signal).toBe(controller.signal);
  });

  it('realSleep resolves after the delay and removes its abort listener', async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const done = vi.fn();
    void realSleep(2, controller.signal).then(done);
    await vi.advanceTimersByTimeAsync(1999);
    expect(done).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('wait: options and clients', () => {
  it.each([
    [{ minDelay: 0 }, /minDelay must be a number of seconds > 0/],
    [{ maxWaitTime: -1 }, /maxWaitTime must be/],
    [{ maxAttempts: 0 }, /maxAttempts must be an integer >= 1/],
    [{ minDelay: 10, maxDelay: 5 }, /maxDelay \(5\) must not be less than minDelay \(10\)/],
  ])('rejects %o before polling', async (options, message) => {
    const { client, calls } = scriptedClient([{ output: instances('running') }]);
    const error = await createWaiter(client, instanceRunningWaiter)
      .wait(input, options)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect(calls).toHaveLength(0);
  });

  it('runs on a client with only send() when the spec carries the schema', async () => {
    const schema = { name: 'DescribeInstances' };
    const sent: object[] = [];
    const bare = {
      async send(operation: object) {
        sent.push(operation);
        return instances('running');
      },
    };
    const result = await createWaiter(bare, { ...instanceRunningWaiter, schema }).wait(input);
    expect(result.attempts).toBe(1);
    expect(sent).toEqual([schema]);
    await expect(createWaiter(bare, instanceRunningWaiter).wait(input)).rejects.toThrow(
      /only send\(\) and the spec carries no schema/,
    );
  });
});
