// Figure a, cold start: fresh processes that import the SDK, create an EC2 client and exit, and the
// same plus one DescribeInstances (N=1). Wall, CPU (user+sys) and peak RSS of the whole process, as
// ESM import, as require() and as a tree-shaken esbuild bundle. The floor is bare `node -e 0` for
// import + create, and aws4 + node:http making the one call (no parsing) for the rows with a call;
// the goals stay relative to bare node, as the issue states them.

import { join } from 'node:path';
import { measureProcess, type ProcessCost } from '../child.js';
import type { Cell, Row, Subject } from '../report/rows.js';
import { runInterleaved } from '../stats.js';
import { type BenchContext, type FigureResult, firstLine, medianCell, unavailableCell } from './context.js';

export type Variant = 'esm' | 'require' | 'bundle';
type Mode = 'create' | 'call';

interface ColdKind {
  readonly key: string;
  readonly subject: Subject;
  readonly variant: Variant;
  readonly mode: Mode;
  readonly command: string;
  readonly args: readonly string[];
}

const VARIANT_TITLES: Readonly<Record<Variant, string>> = {
  esm: 'ESM import',
  require: 'require()',
  bundle: 'esbuild bundle',
};
const SDK_FILES: Partial<Record<Subject, string>> = { 'boto-ts': 'boto-ts', v3: 'v3' };

function coldKinds(context: BenchContext): { kinds: ColdKind[]; notes: Map<string, string> } {
  const endpoint = context.endpoints.get(1)!;
  const kinds: ColdKind[] = [];
  const notes = new Map<string, string>();
  const node = process.execPath;
  kinds.push({
    key: 'bare',
    subject: 'floor',
    variant: 'esm',
    mode: 'create',
    command: node,
    args: ['-e', '0'],
  });
  if (context.availability.subjects.floor.available) {
    kinds.push({
      key: 'floor-call',
      subject: 'floor',
      variant: 'esm',
      mode: 'call',
      command: node,
      args: ['cold-floor.mjs', JSON.stringify({ endpoint })],
    });
  }
  for (const mode of ['create', 'call'] as const) {
    const arg = JSON.stringify({ endpoint, mode });
    for (const subject of ['boto-ts', 'v3'] as const) {
      if (!context.availability.subjects[subject].available) continue;
      const file = SDK_FILES[subject]!;
      kinds.push({
        key: `${subject}-esm-${mode}`,
        subject,
        variant: 'esm',
        mode,
        command: node,
        args: [`cold-${file}.mjs`, arg],
      });
      if (context.settings.coldVariants.includes('require')) {
        kinds.push({
          key: `${subject}-require-${mode}`,
          subject,
          variant: 'require',
          mode,
          command: node,
          args: [`cold-${file}.cjs`, arg],
        });
      }
      const bundle = context.bundles.get(`cold-${file}`);
      if (bundle !== undefined && 'path' in bundle) {
        kinds.push({
          key: `${subject}-bundle-${mode}`,
          subject,
          variant: 'bundle',
          mode,
          command: node,
          args: [bundle.path, arg],
        });
      } else {
        notes.set(
          `${subject}-bundle-${mode}`,
          `bundle failed: ${bundle && 'error' in bundle ? bundle.error : 'not built'}`,
        );
      }
    }
    if (context.availability.subjects.boto3.available) {
      kinds.push({
        key: `boto3-esm-${mode}`,
        subject: 'boto3',
        variant: 'esm',
        mode,
        command: 'python3',
        args: [join(context.appDir, 'cold_boto3.py'), arg],
      });
    }
  }
  return { kinds, notes };
}

export async function measureColdStart(context: BenchContext): Promise<FigureResult> {
  const rounds = context.settings.coldRounds;
  const { kinds, notes } = coldKinds(context);
  const byKey = new Map(kinds.map((k) => [k.key, k]));
  context.log(`cold start: ${kinds.length} process kinds x ${rounds} rounds`);
  const { samples, errors } = await runInterleaved(
    kinds.map((k) => k.key),
    rounds,
    async (key): Promise<ProcessCost> => {
      const kind = byKey.get(key)!;
      const cost = await measureProcess(context.availability.meter, kind.command, kind.args, {
        cwd: context.appDir,
        timeoutMs: 60_000,
      });
      if (kind.mode === 'call' && !cost.stdout.includes('instances 1')) {
        throw new Error(
          `${key}: the call did not return the expected instance (${cost.stdout.trim().slice(0, 80)})`,
        );
      }
      return cost;
    },
  );

  const metric = (key: string, pick: (c: ProcessCost) => number | undefined): Cell => {
    const error = errors.get(key) ?? (notes.has(key) ? new Error(notes.get(key)) : undefined);
    const values = (samples.get(key) ?? []).map(pick).filter((v): v is number => v !== undefined);
    if (error === undefined && samples.has(key) && values.length === 0) {
      return { missing: 'skipped', note: 'CPU and RSS need python3 (wait4) to measure' };
    }
    return medianCell(values, error);
  };

  const cellFor = (
    subject: Subject,
    variant: Variant,
    mode: Mode,
    pick: (c: ProcessCost) => number | undefined,
  ) => {
    const unavailable = unavailableCell(context, subject);
    if (unavailable) return unavailable;
    if (subject === 'boto3') return metric(`boto3-esm-${mode}`, pick);
    if (subject === 'floor') return metric(mode === 'call' ? 'floor-call' : 'bare', pick);
    return metric(`${subject}-${variant}-${mode}`, pick);
  };

  const wall = (c: ProcessCost): number | undefined => c.wallMs;
  const cpu = (c: ProcessCost) => c.cpuMs;
  const rss = (c: ProcessCost) => (c.maxRssKb === undefined ? undefined : c.maxRssKb / 1024);
  const bare = metric('bare', wall);
  const bareWall = 'value' in bare ? bare.value : undefined;

  const rows: Row[] = [];
  const row = (
    id: string,
    figure: string,
    unit: 'ms' | 'MB',
    variant: Variant,
    mode: Mode,
    pick: typeof wall,
    goal?: Row['goal'],
  ) => {
    rows.push({
      id,
      figure,
      unit,
      better: 'lower',
      floorLabel: mode === 'call' ? 'aws4 + node:http, one call' : 'bare node -e 0',
      cells: {
        'boto-ts': cellFor('boto-ts', variant, mode, pick),
        v3: cellFor('v3', variant, mode, pick),
        boto3: cellFor('boto3', variant, mode, pick),
        floor: cellFor('floor', variant, mode, pick),
      },
      ...(goal ? { goal } : {}),
    });
  };
  const relativeGoal = (factor: number): Row['goal'] =>
    bareWall === undefined
      ? undefined
      : { text: `<= ${factor}x bare node (${(factor * bareWall).toFixed(0)} ms)`, limit: factor * bareWall };

  for (const variant of context.settings.coldVariants) {
    row(
      `cold-create-${variant}`,
      `cold: import + create client, ${VARIANT_TITLES[variant]}`,
      'ms',
      variant,
      'create',
      wall,
      variant === 'esm' ? relativeGoal(1.3) : undefined,
    );
  }
  for (const variant of context.settings.coldVariants) {
    row(
      `cold-call-${variant}`,
      `cold: + one DescribeInstances, ${VARIANT_TITLES[variant]}`,
      'ms',
      variant,
      'call',
      wall,
      variant === 'esm' ? relativeGoal(1.6) : undefined,
    );
  }
  row('cold-cpu-call-esm', 'cold: CPU, + one DescribeInstances, ESM import', 'ms', 'esm', 'call', cpu);
  row('cold-rss-call-esm', 'cold: peak RSS, + one DescribeInstances, ESM import', 'MB', 'esm', 'call', rss, {
    text: '<= 50 MB',
    limit: 50,
  });
  row(
    'cold-rss-call-bundle',
    'cold: peak RSS, + one DescribeInstances, esbuild bundle',
    'MB',
    'bundle',
    'call',
    rss,
  );

  const details: Record<string, string | number> = { 'cold start rounds': rounds };
  for (const [key, error] of errors) details[`cold start failure (${key})`] = firstLine(error);
  const bareRss = metric('bare', rss);
  if ('value' in bareRss) details['bare node -e 0: peak RSS (MB)'] = Number(bareRss.value.toFixed(1));
  if (bareWall !== undefined) details['bare node -e 0: wall (ms)'] = Number(bareWall.toFixed(1));
  return { rows, details };
}
