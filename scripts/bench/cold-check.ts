// `pnpm bench:cold`: where the cold start of @boto-ts/client-ec2 goes, measured on the built dist in
// plain `node` processes. Prints whole-process cost next to bare `node -e 0` (interleaved runs,
// medians), every file and node: builtin loaded at import with its own cost, and what constructing
// the client and the first call load on top. A developer's tool, not a test: read the ratios.
//   --runs=N       whole-process rounds (default 15)     --samples=N  per-module timing runs (default 5)
//   --top=N        modules listed (default 30)           --no-call    skip the DescribeInstances figures
//   --no-build     skip tsc --build                      --profile    also a --cpu-prof of import + create

import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchEnv, type CostMeter, measureProcess, type ProcessCost, runChild } from './child.js';
import { repoRoot, workDir, workloadsSource } from './paths.js';
import { formatSummary, readProfile, summarizeProfile } from './profile-summary.js';
import { startServerProcess } from './server/server-process.js';
import { median } from './stats.js';
import { buildWorkspace } from './subjects.js';

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const numberOption = (name: string, fallback: number) => {
  const raw = argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  return raw === undefined ? fallback : Number(raw);
};
const runs = numberOption('runs', 15);
const samples = numberOption('samples', 5);
const topCount = numberOption('top', 30);
const dir = join(workDir, 'cold-check');

// ---- the child programs (plain ESM, no loader), written to bench/.work/cold-check ----

const CLIENT_CONFIG = `{
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDCOLDCHECK0000000', secretAccessKey: 'cold/check/secret/not/a/real/one/00000' },
  endpointUrl: process.argv[2] || 'http://127.0.0.1:9',
}`;

/** The measured workloads: import + create (+ one call), as a user's script would do it. */
const createWorkload = `import { EC2Client } from '@boto-ts/client-ec2';
const client = new EC2Client(${CLIENT_CONFIG});
await client.destroy();
`;
const callWorkload = `import { EC2Client } from '@boto-ts/client-ec2';
const client = new EC2Client(${CLIENT_CONFIG});
await client.describeInstances({});
await client.destroy();
`;

/** In one process: import, create, first call, second call, each timed with process.hrtime. */
const splitWorkload = `const ms = (t) => Number(process.hrtime.bigint() - t) / 1e6;
let t = process.hrtime.bigint();
const { EC2Client } = await import('@boto-ts/client-ec2');
const importMs = ms(t);
t = process.hrtime.bigint();
const client = new EC2Client(${CLIENT_CONFIG});
const createMs = ms(t);
const out = { importMs, createMs };
if (process.argv[2]) {
  t = process.hrtime.bigint();
  await client.describeInstances({});
  out.firstCallMs = ms(t);
  t = process.hrtime.bigint();
  await client.describeInstances({});
  out.secondCallMs = ms(t);
}
await client.destroy();
console.log(JSON.stringify(out));
`;

/** Records every resolution (parent, resolved URL) with the phase it happened in. */
const graphHooks = `import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(file, JSON.stringify({ parent: context.parentURL ?? null, url: result.url }) + '\\n');
  return result;
}
`;
const graphWorkload = `import { appendFileSync } from 'node:fs';
import { register } from 'node:module';
const file = process.argv[3];
register(new URL('./graph-hooks.mjs', import.meta.url), { data: { file } });
const phase = (name) => appendFileSync(file, JSON.stringify({ phase: name }) + '\\n');
phase('import');
const { EC2Client } = await import('@boto-ts/client-ec2');
phase('create');
const client = new EC2Client(${CLIENT_CONFIG});
if (process.argv[2]) {
  phase('call');
  await client.describeInstances({});
}
await client.destroy();
phase('done');
`;

/** Imports the given URLs one after another (dependencies first), timing each on its own. */
const timingWorkload = `const order = JSON.parse((await import('node:fs')).readFileSync(process.argv[2], 'utf8'));
const costs = {};
for (const url of order) {
  const t = process.hrtime.bigint();
  await import(url);
  costs[url] = Number(process.hrtime.bigint() - t) / 1e6;
}
console.log(JSON.stringify(costs));
`;

function writeChildren(): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files: Record<string, string> = {
    'create.mjs': createWorkload,
    'call.mjs': callWorkload,
    'split.mjs': splitWorkload,
    'graph-hooks.mjs': graphHooks,
    'graph.mjs': graphWorkload,
    'timing.mjs': timingWorkload,
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}

// ---- the import graph ----

interface Graph {
  /** Files and builtins in evaluation order (dependencies first), as loaded at import. */
  readonly order: string[];
  /** The builtins each loaded file imports. */
  readonly builtinsOf: Map<string, string[]>;
  /** What constructing the client loaded (nothing, when construction is as cheap as it should be). */
  readonly loadedByCreate: string[];
  /** What the first call loaded on top, in resolution order. */
  readonly loadedByCall: string[];
}

async function readGraph(endpoint: string | undefined): Promise<Graph> {
  const log = join(dir, 'graph.log');
  const result = await runChild(process.execPath, [join(dir, 'graph.mjs'), endpoint ?? '', log], {
    cwd: dir,
    env: benchEnv(),
    timeoutMs: 60_000,
  });
  if (result.code !== 0) throw new Error(`the graph run failed:\n${result.stderr.slice(-2000)}`);
  const children = new Map<string, string[]>();
  const later: Record<string, string[]> = { create: [], call: [] };
  const seen = new Set<string>();
  let phase = '';
  let entry: string | undefined;
  for (const line of readFileSync(log, 'utf8').trim().split('\n')) {
    const record = JSON.parse(line) as { phase?: string; parent?: string | null; url?: string };
    if (record.phase !== undefined) {
      phase = record.phase;
      continue;
    }
    const { parent, url } = record as { parent: string | null; url: string };
    if (phase === 'import') {
      if (parent?.endsWith('/graph.mjs')) entry ??= url;
      else if (parent) children.set(parent, [...(children.get(parent) ?? []), url]);
    } else if (!seen.has(url)) later[phase]?.push(url);
    seen.add(url);
  }
  if (entry === undefined) throw new Error('the graph run recorded no import of @boto-ts/client-ec2');
  const order: string[] = [];
  const visited = new Set<string>();
  const visit = (url: string): void => {
    if (visited.has(url)) return;
    visited.add(url);
    for (const child of children.get(url) ?? []) visit(child);
    order.push(url);
  };
  visit(entry);
  const builtinsOf = new Map<string, string[]>();
  for (const [parent, list] of children)
    builtinsOf.set(
      parent,
      list.filter((u) => u.startsWith('node:')),
    );
  return { order, builtinsOf, loadedByCreate: later.create!, loadedByCall: later.call! };
}

/** Median own cost of every module over `samples` fresh processes (builtins first where first used). */
async function moduleCosts(order: readonly string[]): Promise<Map<string, number>> {
  const planFile = join(dir, 'order.json');
  writeFileSync(planFile, JSON.stringify(order));
  const all = new Map<string, number[]>();
  for (let i = 0; i < samples; i++) {
    const result = await runChild(process.execPath, [join(dir, 'timing.mjs'), planFile], {
      cwd: dir,
      env: benchEnv(),
      timeoutMs: 60_000,
    });
    if (result.code !== 0) throw new Error(`the timing run failed:\n${result.stderr.slice(-2000)}`);
    const costs = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>;
    for (const [url, ms] of Object.entries(costs)) all.set(url, [...(all.get(url) ?? []), ms]);
  }
  return new Map([...all].map(([url, values]) => [url, median(values)]));
}

// ---- naming and printing ----

/** `core/dist/credentials/effects.js`, `undici`, or `node:http`. */
function nameOf(url: string): string {
  if (!url.startsWith('file:')) return url;
  const path = fileURLToPath(url);
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const parts = path.slice(inModules + '/node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return relative(join(repoRoot, 'packages'), path);
}

/** `core/credentials`, `client-ec2/generated`, `sigv4`: the package plus its first folder under dist. */
function areaOf(url: string): string {
  if (url.startsWith('node:')) return 'node: builtins';
  const parts = nameOf(url).split('/');
  if (parts[1] !== 'dist') return parts[0]!;
  return parts.length > 3 ? `${parts[0]}/${parts[2]}` : parts[0]!;
}

function kilobytes(url: string): number {
  return url.startsWith('file:') ? statSync(fileURLToPath(url)).size / 1024 : 0;
}

const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;

function printGraph(graph: Graph, costs: Map<string, number>): void {
  const files = graph.order.filter((u) => !u.startsWith('node:'));
  const builtins = graph.order.filter((u) => u.startsWith('node:'));
  const total = [...costs.values()].reduce((a, b) => a + b, 0);
  const size = files.reduce((sum, u) => sum + kilobytes(u), 0);
  console.log(
    `\nat import: ${files.length} files (${size.toFixed(0)} kB) + ${builtins.length} builtins, ` +
      `${total.toFixed(1)} ms summed over modules imported one by one (median of ${samples} runs)`,
  );
  const importers = (builtin: string) =>
    [...graph.builtinsOf]
      .filter(([, list]) => list.includes(builtin))
      .map(([parent]) => nameOf(parent))
      .join(', ');
  console.log('\nbuiltins loaded at import (first loaded by):');
  for (const builtin of builtins) {
    console.log(`  ${ms(costs.get(builtin) ?? 0)}  ${builtin.padEnd(22)} ${importers(builtin)}`);
  }
  const areas = new Map<string, { files: number; ms: number; kb: number }>();
  for (const url of graph.order) {
    const area = areas.get(areaOf(url)) ?? { files: 0, ms: 0, kb: 0 };
    area.files += 1;
    area.ms += costs.get(url) ?? 0;
    area.kb += kilobytes(url);
    areas.set(areaOf(url), area);
  }
  console.log('\nby area:');
  for (const [area, cost] of [...areas].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(
      `  ${ms(cost.ms)}  ${String(cost.files).padStart(3)} files ${cost.kb.toFixed(0).padStart(5)} kB  ${area}`,
    );
  }
  console.log(`\ntop ${topCount} modules by own cost (resolve + read + compile + link + evaluate):`);
  const ranked = graph.order
    .filter((u) => !u.startsWith('node:'))
    .sort((a, b) => (costs.get(b) ?? 0) - (costs.get(a) ?? 0));
  for (const url of ranked.slice(0, topCount)) {
    const own = graph.builtinsOf.get(url) ?? [];
    const note = own.length > 0 ? `  imports ${own.join(', ')}` : '';
    console.log(
      `  ${ms(costs.get(url) ?? 0)} ${kilobytes(url).toFixed(1).padStart(6)} kB  ${nameOf(url)}${note}`,
    );
  }
  console.log(`\nloaded by constructing the client: ${listByArea(graph.loadedByCreate)}`);
  if (graph.loadedByCall.length > 0)
    console.log(`\nloaded by the first call: ${listByArea(graph.loadedByCall)}`);
}

/** `21 modules: sigv4 (15), core/client (3), ...` followed by the names. */
function listByArea(urls: readonly string[]): string {
  if (urls.length === 0) return 'nothing';
  const counts = new Map<string, number>();
  for (const url of urls) counts.set(areaOf(url), (counts.get(areaOf(url)) ?? 0) + 1);
  const areas = [...counts].map(([area, count]) => `${area} (${count})`).join(', ');
  return `${urls.length} modules: ${areas}\n  ${urls.map(nameOf).join(', ')}`;
}

// ---- whole processes ----

interface Kind {
  readonly label: string;
  readonly args: readonly string[];
}

function meterHere(): CostMeter {
  const probe = spawnSync('python3', ['-c', 'import os; os.wait4'], { stdio: 'ignore', timeout: 30_000 });
  return probe.status === 0 ? 'wait4' : 'wall-only';
}

async function measureProcesses(
  kinds: readonly Kind[],
  meter: CostMeter,
): Promise<Map<string, ProcessCost[]>> {
  const costs = new Map<string, ProcessCost[]>(kinds.map((k) => [k.label, []]));
  for (let round = 0; round < runs; round++) {
    const order = round % 2 === 0 ? kinds : [...kinds].reverse();
    for (const kind of order) {
      // measureProcess runs python3 workloads/rusage.py from its cwd: fork + exec + wait4.
      const cost = await measureProcess(meter, process.execPath, kind.args, {
        cwd: workloadsSource,
        timeoutMs: 60_000,
      });
      costs.get(kind.label)!.push(cost);
    }
  }
  return costs;
}

function printProcesses(kinds: readonly Kind[], costs: Map<string, ProcessCost[]>, meter: CostMeter): void {
  const pick = (label: string, f: (c: ProcessCost) => number | undefined) => {
    const values = (costs.get(label) ?? []).map(f).filter((v): v is number => v !== undefined);
    return values.length > 0 ? median(values) : undefined;
  };
  const bareWall = pick('bare node -e 0', (c) => c.wallMs)!;
  const bareCpu = pick('bare node -e 0', (c) => c.cpuMs);
  console.log(
    `\nwhole processes: medians of ${runs} interleaved runs` +
      (meter === 'wait4' ? ' (CPU and peak RSS from wait4)' : ' (wall only: no python3 for wait4)'),
  );
  for (const kind of kinds) {
    const wall = pick(kind.label, (c) => c.wallMs)!;
    const cpu = pick(kind.label, (c) => c.cpuMs);
    const rss = pick(kind.label, (c) => (c.maxRssKb === undefined ? undefined : c.maxRssKb / 1024));
    const cpuText =
      cpu === undefined ? '' : `  cpu ${ms(cpu)}${bareCpu ? ` x${(cpu / bareCpu).toFixed(2)}` : ''}`;
    const rssText = rss === undefined ? '' : `  peak RSS ${rss.toFixed(1)} MB`;
    console.log(
      `  ${kind.label.padEnd(26)} wall ${ms(wall)} x${(wall / bareWall).toFixed(2)}${cpuText}${rssText}`,
    );
  }
}

async function printSplit(endpoint: string | undefined): Promise<void> {
  const all: Array<Record<string, number>> = [];
  for (let i = 0; i < samples; i++) {
    const result = await runChild(process.execPath, [join(dir, 'split.mjs'), endpoint ?? ''], {
      cwd: dir,
      env: benchEnv(),
      timeoutMs: 60_000,
    });
    if (result.code !== 0) throw new Error(`the split run failed:\n${result.stderr.slice(-2000)}`);
    all.push(JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, number>);
  }
  const parts = ['importMs', 'createMs', 'firstCallMs', 'secondCallMs']
    .filter((key) => all[0]?.[key] !== undefined)
    .map(
      (key) =>
        `${key.replace(/Ms$/, '').replace(/Call/, ' call')} ${median(all.map((a) => a[key]!)).toFixed(1)} ms`,
    );
  console.log(`\nin one process (process.hrtime, median of ${samples}): ${parts.join(', ')}`);
}

async function printProfile(): Promise<void> {
  const profiles = join(dir, 'profile');
  const result = await runChild(
    process.execPath,
    ['--cpu-prof', '--cpu-prof-interval', '100', '--cpu-prof-dir', profiles, join(dir, 'create.mjs')],
    { cwd: dir, env: benchEnv(), timeoutMs: 60_000 },
  );
  if (result.code !== 0) throw new Error(`the profile run failed:\n${result.stderr.slice(-2000)}`);
  const [file] = readdirSync(profiles);
  console.log(
    `\n${formatSummary('import + create, sampled every 100 µs', summarizeProfile(readProfile(join(profiles, file!)), 15))}`,
  );
  console.log(`(profile kept in ${relative(repoRoot, join(profiles, file!))}: open it in Chrome DevTools)`);
}

// ---- main ----

if (!flag('no-build')) {
  const error = buildWorkspace();
  if (error) process.stderr.write(`${error}\n(measuring the last build)\n`);
}
writeChildren();
const server = flag('no-call') ? undefined : await startServerProcess([1]);
try {
  const endpoint = server?.endpoints.get(1);
  console.log('cold start of @boto-ts/client-ec2 from the built dist (plain node, clean AWS environment)');
  const meter = meterHere();
  const kinds: Kind[] = [
    { label: 'bare node -e 0', args: ['-e', '0'] },
    { label: 'import + create client', args: [join(dir, 'create.mjs'), endpoint ?? ''] },
    ...(endpoint ? [{ label: '+ one DescribeInstances', args: [join(dir, 'call.mjs'), endpoint] }] : []),
  ];
  printProcesses(kinds, await measureProcesses(kinds, meter), meter);
  await printSplit(endpoint);
  const graph = await readGraph(endpoint);
  printGraph(graph, await moduleCosts(graph.order));
  if (flag('profile')) await printProfile();
} finally {
  await server?.stop();
}
