// The sweep as BullMQ jobs on a local Redis (redis-server, started here on a free loopback port): a
// worker process is killed mid-job, another worker takes the stalled job over and finishes it, and
// no instance is launched twice. Skips without redis-server on a developer machine; CI installs it.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { Session } from '@boto-ts/core';
import { DEFAULT_IMAGE_ID, startEc2Local } from '@boto-ts/ec2-local';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, redisAvailable, startRedis } from '../../scripts/lib/redis.js';
import { enqueueSweep, SWEEP_QUEUE, type SweepJobData, startSweepWorker } from './bullmq-sweep.js';
import type { WorkerChildConfig } from './bullmq-worker-child.js';
import { sweepTargets } from './sweep.js';

const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1'];
const ACCOUNT_ID = '123456789012';
const LOCK_MS = 1000;
const childPath = fileURLToPath(new URL('./bullmq-worker-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const available = redisAvailable();
let redis: RedisServer;
let servers: Awaited<ReturnType<typeof startEc2Local>>[] = [];

describe.skipIf(!available)('the sweep as BullMQ jobs', () => {
  beforeAll(async () => {
    redis = await startRedis();
    servers = await Promise.all(REGIONS.map((region) => startEc2Local({ region })));
  }, 30_000);
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    await redis?.stop();
  });

  it('finishes a job whose worker was killed mid-job on another worker, without a duplicate instance', async () => {
    const connection = { host: redis.host, port: redis.port, maxRetriesPerRequest: null };
    const endpoints = Object.fromEntries(REGIONS.map((region, i) => [region, servers[i]!.endpoint]));
    const queue = new Queue<SweepJobData>(SWEEP_QUEUE, { connection });
    const jobs = await enqueueSweep(queue, 'sweep-2031-01', sweepTargets([ACCOUNT_ID], REGIONS));
    expect(jobs).toHaveLength(3);

    // Worker 1, a process of its own: takes the first job, launches, and is killed before finishing.
    const config: WorkerChildConfig = {
      redis: { host: redis.host, port: redis.port },
      credentials: servers[0]!.credentials,
      endpoints,
      imageId: DEFAULT_IMAGE_ID,
      lockDurationMs: LOCK_MS,
    };
    const child = spawn(
      process.execPath,
      ['--conditions=@boto-ts/source', '--import', 'tsx', childPath, JSON.stringify(config)],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
      },
    );
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const launched = await new Promise<{ region: string; instanceId: string }>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const event = JSON.parse(line) as { event: string; region: string; instanceId: string };
        if (event.event === 'launched') resolve(event);
      });
      child.once('exit', (code) =>
        reject(new Error(`worker 1 exited (${code}) before launching\n${stderr}`)),
      );
    });
    const killed = new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    child.kill('SIGKILL');
    expect(await killed).toBe('SIGKILL');
    const interrupted = jobs.find((job) => job.data.target.region === launched.region)!;
    expect(await interrupted.getState()).toBe('active'); // still locked by the dead worker

    // Worker 2, in this process: takes the stalled job over once its lock expires, and the others.
    const worker = startSweepWorker({
      connection,
      session: new Session({ region: 'us-east-1', credentials: servers[0]!.credentials, env: {} }),
      roleArn: null,
      imageId: DEFAULT_IMAGE_ID,
      clientConfig: (target) => ({ endpointUrl: endpoints[target.region] }),
      lockDurationMs: LOCK_MS,
      stalledIntervalMs: LOCK_MS,
    });
    const stalled: string[] = [];
    worker.on('stalled', (jobId) => stalled.push(jobId));
    try {
      await expect
        .poll(async () => (await queue.getJobCounts('completed')).completed, {
          timeout: 30_000,
          interval: 100,
        })
        .toBe(3);
      expect(stalled).toEqual([interrupted.id]);
      const finished = await queue.getJob(interrupted.id!);
      expect(finished?.returnvalue.launchedInstanceId).toBe(launched.instanceId);
      for (const [i, server] of servers.entries()) {
        const job = (await queue.getJob(jobs[i]!.id!))!;
        expect(
          server.instances(ACCOUNT_ID).map((instance) => instance.instanceId),
          REGIONS[i],
        ).toEqual([job.returnvalue.launchedInstanceId]);
      }
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
    }
  }, 60_000);
});
