// The warm loop every Node workload shares. `serial`: `calls` sequential calls after `warmup`,
// reporting CPU (process.cpuUsage) and each call's latency. `inflight`: `calls` calls with
// `concurrency` in flight, reporting the wall time. Prints one JSON line; the harness parses it.

import { performance } from 'node:perf_hooks';

/**
 * @param {{ call: () => Promise<unknown>, count: (output: unknown) => number, close: () => unknown }} sdk
 * @param {{ mode: 'serial' | 'inflight', calls: number, warmup: number, concurrency?: number, expect: number }} args
 */
export async function runWarm(sdk, args) {
  let last;
  for (let i = 0; i < args.warmup; i++) last = await sdk.call();
  const result = { mode: args.mode, calls: args.calls };
  if (args.mode === 'serial') {
    const latencies = new Array(args.calls);
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    for (let i = 0; i < args.calls; i++) {
      const t0 = performance.now();
      last = await sdk.call();
      latencies[i] = performance.now() - t0;
    }
    result.wallMs = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    result.cpuMs = (cpu.user + cpu.system) / 1000;
    result.latenciesMs = latencies.map((ms) => Math.round(ms * 1000) / 1000);
  } else {
    let started = 0;
    const worker = async () => {
      while (started < args.calls) {
        started++;
        last = await sdk.call();
      }
    };
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    await Promise.all(Array.from({ length: args.concurrency ?? 64 }, worker));
    result.wallMs = performance.now() - wallStart;
    const cpu = process.cpuUsage(cpuStart);
    result.cpuMs = (cpu.user + cpu.system) / 1000;
  }
  result.instances = last === undefined ? undefined : sdk.count(last);
  if (args.expect !== undefined && result.instances !== args.expect) {
    throw new Error(`expected ${args.expect} instances in the last answer, got ${result.instances}`);
  }
  await sdk.close();
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
