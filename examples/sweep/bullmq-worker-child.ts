// A sweep worker as a process of its own, for bullmq-sweep.test.ts: it takes jobs from the queue and,
// right after the first RunInstances answered, stops dead (before the job could finish), so the test
// can SIGKILL it with the job still locked, as a machine that dies mid-job would leave it.

import { Session } from '@boto-ts/core';
import { startSweepWorker } from './bullmq-sweep.js';

export interface WorkerChildConfig {
  readonly redis: { readonly host: string; readonly port: number };
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  readonly endpoints: Readonly<Record<string, string>>;
  readonly imageId: string;
  readonly lockDurationMs: number;
}

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);
const config = JSON.parse(process.argv[2] ?? '{}') as WorkerChildConfig;

startSweepWorker({
  connection: { ...config.redis, maxRetriesPerRequest: null },
  session: new Session({ region: 'us-east-1', credentials: config.credentials, env: {} }),
  roleArn: null,
  imageId: config.imageId,
  clientConfig: (target) => ({ endpointUrl: config.endpoints[target.region] }),
  lockDurationMs: config.lockDurationMs,
  stalledIntervalMs: config.lockDurationMs,
  onLaunched: async (target, instanceId) => {
    emit({ event: 'launched', region: target.region, instanceId });
    await new Promise(() => {}); // the worker's own timers keep the process alive until it is killed
  },
});
emit({ event: 'started' });
