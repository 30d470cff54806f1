// The fan-out's own error: bad options or targets, a checkpoint that cannot be read or written, and the
// marker for targets an abort kept from starting. Target failures are never wrapped in it: they are
// returned as they were thrown, in the target's settled result.

import { BotoError } from '../errors/errors.js';

export type FanOutErrorCode =
  | 'InvalidFanOutOption'
  | 'DuplicateTarget'
  | 'TargetKeyRequired'
  | 'InvalidCheckpoint'
  | 'CheckpointSaveFailed'
  | 'TargetNotStarted'
  | 'ValueNotJson';

export class FanOutError extends BotoError {
  override readonly name: string = 'FanOutError';
  declare readonly code: FanOutErrorCode;

  constructor(code: FanOutErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
