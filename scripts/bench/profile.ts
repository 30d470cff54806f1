// `pnpm bench:profile`: CPU profiles (node --cpu-prof) of one SDK on the benchmark's loops: warm
// DescribeInstances at N=1000 and N=1, and a cold start with one call. Prints self time by module and
// by function, and keeps the .cpuprofile files in bench/.work/profiles (open them in Chrome DevTools).
//   --subject=boto-ts|v3|floor   which SDK (default boto-ts; floor = aws4 + node:http, warm loops only)
//   --no-build             skip tsc --build

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareAppDir } from './app-dir.js';
import { runChild } from './child.js';
import { workDir } from './paths.js';
import { formatSummary, readProfile, summarizeProfile } from './profile-summary.js';
import { startServerProcess } from './server/server-process.js';
import { buildWorkspace } from './subjects.js';

const argv = process.argv.slice(2);
const subject = argv.find((a) => a.startsWith('--subject='))?.slice('--subject='.length) ?? 'boto-ts';
if (!['boto-ts', 'v3', 'floor'].includes(subject)) {
  throw new Error(`--subject must be boto-ts, v3 or floor, got ${subject}`);
}

const profilesDir = join(workDir, 'profiles', subject);
rmSync(profilesDir, { recursive: true, force: true });
mkdirSync(profilesDir, { recursive: true });
if (!argv.includes('--no-build')) {
  const error = buildWorkspace();
  if (error) process.stderr.write(`${error}\n(profiling the last build)\n`);
}
const appDir = prepareAppDir();
const server = await startServerProcess([1, 1000]);
const report: string[] = [`# CPU profiles of ${subject}`, ''];
try {
  const runs = [
    {
      name: 'warm-1000',
      file: `warm-${subject}.mjs`,
      args: { endpoint: server.endpoints.get(1000), mode: 'serial', calls: 20, warmup: 3, expect: 1000 },
    },
    {
      name: 'warm-1',
      file: `warm-${subject}.mjs`,
      args: { endpoint: server.endpoints.get(1), mode: 'serial', calls: 5000, warmup: 300, expect: 1 },
    },
    {
      name: 'cold-create',
      file: `cold-${subject}.mjs`,
      args: { endpoint: server.endpoints.get(1), mode: 'create' },
    },
    {
      name: 'cold-call',
      file: `cold-${subject}.mjs`,
      args: { endpoint: server.endpoints.get(1), mode: 'call' },
    },
  ].filter((run) => subject !== 'floor' || !run.name.startsWith('cold'));
  for (const run of runs) {
    const result = await runChild(
      process.execPath,
      [
        '--cpu-prof',
        // A cold start lasts a few hundred milliseconds: sample every 100 µs instead of every 1 ms.
        `--cpu-prof-interval=${run.name.startsWith('cold') ? 100 : 1000}`,
        `--cpu-prof-dir=${profilesDir}`,
        `--cpu-prof-name=${run.name}.cpuprofile`,
        run.file,
        JSON.stringify(run.args),
      ],
      { cwd: appDir, timeoutMs: 300_000 },
    );
    if (result.code !== 0) {
      report.push(
        `## ${run.name}: failed (${(result.stderr || result.stdout).trim().split('\n').slice(-3).join(' ')})`,
        '',
      );
      continue;
    }
    report.push(
      formatSummary(run.name, summarizeProfile(readProfile(join(profilesDir, `${run.name}.cpuprofile`)), 25)),
    );
  }
} finally {
  await server.stop();
}
const text = report.join('\n');
writeFileSync(join(profilesDir, 'summary.md'), text);
process.stdout.write(`${text}\nprofiles: ${profilesDir}\n`);
