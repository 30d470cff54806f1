// A stand-in for EC2Client in unit tests: every method records its call and answers from a handler
// (or `{}` when lenient), with `$metadata` added as the real client does. Nothing touches the network.

import type { EC2Client } from '@boto-ts/client-ec2';
import { type CallOptions, type ClientConfig, ServiceError } from '@boto-ts/core';

export interface RecordedCall {
  readonly method: string;
  readonly input: Record<string, unknown>;
  readonly options: CallOptions | undefined;
}

export type Handler = (input: Record<string, unknown>, call: number) => unknown;

export interface ScriptedClient {
  readonly client: EC2Client;
  readonly calls: RecordedCall[];
  /** The calls of one method. */
  callsOf(method: string): RecordedCall[];
}

const metadata = { requestId: 'req-1', httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 };

export function scriptedClient(
  handlers: Readonly<Record<string, Handler>> = {},
  options: { lenient?: boolean; config?: ClientConfig } = {},
): ScriptedClient {
  const calls: RecordedCall[] = [];
  const counts = new Map<string, number>();
  const target = { config: options.config ?? {} };
  const client = new Proxy(target, {
    get(object, property) {
      if (typeof property === 'symbol' || property === 'then' || property in object) {
        return (object as Record<string | symbol, unknown>)[property];
      }
      return async (input: Record<string, unknown> = {}, callOptions?: CallOptions) => {
        calls.push({ method: property, input: structuredClone(input), options: callOptions });
        const count = (counts.get(property) ?? 0) + 1;
        counts.set(property, count);
        const handler = handlers[property];
        if (handler === undefined && !options.lenient) throw new Error(`unexpected call: ${property}`);
        const output = handler ? await handler(input, count) : {};
        return { ...(output as object), $metadata: metadata };
      };
    },
  }) as unknown as EC2Client;
  return { client, calls, callsOf: (method) => calls.filter((call) => call.method === method) };
}

/** A service error as the pipeline would reject with. */
export function serviceError(code: string, statusCode = 400): ServiceError {
  return new ServiceError({ code, message: `${code} (scripted)`, statusCode, $metadata: metadata });
}

/** A fake clock and sleep: sleeping advances the clock, nothing waits. */
export function fakeTime(start = 1_700_000_000_000) {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
    sleeps,
  };
}
