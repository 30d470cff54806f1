// `pnpm bench`: measures boto-ts against the v3 SDK, boto3 and the floor in one run, and writes
// bench/RESULTS.md and bench/chart.svg (and prints the table).
//   --quick            tiny counts, a smoke test of the harness (results go to bench/.work/quick)
//   --only=a,b         figures to run: cold, install, bundle, warm, throughput, sign
//   --out=<dir>        where to write RESULTS.md and chart.svg
//   --no-build         measure the current dist/ without running tsc --build first
//   --from=<file>      measure nothing: render RESULTS.md and chart.svg again from a results.json
// Exit code 1 when a measurement failed (pending and skipped cells are fine).

import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepareAppDir } from './app-dir.js';
import { type BundleResult, buildBundles } from './bundles.js';
import { measureBundles } from './figures/bundle-size.js';
import { measureColdStart } from './figures/cold-start.js';
import type { BenchContext, Details, FigureResult } from './figures/context.js';
import { measureInstall } from './figures/install-size.js';
import { measureSignatures } from './figures/signatures.js';
import { measureThroughput, measureWarm } from './figures/warm.js';
import { benchOutDir, repoRoot, workDir } from './paths.js';
import { machineInfo } from './report/machine.js';
import { markdownTable } from './report/markdown-table.js';
import { slowdownNote } from './report/results-md.js';
import type { Row } from './report/rows.js';
import { readReport, writeReport } from './report/write-report.js';
import { startServerProcess } from './server/server-process.js';
import { FULL, QUICK } from './settings.js';
import { buildWorkspace, checkAvailability } from './subjects.js';

const FIGURES = {
  cold: measureColdStart,
  install: measureInstall,
  bundle: measureBundles,
  warm: measureWarm,
  throughput: measureThroughput,
  sign: measureSignatures,
} as const satisfies Record<string, (context: BenchContext) => Promise<FigureResult>>;
type FigureName = keyof typeof FIGURES;

interface Options {
  readonly from: string | undefined;
  readonly quick: boolean;
  readonly only: readonly FigureName[];
  readonly outDir: string;
  readonly build: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const value = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const quick = argv.includes('--quick');
  const only = (value('only')?.split(',') ?? Object.keys(FIGURES)) as FigureName[];
  const unknown = only.filter((f) => !(f in FIGURES));
  if (unknown.length > 0) {
    throw new Error(`unknown figure ${unknown.join(', ')}; choose from ${Object.keys(FIGURES).join(', ')}`);
  }
  const outDir = value('out') ?? (quick ? join(workDir, 'quick') : benchOutDir);
  return { from: value('from'), quick, only, outDir, build: !argv.includes('--no-build') };
}

/** `--from`: the table and chart again from a results.json, nothing measured. */
function render(options: Options & { from: string }): number {
  const doc = readReport(options.from);
  mkdirSync(options.outDir, { recursive: true });
  writeReport(options.outDir, doc);
  process.stdout.write(`\n${[...slowdownNote(doc.rows), markdownTable(doc.rows)].join('\n')}\n\n`);
  process.stderr.write(
    `rendered ${relative(repoRoot, join(options.outDir, 'RESULTS.md'))} from ${options.from}\n`,
  );
  return 0;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (options.from !== undefined) return render({ ...options, from: options.from });
  const started = performance.now();
  const log = (message: string) =>
    process.stderr.write(
      `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`,
    );
  mkdirSync(workDir, { recursive: true });

  let buildError: string | undefined;
  if (options.build) {
    log('building the workspace (tsc --build)');
    buildError = buildWorkspace();
    if (buildError) log(buildError);
  }
  const appDir = prepareAppDir();
  const server = await startServerProcess([1, 100, 1000]);
  const rows: Row[] = [];
  const details: Details = {};
  try {
    const availability = await checkAvailability(appDir, server.endpoints.get(1)!, buildError);
    for (const [subject, status] of Object.entries(availability.subjects)) {
      if (!status.available) log(`${subject}: not measured (${status.reason})`);
    }
    let bundles = new Map<string, BundleResult>();
    if (options.only.includes('cold') || options.only.includes('bundle')) {
      log('bundling the workloads with esbuild');
      bundles = await buildBundles(appDir, !options.quick);
    }
    const context: BenchContext = {
      quick: options.quick,
      settings: options.quick ? QUICK : FULL,
      appDir,
      endpoints: server.endpoints,
      availability,
      bundles,
      log,
    };
    for (const name of options.only) {
      const result = await FIGURES[name](context);
      rows.push(...result.rows);
      Object.assign(details, result.details);
    }
  } finally {
    await server.stop();
  }

  const elapsedSeconds = (performance.now() - started) / 1000;
  const command = `pnpm bench${process.argv.slice(2).length ? ` ${process.argv.slice(2).join(' ')}` : ''}`;
  mkdirSync(options.outDir, { recursive: true });
  writeReport(options.outDir, {
    command,
    machine: machineInfo(),
    rows,
    details,
    chartFile: 'chart.svg',
    elapsedSeconds,
    quick: options.quick,
  });
  process.stdout.write(`\n${[...slowdownNote(rows), markdownTable(rows)].join('\n')}\n\n`);
  log(
    `wrote ${relative(repoRoot, join(options.outDir, 'RESULTS.md'))} and chart.svg in ${elapsedSeconds.toFixed(0)} s`,
  );
  const failed = rows.filter((r) =>
    Object.values(r.cells).some((c) => c !== undefined && 'missing' in c && c.missing === 'failed'),
  );
  if (failed.length > 0) log(`measurements failed in: ${failed.map((r) => r.id).join(', ')}`);
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
