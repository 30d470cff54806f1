// A sweep's checkpoint: plain JSON saying which targets finished (and their values), which failed
// (and why), and the resume tokens of the ones still running, so a sweep started again skips what
// finished and continues paginations where they stopped. The store is the caller's (a file, a job
// queue's job data, a database row): anything with load() and save(state).

import { BotoError } from '../errors/errors.js';
import { FanOutError } from './errors.js';

/** What JSON can hold. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** A failure as the checkpoint keeps it (no stack, no cause: those are not JSON). */
export interface RecordedError {
  readonly name: string;
  readonly code?: string | undefined;
  readonly message: string;
}

/** Named resume tokens of one target (`instances` -> a paginator's resumeToken). */
export type ResumeTokens = Readonly<Record<string, string>>;

export type TargetState =
  | { readonly status: 'done'; readonly value: JsonValue }
  | { readonly status: 'failed'; readonly error: RecordedError; readonly resume?: ResumeTokens }
  | { readonly status: 'running'; readonly resume: ResumeTokens };

export interface SweepState {
  readonly version: 1;
  /** Names the sweep in idempotency keys: the same on every run that resumes this state. */
  readonly sweepId: string;
  /** By target key. */
  readonly targets: Readonly<Record<string, TargetState>>;
}

/** Where a sweep's state lives. `save` is called with the whole state, one call at a time. */
export interface Checkpoint {
  load(): SweepState | undefined | Promise<SweepState | undefined>;
  save(state: SweepState): void | Promise<void>;
}

/** A failure restored from a checkpoint: the original's name, code and message. */
export class CheckpointedTargetError extends BotoError {
  override readonly name: string = 'CheckpointedTargetError';
  /** The `name` of the error the target failed with on the earlier run. */
  readonly originalName: string;
  constructor(recorded: RecordedError) {
    super(recorded.code ?? recorded.name, recorded.message);
    this.originalName = recorded.name;
  }
}

export function recordError(error: unknown): RecordedError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { name: error.name, ...(typeof code === 'string' ? { code } : {}), message: error.message };
  }
  return { name: 'Error', message: String(error) };
}

/** `value` as JSON would keep it (a deep copy), or a FanOutError saying why it cannot be kept. */
export function toJsonValue(value: unknown): JsonValue {
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (error) {
    throw new FanOutError(
      'ValueNotJson',
      `The target's result cannot be written to the checkpoint as JSON (${error instanceof Error ? error.message : String(error)}); return plain data (strings, numbers, arrays, objects).`,
      { cause: error },
    );
  }
  return text === undefined ? null : (JSON.parse(text) as JsonValue);
}

function invalid(detail: string): FanOutError {
  return new FanOutError(
    'InvalidCheckpoint',
    `The checkpoint's state is not a sweep state this SDK wrote (${detail}); pass a checkpoint from an earlier fanOut, or an empty one to start over.`,
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkResume(value: unknown, where: string): void {
  if (value === undefined) return;
  if (!isRecord(value) || Object.values(value).some((token) => typeof token !== 'string'))
    throw invalid(`${where}.resume is not an object of strings`);
}

/** Checks a loaded state's shape (it came from outside) and returns it typed. */
export function parseSweepState(value: unknown): SweepState {
  if (!isRecord(value)) throw invalid('not an object');
  if (value['version'] !== 1) throw invalid(`version ${JSON.stringify(value['version'])}, expected 1`);
  if (typeof value['sweepId'] !== 'string' || value['sweepId'] === '') throw invalid('no sweepId');
  const targets = value['targets'];
  if (!isRecord(targets)) throw invalid('no targets object');
  for (const [key, entry] of Object.entries(targets)) {
    const where = `targets[${JSON.stringify(key)}]`;
    if (!isRecord(entry)) throw invalid(`${where} is not an object`);
    if (entry['status'] === 'done') {
      if (!('value' in entry)) throw invalid(`${where} is done but has no value`);
    } else if (entry['status'] === 'failed') {
      const error = entry['error'];
      if (!isRecord(error) || typeof error['message'] !== 'string' || typeof error['name'] !== 'string')
        throw invalid(`${where}.error has no name and message`);
      checkResume(entry['resume'], where);
    } else if (entry['status'] === 'running') {
      checkResume(entry['resume'], where);
    } else {
      throw invalid(`${where}.status is ${JSON.stringify(entry['status'])}`);
    }
  }
  return value as unknown as SweepState;
}

/** A checkpoint held in memory (tests, or a store that copies the state elsewhere itself). */
export function memoryCheckpoint(
  initial?: SweepState,
): Checkpoint & { readonly state: SweepState | undefined } {
  let state = initial;
  return {
    get state() {
      return state;
    },
    load: () => state,
    save: (next) => {
      state = next;
    },
  };
}
