// Entry of the benchmark server process (see server-process.ts): starts the listeners, reports their
// endpoints over IPC, and exits when the parent goes away, on SIGTERM, or after a one-hour safety limit.

import { startBenchServer } from './ec2-bench-server.js';
import type { ReadyMessage } from './server-process.js';

const LIFETIME_MS = 60 * 60 * 1000;

async function serve(counts: number[]): Promise<void> {
  const server = await startBenchServer({ describeCounts: counts });
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('disconnect', stop);
  process.once('SIGTERM', stop);
  setTimeout(stop, LIFETIME_MS).unref();
  const ready: ReadyMessage = { ready: [...server.endpoints] };
  process.send?.(ready);
}

await serve((process.argv[2] ?? '1').split(',').map(Number));
