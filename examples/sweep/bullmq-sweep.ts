// The same sweep as jobs of a job queue (BullMQ on Redis): one job per target, the target's checkpoint
// (resume tokens, its result) kept in the job's data, the sweep id fixed when the jobs are queued. A
// worker that dies mid-job leaves the job stalled; another worker takes it over and finishes it, and
// the launch it repeats carries the same ClientToken, so no second instance appears.

import { type Checkpoint, fanOut, type SweepState } from '@boto-ts/core';
import { type ConnectionOptions, type Job, type Queue, Worker } from 'bullmq';
import { type SweepOptions, type SweepTarget, type SweepValue, sweepTarget } from './sweep.js';

export const SWEEP_QUEUE = 'sweep';

export interface SweepJobData {
  readonly sweepId: string;
  readonly target: SweepTarget;
  /** The target's checkpoint, written by the worker running it. */
  readonly checkpoint?: SweepState | undefined;
}

/** Queues one job per target. Job ids come from the sweep id and the target: queuing twice adds nothing. */
export async function enqueueSweep(
  queue: Queue<SweepJobData>,
  sweepId: string,
  targets: readonly SweepTarget[],
): Promise<Job<SweepJobData>[]> {
  return queue.addBulk(
    targets.map((target) => ({
      name: 'sweep-target',
      data: { sweepId, target },
      opts: {
        jobId: `${sweepId}.${target.accountId}.${target.region}`,
        attempts: 3,
        removeOnComplete: false,
      },
    })),
  );
}

/** A checkpoint in the job's own data, so whichever worker runs the job next continues from it. */
export function jobCheckpoint(job: Job<SweepJobData>): Checkpoint {
  return {
    load: () => job.data.checkpoint,
    save: (state) => job.updateData({ ...job.data, checkpoint: state }),
  };
}

/** One job: the target through fanOut (for its checkpoint and idempotency keys); a failure fails the job. */
export async function processSweepJob(
  job: Job<SweepJobData>,
  options: SweepOptions,
  signal?: AbortSignal,
): Promise<SweepValue> {
  const [result] = await fanOut(
    [job.data.target],
    (target, context) => sweepTarget(target, context, options),
    {
      checkpoint: jobCheckpoint(job),
      sweepId: job.data.sweepId,
      signal,
    },
  );
  if (result === undefined) throw new Error('fanOut returned no result for the job');
  if (!result.ok) throw result.error;
  return result.value;
}

export interface SweepWorkerOptions extends SweepOptions {
  readonly connection: ConnectionOptions;
  /** How long a job's lock lasts without renewal: a dead worker's job is taken over after this. */
  readonly lockDurationMs?: number | undefined;
  readonly stalledIntervalMs?: number | undefined;
}

export function startSweepWorker(options: SweepWorkerOptions): Worker<SweepJobData, SweepValue> {
  return new Worker<SweepJobData, SweepValue>(
    SWEEP_QUEUE,
    (job, _token, signal) => processSweepJob(job, options, signal),
    {
      connection: options.connection,
      concurrency: 1,
      lockDuration: options.lockDurationMs ?? 30_000,
      stalledInterval: options.stalledIntervalMs ?? 30_000,
    },
  );
}
