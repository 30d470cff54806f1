// Figure b, bundle size: an app that calls DescribeInstances, RunInstances and TerminateInstances,
// bundled by esbuild (minified, platform node): bytes and gzip bytes. boto-ts goes through its
// per-operation subpath when the client declares one; the v3 SDK with ESM tree-shaking (`module`
// first), and for reference with esbuild's node default (`main` first, CommonJS). Each bundle is then
// run once against the benchmark server, to prove it works.

import { type BundleResult, hasOperationsSubpath } from '../bundles.js';
import { runChild } from '../child.js';
import type { Cell, Row } from '../report/rows.js';
import { type BenchContext, type FigureResult, unavailableCell } from './context.js';

async function verified(
  context: BenchContext,
  bundle: BundleResult | undefined,
  pick: (b: { bytes: number; gzipBytes: number }) => number,
): Promise<Cell> {
  if (bundle === undefined) return { missing: 'n/a' };
  if ('error' in bundle) return { missing: 'failed', note: `esbuild: ${bundle.error}` };
  const value = pick(bundle) / 1000;
  const run = await runChild(
    process.execPath,
    [bundle.path, JSON.stringify({ endpoint: context.endpoints.get(1) })],
    {
      cwd: context.appDir,
      timeoutMs: 60_000,
    },
  );
  if (run.code === 0 && run.stdout.includes('ok 1 1 1')) return { value };
  return {
    value,
    note: `the ${bundle.id} bundle did not complete its three calls: ${(run.stderr || run.stdout).trim().split('\n')[0]}`,
  };
}

export async function measureBundles(context: BenchContext): Promise<FigureResult> {
  context.log('bundle size: esbuild, minified, platform node');
  const botoTs = context.bundles.get('app-boto-ts');
  const v3 = context.bundles.get('app-v3');
  const v3Cjs = context.bundles.get('app-v3-cjs');
  const rows: Row[] = [];
  for (const [id, figure, pick, goal] of [
    [
      'bundle-min',
      'bundle: 3-operation app, minified',
      (b: { bytes: number }) => b.bytes,
      { text: '<= 80 kB', limit: 80 },
    ],
    ['bundle-gzip', 'bundle: same, gzip', (b: { gzipBytes: number }) => b.gzipBytes, undefined],
  ] as const) {
    rows.push({
      id,
      figure,
      unit: 'kB',
      better: 'lower',
      cells: {
        'boto-ts': unavailableCell(context, 'boto-ts') ?? (await verified(context, botoTs, pick)),
        v3: await verified(context, v3, pick),
      },
      ...(goal ? { goal } : {}),
    });
  }
  const details: Record<string, string | number> = {};
  if (v3Cjs !== undefined && 'bytes' in v3Cjs) {
    details['v3 bundle without ESM tree-shaking (esbuild node default, main first): kB'] = Math.round(
      v3Cjs.bytes / 1000,
    );
  }
  details['boto-ts bundles (app and cold start) go through'] = hasOperationsSubpath()
    ? '@boto-ts/client-ec2/operations (a bare client and per-operation functions)'
    : 'the EC2Client class (the client declares no ./operations subpath yet)';
  return { rows, details };
}
