// Public exports of core/fanout: bounded, settled, resumable runs over regions and accounts.
export {
  type Checkpoint,
  CheckpointedTargetError,
  type JsonValue,
  memoryCheckpoint,
  type RecordedError,
  type ResumeTokens,
  type SweepState,
  type TargetState,
} from './checkpoint.js';
export { FanOutError, type FanOutErrorCode } from './errors.js';
export {
  type FanOutOptions,
  type FanOutProgress,
  type FanOutResult,
  fanOut,
  type TargetContext,
} from './fan-out.js';
export { fileCheckpoint } from './file-checkpoint.js';
export { defaultTargetKey } from './target-key.js';
