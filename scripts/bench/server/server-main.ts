// Entry of the benchmark server process (see server-process.ts): starts the listeners, reports their
// endpoints over IPC (or prints them when started by hand: `tsx server-main.ts 1,100,1000`), and exits
// when the parent goes away, on SIGTERM or SIGINT, or after a one-hour safety limit.

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
  if (process.send) process.send(ready);
  else {
    // Started by hand (no IPC): say where it listens; Ctrl-C or SIGTERM stops it.
    for (const [count, url] of server.endpoints) console.log(`DescribeInstances N=${count}: ${url}`);
    process.once('SIGINT', stop);
  }
}

await serve((process.argv[2] ?? '1').split(',').map(Number));
