// A/B of two builds of boto-ts on the warm DescribeInstances loop, for work on the response path
// (decoder, transport): per-call CPU medians of interleaved fresh processes, A B A B ..., with the
// floor (aws4 + node:http) as a third subject so the machine's load shows in the same run.
//   snapshot <label>        build the workspace and keep its app folder as bench/.work/ab/<label>
//   run <labelA> <labelB> [--rounds=7] [--n=1,100,1000] [--no-floor]
// Run: pnpm bench:ab snapshot base; (change something) pnpm bench:ab snapshot new; pnpm bench:ab run base new

import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { prepareAppDir } from './app-dir.js';
import { runJsonChild } from './child.js';
import { workDir } from './paths.js';
import { startServerProcess } from './server/server-process.js';
import { median } from './stats.js';
import { buildWorkspace } from './subjects.js';

const abDir = join(workDir, 'ab');
const [command, ...rest] = process.argv.slice(2);
const flag = (name: string) => rest.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

/** Calls per run and warm-up calls per N: a run lasts about 1-2 s. */
const CALLS: Record<number, [number, number]> = { 1: [3000, 300], 100: [150, 20], 1000: [25, 4] };

interface WarmResult {
  readonly calls: number;
  readonly cpuMs: number;
}

if (command === 'snapshot') {
  const label = rest[0] ?? 'base';
  if (!rest.includes('--no-build')) {
    const error = buildWorkspace();
    if (error) throw new Error(error);
  }
  const from = prepareAppDir();
  const to = join(abDir, label);
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true, verbatimSymlinks: true });
  console.log(`snapshot ${to}`);
} else if (command === 'run') {
  const labels = rest.filter((a) => !a.startsWith('--'));
  const rounds = Number(flag('rounds') ?? 7);
  const counts = (flag('n') ?? '1,100,1000').split(',').map(Number);
  const subjects = labels.map((label) => ({ label, dir: join(abDir, label), file: 'warm-boto-ts.mjs' }));
  if (!rest.includes('--no-floor'))
    subjects.push({ label: 'floor', dir: subjects[0]!.dir, file: 'warm-floor.mjs' });
  for (const s of subjects) if (!existsSync(s.dir)) throw new Error(`no snapshot ${s.dir}`);
  const server = await startServerProcess(counts);
  try {
    for (const n of counts) {
      const [calls, warmup] = CALLS[n] ?? [100, 10];
      const samples = new Map<string, number[]>(subjects.map((s) => [s.label, []]));
      for (let round = 0; round < rounds; round++) {
        // Alternate the order each round so neither side always runs right after the other.
        const order = round % 2 === 0 ? subjects : [...subjects].reverse();
        for (const s of order) {
          const args = { endpoint: server.endpoints.get(n), mode: 'serial', calls, warmup, expect: n };
          const result = await runJsonChild<WarmResult>(process.execPath, [s.file, JSON.stringify(args)], {
            cwd: s.dir,
            timeoutMs: 300_000,
          });
          samples.get(s.label)!.push(result.cpuMs / result.calls);
        }
      }
      const line = subjects.map((s) => {
        const values = samples.get(s.label)!;
        return `${s.label} ${median(values).toFixed(3)} ms (min ${Math.min(...values).toFixed(3)})`;
      });
      const [a, b] = subjects.map((s) => median(samples.get(s.label)!));
      const ratio =
        labels.length > 1 && a !== undefined && b !== undefined ? `  B/A ${(b / a).toFixed(3)}` : '';
      console.log(`N=${n}: ${line.join(' | ')}${ratio}`);
    }
  } finally {
    await server.stop();
  }
} else {
  console.log('usage: decoder-ab.ts snapshot <label> | run <labelA> <labelB> [--rounds=7] [--n=1,100,1000]');
}
