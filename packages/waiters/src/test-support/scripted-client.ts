// A scripted client for waiter tests: each call returns the next scripted step (an output, or a
// ServiceError thrown), and a fake clock that only moves when the waiter sleeps.

import { type CallOptions, ServiceError } from '@boto-ts/core';
import type { SendClient } from '../client.js';
import type { Sleep, WaiterEffects } from '../sleep.js';

export type Step =
  | { readonly output: object }
  | { readonly error: ServiceError }
  | { readonly throws: unknown };

export function serviceError(code: string, statusCode = 400, message = `${code} happened`): ServiceError {
  return new ServiceError({
    code,
    message,
    statusCode,
    requestId: 'req-1',
    $metadata: { requestId: 'req-1', httpStatusCode: statusCode, attempts: 1, totalRetryDelay: 0 },
  });
}

/** A DescribeInstances output with one reservation holding instances in the given states. */
export function instances(...states: string[]): object {
  return {
    Reservations: [
      {
        ReservationId: 'r-1',
        Instances: states.map((Name, i) => ({ InstanceId: `i-${i + 1}`, State: { Name } })),
      },
    ],
    $metadata: { requestId: 'req', httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
  };
}

/** Has every method (and `send`), so it stands in for any client type. */
export type AnyClient = SendClient &
  Record<string, (input: object, options?: CallOptions) => Promise<object>>;

export interface ScriptedClient {
  readonly client: AnyClient;
  readonly calls: { method: string; input: object; options: CallOptions | undefined; at: number }[];
}

/** Answers every method with the next step; the last step repeats when the script runs out. */
export function scriptedClient(steps: readonly Step[], clock?: FakeClock): ScriptedClient {
  const calls: ScriptedClient['calls'] = [];
  const answer = (method: string) => async (input: object, options?: CallOptions) => {
    calls.push({ method, input, options, at: clock?.seconds ?? 0 });
    const step = steps[Math.min(calls.length - 1, steps.length - 1)]!;
    if ('error' in step) throw step.error;
    if ('throws' in step) throw step.throws;
    return step.output;
  };
  const client = new Proxy({} as AnyClient, {
    get: (_target, method) => (typeof method === 'string' && method !== 'then' ? answer(method) : undefined),
  });
  return { client, calls };
}

export interface FakeClock {
  readonly seconds: number;
  readonly sleeps: number[];
  readonly effects: Required<WaiterEffects>;
}

/** A clock that advances only by the delays the waiter sleeps (and `requestSeconds` per call, if set). */
export function fakeClock(
  randoms: readonly number[] = [0.5],
): FakeClock & { advance(seconds: number): void } {
  let ms = 1_000_000;
  let draw = 0;
  const sleeps: number[] = [];
  const sleep: Sleep = async (seconds, signal) => {
    if (signal?.aborted) throw signal.reason;
    sleeps.push(seconds);
    ms += seconds * 1000;
  };
  return {
    get seconds() {
      return (ms - 1_000_000) / 1000;
    },
    sleeps,
    advance(seconds: number) {
      ms += seconds * 1000;
    },
    effects: {
      now: () => ms,
      sleep,
      random: () => randoms[draw++ % randoms.length]!,
    },
  };
}
