// What every resource object shares with the EC2Resource that made it: the client, the clock and
// sleep (from the client's effects unless given), the eventual-consistency settings, and where
// resource-level events go (the client's trace and logger). One context per EC2Resource.

import type { EC2Client } from '@boto-ts/client-ec2';
import {
  abortableSleep,
  BotoError,
  type CallOptions,
  ConfigError,
  createTracer,
  type Logger,
  type TraceEvent,
  type Tracer,
} from '@boto-ts/core';

/** How `load()` treats a NotFound right after the object was created (EC2 is eventually consistent). */
export interface ConsistencyOptions {
  /** How long after a create a NotFound is retried (ms). Default 60,000. */
  readonly windowMs?: number | undefined;
  /** Load attempts in all, the first included. Default 5. */
  readonly maxAttempts?: number | undefined;
  /** First delay (ms), doubled each retry. Default 500 (then 1 s, 2 s, 4 s). */
  readonly delayMs?: number | undefined;
}

/** Options of EC2Resource beyond the client's. */
export interface ResourceOptions {
  /** Retrying NotFound on `load()` right after a create; `false` turns it off. */
  readonly consistency?: ConsistencyOptions | false | undefined;
  /** Clock and sleep for those retries and for waiters; default the client's `effects`, else real ones. */
  readonly effects?:
    | {
        readonly now?: (() => number) | undefined;
        readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
      }
    | undefined;
  /** Receives resource events (eventual-consistency retries); default the client's `logger`. */
  readonly logger?: Logger | undefined;
}

export interface ResourceContext {
  readonly client: EC2Client;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Undefined when retries after a create are off. */
  readonly consistency: Required<ConsistencyOptions> | undefined;
  /** Sends a resource event to the client's trace output and to the logger (at info level). */
  readonly report: (event: TraceEvent) => void;
}

export const DEFAULT_CONSISTENCY: Required<ConsistencyOptions> = {
  windowMs: 60_000,
  maxAttempts: 5,
  delayMs: 500,
};

export function createResourceContext(client: EC2Client, options: ResourceOptions = {}): ResourceContext {
  const config = client.config;
  const effects = config.effects;
  const logger = options.logger ?? config.logger;
  // The printing half of the client's tracer (trace: true or BOTO_TS_TRACE=1); the logger is called here.
  const printer: Tracer | undefined = createTracer(
    { trace: config.trace },
    effects?.env,
    effects?.writeTrace,
  );
  const consistency =
    options.consistency === false
      ? undefined
      : checkConsistency({ ...DEFAULT_CONSISTENCY, ...definedOnly(options.consistency) });
  return {
    client,
    now: options.effects?.now ?? effects?.now ?? Date.now,
    sleep: options.effects?.sleep ?? effects?.sleep ?? abortableSleep,
    consistency,
    report(event) {
      printer?.emit(event, []);
      logger?.info?.(event);
    },
  };
}

function checkConsistency(options: Required<ConsistencyOptions>): Required<ConsistencyOptions> {
  const { windowMs, maxAttempts, delayMs } = options;
  const problems = [
    ...(Number.isFinite(windowMs) && windowMs! >= 0
      ? []
      : [`windowMs must be a number of ms >= 0, got ${windowMs}`]),
    ...(Number.isInteger(maxAttempts) && maxAttempts! >= 1
      ? []
      : [`maxAttempts must be an integer >= 1, got ${maxAttempts}`]),
    ...(Number.isFinite(delayMs) && delayMs! >= 0
      ? []
      : [`delayMs must be a number of ms >= 0, got ${delayMs}`]),
  ];
  if (problems.length > 0) {
    throw new ConfigError(`EC2Resource consistency options: ${problems.join('; ')}`, {
      code: 'InvalidConsistencyOption',
    });
  }
  return options;
}

function definedOnly(options: ConsistencyOptions | undefined): ConsistencyOptions {
  if (!options) return {};
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

/** Calls the client method `method` (`describeInstances`) with `input`. */
export function callMethod(
  context: ResourceContext,
  method: string,
  input: object,
  options: CallOptions | undefined,
): Promise<unknown> {
  const fn = (context.client as unknown as Record<string, unknown>)[method];
  if (typeof fn !== 'function') {
    throw new BotoError(
      'ClientMismatch',
      `The client given to EC2Resource has no ${method}() method; pass an EC2Client from @boto-ts/client-ec2`,
    );
  }
  return (fn as (input: object, options?: CallOptions) => Promise<unknown>).call(
    context.client,
    input,
    options,
  );
}
