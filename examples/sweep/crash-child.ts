// The sweep as a process of its own, for the crash test (sweep-crash.test.ts): one account over
// several regions, each region an ec2-local server, a file checkpoint, and one JSON line on stdout per
// event. With `hangAfterLaunches: n` it stops dead right after the n-th RunInstances answered (before
// the checkpoint records that target), the moment a crash hurts most; the test then SIGKILLs it.

import { fileCheckpoint, Session } from '@boto-ts/core';
import { runSweep, type SweepTarget } from './sweep.js';

export interface CrashChildConfig {
  readonly checkpointPath: string;
  readonly accountId: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Region -> ec2-local endpoint, in target order. */
  readonly endpoints: Readonly<Record<string, string>>;
  readonly imageId: string;
  readonly hangAfterLaunches?: number;
}

const emit = (event: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(event)}\n`);

const config = JSON.parse(process.argv[2] ?? '{}') as CrashChildConfig;
const targets: SweepTarget[] = Object.keys(config.endpoints).map((region) => ({
  accountId: config.accountId,
  region,
}));
let launches = 0;
const results = await runSweep(targets, {
  session: new Session({ region: 'us-east-1', credentials: config.credentials, env: {} }),
  roleArn: null,
  imageId: config.imageId,
  concurrency: 1,
  checkpoint: fileCheckpoint(config.checkpointPath),
  clientConfig: (target) => ({ endpointUrl: config.endpoints[target.region] }),
  onLaunched: async (target, instanceId) => {
    launches++;
    emit({ event: 'launched', region: target.region, instanceId });
    if (launches === config.hangAfterLaunches) {
      emit({ event: 'hanging', region: target.region });
      setInterval(() => {}, 1000); // stay alive until killed
      await new Promise(() => {});
    }
  },
  onProgress: ({ target }) => emit({ event: 'done', region: target.region }),
});
emit({
  event: 'results',
  results: results.map((r) => ({
    region: r.target.region,
    ok: r.ok,
    resumed: r.resumed,
    ...(r.ok ? { instanceId: r.value.launchedInstanceId } : { error: String(r.error) }),
  })),
});
