// createWaiter: polls an operation until an acceptor says success (resolves with the final response) or
// failure (rejects at once), or attempts or time run out. Every poll is reported to `onAttempt`; an
// abort stops at once, with no timer left. Clock, sleep and randomness are injectable.

import {
  ConfigError,
  isServiceError,
  type ServiceError,
  TimeoutError,
  untilAborted,
  type WithMetadata,
} from '@boto-ts/core';
import { describeAcceptor, firstMatch, type Outcome } from './acceptors.js';
import { callOperation, type WaiterClient } from './client.js';
import { nextDelay, type Schedule } from './delays.js';
import { WaiterError } from './errors.js';
import { describeOutcome } from './observed-state.js';
import { resolveEffects, type WaiterEffects } from './sleep.js';
import type { Acceptor, AcceptorState, AnyWaiterSpec, WaiterSpec } from './spec.js';

/** All times in seconds, as in the model, boto3 and the Smithy waiter rules. */
export interface WaitOptions {
  /**
   * Switches from the model's fixed delay to jittered exponential backoff starting here (default: the
   * model's delay, or maxDelay if smaller). Setting minDelay, maxDelay or maxWaitTime selects backoff.
   */
  readonly minDelay?: number | undefined;
  /** Cap of the backoff delay (default 120, or minDelay when larger). */
  readonly maxDelay?: number | undefined;
  /** Total time allowed; the last attempt is placed so it answers before it. Default: no limit. */
  readonly maxWaitTime?: number | undefined;
  /** Attempts, the first included. Default: the model's, or unlimited when maxWaitTime is set. */
  readonly maxAttempts?: number | undefined;
  /** Stops waiting at once (also aborts the request in flight). */
  readonly signal?: AbortSignal | undefined;
  /** Called after every poll, with what it saw and when the next one is. Errors it throws stop the wait. */
  readonly onAttempt?: ((report: AttemptReport) => void) | undefined;
  /** Clock, sleep and random draw; replaced by tests and simulations. */
  readonly effects?: WaiterEffects | undefined;
}

export interface AttemptReport {
  readonly waiter: string;
  readonly attempt: number;
  /** The state this poll moved the waiter to (`retry` when no acceptor matched). */
  readonly state: AcceptorState;
  readonly acceptor: Acceptor | undefined;
  /** What the response showed: `instance i-0abc is pending`. */
  readonly observed: string;
  readonly elapsedSeconds: number;
  /** When the next poll happens; undefined when this was the last one. */
  readonly nextDelaySeconds: number | undefined;
}

interface ResultBase {
  readonly state: 'success';
  readonly acceptor: Acceptor;
  readonly attempts: number;
  readonly elapsedSeconds: number;
  readonly observed: string;
}

/**
 * How a wait ended well: with the final output, or, for waiters that succeed on an error (VolumeDeleted
 * on InvalidVolume.NotFound), with that error.
 */
export type WaiterResult<Output, SucceedsOnError extends boolean = boolean> = ResultBase &
  (SucceedsOnError extends false
    ? { readonly output: WithMetadata<Output>; readonly error?: undefined }
    :
        | { readonly output: WithMetadata<Output>; readonly error?: undefined }
        | { readonly output?: undefined; readonly error: ServiceError });

/** `wait(input, options)`: the input may be left out when the operation requires nothing. */
export type WaitArgs<Input> = object extends Input
  ? [input?: Input, options?: WaitOptions]
  : [input: Input, options?: WaitOptions];

export interface Waiter<Input extends object, Output extends object, SucceedsOnError extends boolean> {
  /** The model's waiter name (`InstanceRunning`). */
  readonly name: string;
  wait(...args: WaitArgs<Input>): Promise<WaiterResult<Output, SucceedsOnError>>;
}

/** Whether a spec has a success acceptor on errors (so its result may carry an error, not an output). */
export type SucceedsOnError<Spec> = Spec extends { readonly succeedsOnError: true } ? true : false;

export type WaiterOf<Spec> =
  Spec extends WaiterSpec<infer Input, infer Output, string>
    ? Waiter<Input, Output, SucceedsOnError<Spec>>
    : never;

export type ClientFor<Spec> =
  Spec extends WaiterSpec<infer Input, infer Output, infer Method>
    ? WaiterClient<Method, Input, Output>
    : never;

function invalid(name: string, problem: string): ConfigError {
  return new ConfigError(`Waiter ${name}: ${problem}`, { code: 'InvalidWaiterOption' });
}

function checkOptions(spec: AnyWaiterSpec, options: WaitOptions): void {
  const positive = (key: 'minDelay' | 'maxDelay' | 'maxWaitTime') => {
    const value = options[key];
    if (value !== undefined && !(Number.isFinite(value) && value > 0)) {
      throw invalid(spec.name, `${key} must be a number of seconds > 0, got ${value}`);
    }
  };
  positive('minDelay');
  positive('maxDelay');
  positive('maxWaitTime');
  const { maxAttempts, minDelay, maxDelay } = options;
  if (maxAttempts !== undefined && !(Number.isInteger(maxAttempts) && maxAttempts >= 1)) {
    throw invalid(spec.name, `maxAttempts must be an integer >= 1, got ${maxAttempts}`);
  }
  if (minDelay !== undefined && maxDelay !== undefined && maxDelay < minDelay) {
    throw invalid(spec.name, `maxDelay (${maxDelay}) must not be less than minDelay (${minDelay})`);
  }
}

const seconds = (value: number): string => `${value.toFixed(1)} s`;
const attemptsText = (n: number): string => `${n} attempt${n === 1 ? '' : 's'}`;

async function run(
  client: object,
  spec: AnyWaiterSpec,
  input: object,
  options: WaitOptions,
): Promise<WaiterResult<object, boolean>> {
  checkOptions(spec, options);
  const { signal, onAttempt, maxWaitTime } = options;
  const { now, sleep, random } = resolveEffects(options.effects);
  const backoff =
    options.minDelay !== undefined || options.maxDelay !== undefined || maxWaitTime !== undefined;
  // The model's delay starts the backoff, unless the caller's maxDelay is smaller.
  const minDelay = options.minDelay ?? Math.min(spec.delay, options.maxDelay ?? spec.delay);
  const schedule: Schedule = backoff
    ? { kind: 'backoff', minDelay, maxDelay: options.maxDelay ?? Math.max(120, minDelay) }
    : { kind: 'fixed', delay: spec.delay };
  const maxAttempts =
    options.maxAttempts ?? (maxWaitTime !== undefined ? Number.POSITIVE_INFINITY : spec.maxAttempts);
  const started = now();
  const elapsed = () => (now() - started) / 1000;
  let lastMatched: Acceptor | undefined;
  let observed = 'nothing yet';
  let attempt = 0;

  const aborted = (reason: unknown) =>
    new TimeoutError(
      'aborted',
      `Waiter ${spec.name} was aborted after ${attemptsText(attempt)} (${seconds(elapsed())}); last state: ${observed}`,
      { cause: reason },
    );

  for (;;) {
    if (signal?.aborted) throw aborted(signal.reason);
    attempt++;
    let outcome: Outcome;
    try {
      outcome = {
        output: await untilAborted(callOperation(client, spec, input, signal ? { signal } : {}), signal),
      };
    } catch (error) {
      if (signal?.aborted) throw aborted(signal.reason);
      // Only service answers are waiter states; anything else (validation, network) is the caller's to see.
      if (!isServiceError(error)) throw error;
      outcome = { error };
    }
    if (signal?.aborted) throw aborted(signal.reason);
    const match = firstMatch(spec.acceptors, outcome);
    observed = describeOutcome(spec, outcome);
    const spent = elapsed();
    if (match) lastMatched = match.acceptor;
    const state: AcceptorState = match ? match.acceptor.state : outcome.error ? 'failure' : 'retry';

    let delay: number | undefined;
    if (state === 'retry' && attempt < maxAttempts) {
      delay = nextDelay(
        schedule,
        attempt,
        maxWaitTime === undefined ? Number.POSITIVE_INFINITY : maxWaitTime - spent,
        random,
      );
    }
    onAttempt?.({
      waiter: spec.name,
      attempt,
      state,
      acceptor: match?.acceptor,
      observed,
      elapsedSeconds: spent,
      nextDelaySeconds: delay,
    });

    const facts = {
      waiter: spec.name,
      acceptor: match?.acceptor ?? lastMatched,
      lastState: observed,
      attempts: attempt,
      elapsedSeconds: spent,
      lastOutput: outcome.output,
      lastError: outcome.error,
    };
    const tally = `${attemptsText(attempt)}, ${seconds(spent)}`;
    if (state === 'success') {
      const base = { state, acceptor: match!.acceptor, attempts: attempt, elapsedSeconds: spent, observed };
      return outcome.error
        ? { ...base, error: outcome.error }
        : { ...base, output: outcome.output as WithMetadata<object> };
    }
    if (state === 'failure') {
      if (!match) {
        throw new WaiterError({
          ...facts,
          code: 'WaiterUnexpectedError',
          message: `Waiter ${spec.name} stopped on an error no acceptor expects: ${observed}. Fix its cause (permissions, input) and wait again (${tally})`,
        });
      }
      throw new WaiterError({
        ...facts,
        code: 'WaiterFailureState',
        message: `Waiter ${spec.name} failed: ${observed} (acceptor ${match.index + 1}, ${describeAcceptor(match.acceptor)}, is a failure state: it will not change without action on your side) (${tally})`,
      });
    }
    if (delay === undefined) {
      const previously = lastMatched ? `; last matched: ${describeAcceptor(lastMatched)}` : '';
      if (attempt >= maxAttempts) {
        throw new WaiterError({
          ...facts,
          code: 'WaiterMaxAttemptsExceeded',
          message: `Waiter ${spec.name} gave up after ${tally}; last state: ${observed}${previously}. Raise maxAttempts (or set maxWaitTime) to wait longer`,
        });
      }
      throw new WaiterError({
        ...facts,
        code: 'WaiterTimeout',
        message: `Waiter ${spec.name} did not succeed within maxWaitTime ${maxWaitTime} s (${tally}); last state: ${observed}${previously}. Raise maxWaitTime to wait longer`,
      });
    }
    try {
      await sleep(delay, signal);
    } catch (reason) {
      throw signal?.aborted ? aborted(reason) : reason;
    }
  }
}

/**
 * A waiter for `spec` on `client`: an EC2Client (or any object with the operation's method), or a bare
 * ServiceClient when the spec carries the operation's schema.
 */
export function createWaiter<Spec extends AnyWaiterSpec>(
  client: ClientFor<Spec>,
  spec: Spec,
): WaiterOf<Spec> {
  const waiter = {
    name: spec.name,
    wait: (input: object = {}, options: WaitOptions = {}) => run(client, spec, input, options),
  };
  return waiter as unknown as WaiterOf<Spec>;
}
