// WaiterError: a waiter stopped without reaching its success state. Says which acceptor decided (or
// that attempts or time ran out), the last state seen, the attempts made and the time spent.

import { BotoError, type ServiceError } from '@boto-ts/core';
import type { Acceptor } from './spec.js';

export type WaiterErrorCode =
  /** A failure acceptor matched: the resource cannot reach the wanted state without action. */
  | 'WaiterFailureState'
  /** The operation failed with an error no acceptor expects. */
  | 'WaiterUnexpectedError'
  /** maxAttempts were made without success. */
  | 'WaiterMaxAttemptsExceeded'
  /** maxWaitTime ran out without success. */
  | 'WaiterTimeout';

export class WaiterError extends BotoError {
  override readonly name: string = 'WaiterError';
  override readonly code: WaiterErrorCode;
  /** The model's waiter name (`InstanceRunning`). */
  readonly waiter: string;
  /** The acceptor that decided (failure), or the last one that matched (attempts or time ran out). */
  readonly acceptor: Acceptor | undefined;
  /** The last state seen, in words: `instance i-0abc is terminated`. */
  readonly lastState: string;
  readonly attempts: number;
  readonly elapsedSeconds: number;
  /** The last output, when the last attempt succeeded (so the caller need not describe again). */
  readonly lastOutput: object | undefined;
  /** The last service error, when the last attempt failed. */
  readonly lastError: ServiceError | undefined;

  constructor(init: {
    code: WaiterErrorCode;
    waiter: string;
    message: string;
    acceptor: Acceptor | undefined;
    lastState: string;
    attempts: number;
    elapsedSeconds: number;
    lastOutput?: object | undefined;
    lastError?: ServiceError | undefined;
  }) {
    super(init.code, init.message, { cause: init.lastError });
    this.code = init.code;
    this.waiter = init.waiter;
    this.acceptor = init.acceptor;
    this.lastState = init.lastState;
    this.attempts = init.attempts;
    this.elapsedSeconds = init.elapsedSeconds;
    this.lastOutput = init.lastOutput;
    this.lastError = init.lastError;
  }
}
