// The warm loop every Node workload shares. After `warmup` unmeasured calls, `serial` makes
// sequential calls and reports CPU (process.cpuUsage) and each call's latency; `inflight` keeps
// `concurrency` calls in flight and reports the wall time. Either stops after `calls` calls, or once
// `budgetMs` has passed and at least `minCalls` are done, so a slow subject cannot stretch the run.
// Prints one JSON line; the harness parses it.

import { performance } from 'node:perf_hooks';

/**
 * @param {{ call: () => Promise<unknown>, count: (output: unknown) => number, close: () => unknown }} sdk
 * @param {{ mode: 'serial' | 'inflight', calls: number, minCalls?: number, budgetMs?: number,
 *   warmup: number, concurrency?: number, expect?: number }} args
 */
export async function runWarm(sdk, args) {
  let last;
  for (let i = 0; i < args.warmup; i++) last = await sdk.call();
  const minCalls = args.minCalls ?? args.calls;
  const deadline = performance.now() + (args.budgetMs ?? Number.POSITIVE_INFINITY);
  const more = (done) => done < args.calls && (done < minCalls || performance.now() < deadline);
  const result = { mode: args.mode };
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  if (args.mode === 'serial') {
    const latencies = [];
    while (more(latencies.length)) {
      const t0 = performance.now();
      last = await sdk.call();
      latencies.push(performance.now() - t0);
    }
    result.calls = latencies.length;
    result.latenciesMs = latencies.map((ms) => Math.round(ms * 1000) / 1000);
  } else {
    let started = 0;
    let completed = 0;
    const worker = async () => {
      while (more(started)) {
        started++;
        last = await sdk.call();
        completed++;
      }
    };
    await Promise.all(Array.from({ length: args.concurrency ?? 64 }, worker));
    result.calls = completed;
  }
  result.wallMs = performance.now() - wallStart;
  const cpu = process.cpuUsage(cpuStart);
  result.cpuMs = (cpu.user + cpu.system) / 1000;
  result.instances = last === undefined ? undefined : sdk.count(last);
  if (args.expect !== undefined && result.instances !== args.expect) {
    throw new Error(`expected ${args.expect} instances in the last answer, got ${result.instances}`);
  }
  await sdk.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
