// fanOut: runs one function per target (a region, an account, an account x region pair) under a global
// and a per-account bound, and resolves with one settled result per target, in target order; it never
// rejects because a target failed. Abort stops new targets at once and cancels running ones through
// their signal; a checkpoint makes the sweep resumable (checkpoint.ts).

import { randomUUID } from 'node:crypto';
import {
  type Checkpoint,
  CheckpointedTargetError,
  parseSweepState,
  type ResumeTokens,
  recordError,
  type SweepState,
  type TargetState,
  toJsonValue,
} from './checkpoint.js';
import { FanOutError } from './errors.js';
import { nextStartable } from './scheduler.js';
import { defaultAccountOf, defaultTargetKey } from './target-key.js';

/** What `fn` gets besides its target. */
export interface TargetContext {
  /** Aborts when the sweep is aborted: pass it to every call (`{ signal }`). */
  readonly signal: AbortSignal;
  /** The target's key (see `targetKey`). */
  readonly key: string;
  /** The sweep's id: the checkpoint's when resuming, else `sweepId` or a fresh UUID. */
  readonly sweepId: string;
  /**
   * A stable idempotency key for one creating step of this target (`launch`): the same on every run
   * of this sweep, so pass it as a call's `idempotencyKey` and a re-run never creates twice.
   */
  idempotencyKey(step: string): string;
  /** The resume token saved under `name` by an earlier run of this target (a paginator's resumeToken). */
  resumeToken(name: string): string | undefined;
  /** Saves (or with undefined, clears) a resume token; resolves once the checkpoint has it. */
  saveResumeToken(name: string, token: string | undefined): Promise<void>;
}

export type FanOutResult<Target, Value> =
  | { readonly target: Target; readonly ok: true; readonly value: Value; readonly resumed: boolean }
  | { readonly target: Target; readonly ok: false; readonly error: unknown; readonly resumed: boolean };

export interface FanOutProgress<Target> {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  readonly running: number;
  /** The target that just settled. */
  readonly target: Target;
}

export interface FanOutOptions<Target> {
  /** At most this many targets run at once. Default 4. */
  readonly concurrency?: number | undefined;
  /** At most this many targets of one account run at once (see `accountOf`). Default: no bound. */
  readonly perAccount?: number | undefined;
  /** A target's account; default its `accountId` field. Targets without one only count globally. */
  readonly accountOf?: ((target: Target) => string | undefined) | undefined;
  /** A target's stable key; default the string itself, or a plain object's fields in name order. */
  readonly targetKey?: ((target: Target) => string) | undefined;
  /** Stops new targets at once and aborts the running ones' signals. */
  readonly signal?: AbortSignal | undefined;
  /** Called after each target settles. */
  readonly onProgress?: ((progress: FanOutProgress<Target>) => void) | undefined;
  /** Makes the sweep resumable: finished targets are skipped and their values returned again. */
  readonly checkpoint?: Checkpoint | undefined;
  /** The sweep's id when the checkpoint has none yet (a job id); default a fresh UUID. */
  readonly sweepId?: string | undefined;
  /** Run targets again that failed on an earlier run of the checkpoint. Default true. */
  readonly retryFailed?: boolean | undefined;
}

function checkBound(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 1) {
    throw new FanOutError(
      'InvalidFanOutOption',
      `fanOut's ${name} must be a whole number of at least 1, not ${String(value)}.`,
    );
  }
  return value;
}

function notStarted(signal: AbortSignal): FanOutError {
  return new FanOutError(
    'TargetNotStarted',
    'The sweep was aborted before this target started; run the sweep again (with its checkpoint) to do it.',
    { cause: signal.reason },
  );
}

/** Runs `fn` for every target; see the module comment. */
export async function fanOut<Target, Value>(
  targets: readonly Target[],
  fn: (target: Target, context: TargetContext) => Promise<Value>,
  options: FanOutOptions<Target> = {},
): Promise<FanOutResult<Target, Value>[]> {
  const concurrency = checkBound('concurrency', options.concurrency, 4);
  const perAccount = checkBound('perAccount', options.perAccount, Number.POSITIVE_INFINITY);
  const keyOf = options.targetKey ?? defaultTargetKey;
  const accountOf = options.accountOf ?? defaultAccountOf;
  const keys = targets.map((target) => keyOf(target));
  const accounts = targets.map((target) => accountOf(target));
  const positions = new Map<string, number>();
  keys.forEach((key, i) => {
    const earlier = positions.get(key);
    if (earlier !== undefined) {
      throw new FanOutError(
        'DuplicateTarget',
        `Targets ${earlier} and ${i} have the same key "${key}"; give each target once, or pass a targetKey that tells them apart.`,
      );
    }
    positions.set(key, i);
  });

  const checkpoint = options.checkpoint;
  const loaded = checkpoint === undefined ? undefined : await checkpoint.load();
  const initial = loaded === undefined ? undefined : parseSweepState(loaded);
  const sweepId = initial?.sweepId ?? options.sweepId ?? randomUUID();
  const states = new Map<string, TargetState>(Object.entries(initial?.targets ?? {}));

  // Saves run one at a time, each with the state as it is when its turn comes.
  let saving: Promise<void> = Promise.resolve();
  let saveFailure: unknown;
  const snapshot = (): SweepState => ({ version: 1, sweepId, targets: Object.fromEntries(states) });
  const save = (): Promise<void> => {
    if (checkpoint === undefined) return Promise.resolve();
    saving = saving.then(async () => {
      if (saveFailure !== undefined) return;
      try {
        await checkpoint.save(snapshot());
      } catch (error) {
        saveFailure = error;
      }
    });
    return saving;
  };
  if (checkpoint !== undefined && initial === undefined) {
    // The sweep id is on record before anything is created with keys derived from it.
    await save();
    if (saveFailure !== undefined) throw saveFailed(saveFailure);
  }

  const results: (FanOutResult<Target, Value> | undefined)[] = new Array(targets.length);
  const waiting: number[] = [];
  const retryFailed = options.retryFailed ?? true;
  let done = 0;
  let failed = 0;
  targets.forEach((target, i) => {
    const state = states.get(keys[i]!);
    if (state?.status === 'done') {
      results[i] = { target, ok: true, value: state.value as Value, resumed: true };
      done++;
    } else if (state?.status === 'failed' && !retryFailed) {
      results[i] = { target, ok: false, error: new CheckpointedTargetError(state.error), resumed: true };
      failed++;
    } else {
      waiting.push(i);
    }
  });

  const signal = options.signal;
  let progressError: { error: unknown } | undefined;
  const running = new Map<number, AbortController>();
  const runningByAccount = new Map<string, number>();
  const countAccount = (account: string | undefined, delta: number) => {
    if (account !== undefined) runningByAccount.set(account, (runningByAccount.get(account) ?? 0) + delta);
  };

  const resumeOf = (key: string): ResumeTokens => {
    const state = states.get(key);
    return state?.status === 'running' || state?.status === 'failed' ? (state.resume ?? {}) : {};
  };

  const runOne = async (i: number): Promise<void> => {
    const target = targets[i]!;
    const key = keys[i]!;
    const controller = new AbortController();
    running.set(i, controller);
    countAccount(accounts[i], 1);
    const context: TargetContext = {
      signal: controller.signal,
      key,
      sweepId,
      idempotencyKey: (step) => `${sweepId}/${key}/${step}`,
      resumeToken: (name) => resumeOf(key)[name],
      saveResumeToken: (name, token) => {
        const resume: Record<string, string> = { ...resumeOf(key) };
        if (token === undefined) delete resume[name];
        else resume[name] = token;
        states.set(key, { status: 'running', resume });
        return save();
      },
    };
    let result: FanOutResult<Target, Value>;
    try {
      const value = await fn(target, context);
      if (checkpoint !== undefined) states.set(key, { status: 'done', value: toJsonValue(value) });
      result = { target, ok: true, value, resumed: false };
    } catch (error) {
      // A target cut short by an abort is not on record as failed: the next run simply continues it.
      if (checkpoint !== undefined && !controller.signal.aborted) {
        const resume = resumeOf(key);
        states.set(key, {
          status: 'failed',
          error: recordError(error),
          ...(Object.keys(resume).length > 0 ? { resume } : {}),
        });
      }
      result = { target, ok: false, error, resumed: false };
    }
    await save();
    running.delete(i);
    countAccount(accounts[i], -1);
    results[i] = result;
    if (result.ok) done++;
    else failed++;
    if (options.onProgress !== undefined && progressError === undefined) {
      try {
        options.onProgress({ done, failed, total: targets.length, running: running.size, target });
      } catch (error) {
        progressError = { error };
      }
    }
  };

  await new Promise<void>((resolveAll) => {
    const stopped = () =>
      signal?.aborted === true || saveFailure !== undefined || progressError !== undefined;
    const onAbort = () => {
      for (const controller of running.values()) controller.abort(signal?.reason);
      pump();
    };
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      signal?.removeEventListener('abort', onAbort);
      resolveAll();
    };
    const pump = (): void => {
      while (!stopped()) {
        const at = nextStartable(
          waiting.map((i) => accounts[i]),
          { running: running.size, runningByAccount },
          { concurrency, perAccount },
        );
        if (at === -1) break;
        const [i] = waiting.splice(at, 1) as [number];
        void runOne(i).then(pump);
      }
      if (running.size === 0 && (waiting.length === 0 || stopped())) finish();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    pump();
  });

  await saving;
  if (saveFailure !== undefined) throw saveFailed(saveFailure);
  if (progressError !== undefined) throw progressError.error;
  return targets.map(
    (target, i) =>
      results[i] ?? { target, ok: false, error: notStarted(signal as AbortSignal), resumed: false },
  );
}

function saveFailed(cause: unknown): FanOutError {
  return new FanOutError(
    'CheckpointSaveFailed',
    'The checkpoint could not be saved, so the sweep stopped starting targets (the running ones finished); fix the store and run the sweep again with the same checkpoint.',
    { cause },
  );
}
