// Figure c, warm calls: per-call CPU (process.cpuUsage, or time.process_time for boto3) and latency
// p50/p99 of sequential DescribeInstances at N = 1, 100, 1000; and throughput with 64 calls in flight
// at N = 1. Each run is a fresh process that warms up first; runs interleave across subjects.

import { join } from 'node:path';
import { runJsonChild } from '../child.js';
import type { Row, Subject } from '../report/rows.js';
import type { WarmCounts } from '../settings.js';
import { median, percentile, runInterleaved } from '../stats.js';
import { type BenchContext, type FigureResult, firstLine, medianCell, unavailableCell } from './context.js';

interface WarmResult {
  readonly calls: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly latenciesMs?: number[];
}

const SUBJECT_ORDER: readonly Subject[] = ['boto-ts', 'v3', 'boto3', 'floor'];
const CPU_GOALS: ReadonlyMap<number, number> = new Map([
  [1, 0.5],
  [100, 6],
  [1000, 60],
]);
const FLOOR_LABEL = 'aws4 + node:http';

function commandFor(context: BenchContext, subject: Subject, args: object): [string, string[]] {
  const json = JSON.stringify(args);
  switch (subject) {
    case 'boto3':
      return ['python3', [join(context.appDir, 'warm_boto3.py'), json]];
    case 'floor':
      return [process.execPath, ['warm-floor.mjs', json]];
    default:
      return [process.execPath, [`warm-${subject}.mjs`, json]];
  }
}

async function runWarm(
  context: BenchContext,
  label: string,
  counts: WarmCounts,
  args: object,
  timeoutMs: number,
): Promise<{ samples: Map<Subject, WarmResult[]>; errors: Map<Subject, unknown> }> {
  const subjects = SUBJECT_ORDER.filter((s) => context.availability.subjects[s].available);
  context.log(`${label}: ${subjects.length} subjects x ${counts.rounds} rounds`);
  return runInterleaved(subjects, counts.rounds, (subject) => {
    const [command, commandArgs] = commandFor(context, subject, {
      ...args,
      warmup: counts.warmup,
      calls: counts.calls,
      minCalls: counts.minCalls,
      budgetMs: counts.budgetMs,
    });
    return runJsonChild<WarmResult>(command, commandArgs, { cwd: context.appDir, timeoutMs });
  });
}

/** `5 runs per subject, each 3 s or 200..3000 calls after 300 warm-up calls; calls per run: boto-ts 2,900, ...` */
function runsText(counts: WarmCounts, samples: Map<Subject, WarmResult[]>): string {
  const perSubject = [...samples]
    .filter(([, runs]) => runs.length > 0)
    .map(([subject, runs]) => `${subject} ${Math.round(median(runs.map((r) => r.calls)))}`)
    .join(', ');
  return (
    `${counts.rounds} interleaved runs per subject, each ${counts.budgetMs / 1000} s (at least ${counts.minCalls}, ` +
    `at most ${counts.calls} calls) after ${counts.warmup} warm-up calls; median calls per run: ${perSubject}`
  );
}

export async function measureWarm(context: BenchContext): Promise<FigureResult> {
  const rows: Row[] = [];
  const details: Record<string, string | number> = {};
  for (const [instances, counts] of context.settings.warm) {
    const endpoint = context.endpoints.get(instances)!;
    // N=1000 with boto3 runs near a second per call: allow for the slowest subject.
    const timeoutMs = 60_000 + counts.budgetMs + (counts.minCalls + counts.warmup) * instances * 5;
    const { samples, errors } = await runWarm(
      context,
      `warm DescribeInstances N=${instances}`,
      counts,
      { endpoint, mode: 'serial', expect: instances },
      timeoutMs,
    );
    const cell = (subject: Subject, pick: (runs: WarmResult[]) => number[]) =>
      unavailableCell(context, subject) ?? medianCell(pick(samples.get(subject) ?? []), errors.get(subject));
    const perCall = (runs: WarmResult[]) => runs.map((r) => r.cpuMs / r.calls);
    const pooled = (p: number) => (runs: WarmResult[]) => {
      const all = runs.flatMap((r) => r.latenciesMs ?? []);
      return all.length === 0 ? [] : [percentile(all, p)];
    };
    const cells = (pick: (runs: WarmResult[]) => number[]) =>
      Object.fromEntries(SUBJECT_ORDER.map((s) => [s, cell(s, pick)])) as Row['cells'];
    const goal = CPU_GOALS.get(instances);
    rows.push({
      id: `warm-cpu-${instances}`,
      figure: `warm CPU per call, N=${instances}`,
      unit: 'ms',
      better: 'lower',
      floorLabel: FLOOR_LABEL,
      cells: cells(perCall),
      ...(goal !== undefined ? { goal: { text: `<= ${goal} ms`, limit: goal } } : {}),
    });
    for (const p of [50, 99]) {
      rows.push({
        id: `warm-p${p}-${instances}`,
        figure: `latency p${p}, N=${instances}`,
        unit: 'ms',
        better: 'lower',
        floorLabel: FLOOR_LABEL,
        cells: cells(pooled(p)),
      });
    }
    details[`warm N=${instances}: runs, calls per run`] = runsText(counts, samples);
    for (const [subject, error] of errors)
      details[`warm N=${instances} failure (${subject})`] = firstLine(error);
  }
  return { rows, details };
}

export async function measureThroughput(context: BenchContext): Promise<FigureResult> {
  const counts = context.settings.throughput;
  const { samples, errors } = await runWarm(
    context,
    `throughput, ${counts.concurrency} in flight, N=1`,
    counts,
    { endpoint: context.endpoints.get(1)!, mode: 'inflight', concurrency: counts.concurrency, expect: 1 },
    120_000 + counts.budgetMs,
  );
  const cells = Object.fromEntries(
    SUBJECT_ORDER.map((s) => [
      s,
      unavailableCell(context, s) ??
        medianCell(
          (samples.get(s) ?? []).map((r) => r.calls / (r.wallMs / 1000)),
          errors.get(s),
        ),
    ]),
  ) as Row['cells'];
  const details: Record<string, string | number> = {
    [`throughput (${counts.concurrency} in flight): runs, calls per run`]: runsText(counts, samples),
  };
  for (const [subject, error] of errors) details[`throughput failure (${subject})`] = firstLine(error);
  return {
    rows: [
      {
        id: 'throughput-64',
        figure: `calls/s, ${counts.concurrency} in flight, N=1`,
        unit: 'calls/s',
        better: 'higher',
        floorLabel: FLOOR_LABEL,
        cells,
        goal: { text: '>= 3,000', limit: 3000 },
      },
    ],
    details,
  };
}
