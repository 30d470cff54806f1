// Measures what the client's size and speed goals are about, on this machine:
//   cold start (import + new EC2Client; + one DescribeInstances on loopback) relative to `node -e 0`,
//   the esbuild bundle of a three-operation app on the per-operation path,
//   the install footprint of @boto-ts/client-ec2 and its runtime dependencies (npm, from packed tarballs),
//   and how long a consumer project takes to type-check against the published declarations.
// Wall times suffer on a busy machine; CPU times (user + system, from /usr/bin/time) much less.
// Run after `pnpm build`: pnpm exec tsx packages/client-ec2/src/test-support/measure/measure.mts [--runs=N]

import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { repoRoot } from '../../../../../scripts/lib/shared-dir.js';
import {
  coldCallApp,
  coldImportApp,
  consumerSource,
  threeOperationApp,
  threeOperationClassApp,
} from './apps.js';

interface Sample {
  readonly wall: number;
  readonly cpu: number;
}

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 15);
const work = mkdtempSync(join(tmpdir(), 'boto-ts-measure-'));
const app = join(work, 'app');
const packages = { '@boto-ts/sigv4': 'sigv4', '@boto-ts/core': 'core', '@boto-ts/client-ec2': 'client-ec2' };

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** `cpu 0.12 0.03` (the -f format below) -> milliseconds. */
function cpuOf(stderr: string): number | undefined {
  const match = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(stderr);
  return match ? (Number(match[1]) + Number(match[2])) * 1000 : undefined;
}

/** Runs node with `args` under /usr/bin/time, without blocking this process's event loop. */
function timedNode(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-f', 'cpu %U %S', process.execPath, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => {
      const wall = Number(process.hrtime.bigint() - start) / 1e6;
      const cpu = cpuOf(stderr);
      if (code !== 0 || cpu === undefined) reject(new Error(`node ${args.join(' ')} failed:\n${stderr}`));
      else resolve({ wall, cpu });
    });
  });
}

function tree(path: string): { bytes: number; files: number; dts: number } {
  let bytes = 0;
  let files = 0;
  let dts = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const full = join(path, entry.name);
    if (entry.isDirectory()) {
      const sub = tree(full);
      bytes += sub.bytes;
      files += sub.files;
      dts += sub.dts;
    } else if (entry.isFile()) {
      const size = statSync(full).size;
      bytes += size;
      files++;
      if (entry.name.endsWith('.d.ts')) dts += size;
    }
  }
  return { bytes, files, dts };
}

function sh(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.stderr}${result.stdout}`);
  return result.stdout;
}

const describeInstancesXml = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeInstancesResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>8f7724cf-496f-496e-8fe3-example</requestId><reservationSet><item><reservationId>r-1234567890abcdef0</reservationId><ownerId>123456789012</ownerId><groupSet/><instancesSet><item><instanceId>i-1234567890abcdef0</instanceId><imageId>ami-0abcdef1234567890</imageId><instanceState><code>16</code><name>running</name></instanceState><instanceType>t3.micro</instanceType><launchTime>2024-01-02T03:04:05.000Z</launchTime><placement><availabilityZone>us-east-1a</availabilityZone><tenancy>default</tenancy></placement><tagSet><item><key>Name</key><value>web</value></item></tagSet></item></instancesSet></item></reservationSet></DescribeInstancesResponse>`;

async function coldStart(): Promise<void> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'text/xml;charset=UTF-8' });
      response.end(describeInstancesXml);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const bare: Sample[] = [];
  const importOnly: Sample[] = [];
  const oneCall: Sample[] = [];
  // Interleaved, so machine drift hits every subject alike.
  for (let i = 0; i < runs; i++) {
    bare.push(await timedNode(['-e', '0'], app));
    importOnly.push(await timedNode(['cold-import.mjs'], app));
    oneCall.push(await timedNode(['cold-call.mjs'], app, { ENDPOINT: endpoint }));
  }
  server.close();
  const bareWall = median(bare.map((x) => x.wall));
  const bareCpu = median(bare.map((x) => x.cpu));
  const line = (label: string, samples: Sample[], goal: string) => {
    const wall = median(samples.map((x) => x.wall));
    const cpu = median(samples.map((x) => x.cpu));
    console.log(
      `  ${label.padEnd(36)} wall ${wall.toFixed(0)} ms (${(wall / bareWall).toFixed(2)}x), CPU ${cpu.toFixed(0)} ms (${(cpu / bareCpu).toFixed(2)}x)${goal}`,
    );
  };
  console.log(`cold start (median of ${runs}, interleaved; ratios to node -e 0):`);
  line('node -e 0', bare, '');
  line('import + new EC2Client', importOnly, '; goal <= 1.3x');
  line('+ one DescribeInstances (loopback)', oneCall, '; goal <= 1.6x');
}

async function bundles(): Promise<void> {
  for (const [label, entry] of [
    ['per-operation path (run, describe, terminate)', 'app-operations.mjs'],
    ['EC2Client (same three operations)', 'app-class.mjs'],
  ] as const) {
    const outfile = join(work, `${entry}.bundle.mjs`);
    await build({
      absWorkingDir: app,
      entryPoints: [join(app, entry)],
      outfile,
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'error',
    });
    const size = statSync(outfile).size;
    const gzip = gzipSync(readFileSync(outfile)).length;
    const goal = entry === 'app-operations.mjs' ? ' (goal <= 80 kB)' : '';
    console.log(
      `bundle, ${label}: ${(size / 1024).toFixed(1)} kB minified, ${(gzip / 1024).toFixed(1)} kB gzip${goal}`,
    );
  }
}

async function installAndTypeCheck(): Promise<void> {
  const tarballs = join(work, 'tarballs');
  const install = join(work, 'install');
  mkdirSync(install, { recursive: true });
  const pnpm = join(repoRoot, '.tools', 'node_modules', '.bin', 'pnpm');
  for (const folder of Object.values(packages))
    sh(pnpm, ['pack', '--pack-destination', tarballs], join(repoRoot, 'packages', folder));
  writeFileSync(join(install, 'package.json'), '{"name":"consumer","private":true,"type":"module"}');
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  sh('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', ...files], install);
  const footprint = tree(join(install, 'node_modules'));
  const own = tree(join(install, 'node_modules', '@boto-ts', 'client-ec2'));
  // After measuring the footprint: the consumer's own dev dependency.
  sh('npm', ['install', '--no-audit', '--no-fund', '--save-dev', '@types/node@20'], install);
  console.log(
    `install (client-ec2 + runtime dependencies): ${(footprint.bytes / 1e6).toFixed(2)} MB, ${footprint.files} files, ${(footprint.dts / 1e6).toFixed(2)} MB of .d.ts (goal <= 3 MB); client-ec2 alone ${(own.bytes / 1e6).toFixed(2)} MB`,
  );

  // A consumer project type-checking against the published declarations (TypeScript 5.9).
  writeFileSync(join(install, 'app.ts'), consumerSource);
  const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const skipLibCheck of [true, false]) {
    const compilerOptions = {
      target: 'ES2022',
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      noEmit: true,
      skipLibCheck,
      // A Node.js project: ES2022 library and Node's types, no DOM.
      lib: ['ES2022'],
      types: ['node'],
    };
    writeFileSync(join(install, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['app.ts'] }));
    const samples: Sample[] = [];
    for (let i = 0; i < 3; i++) samples.push(await timedNode([tsc, '-p', '.'], install));
    const wall = median(samples.map((x) => x.wall)) / 1000;
    const cpu = median(samples.map((x) => x.cpu)) / 1000;
    console.log(
      `consumer tsc --noEmit (skipLibCheck ${skipLibCheck}): wall ${wall.toFixed(2)} s, CPU ${cpu.toFixed(2)} s (median of 3; goal < 5 s)`,
    );
  }
}

try {
  // An app folder whose node_modules link to the built packages (dist/, via the default condition).
  mkdirSync(join(app, 'node_modules', '@boto-ts'), { recursive: true });
  for (const [name, folder] of Object.entries(packages))
    symlinkSync(join(repoRoot, 'packages', folder), join(app, 'node_modules', name), 'dir');
  writeFileSync(join(app, 'package.json'), '{"type":"module","private":true}');
  writeFileSync(join(app, 'cold-import.mjs'), coldImportApp);
  writeFileSync(join(app, 'cold-call.mjs'), coldCallApp);
  writeFileSync(join(app, 'app-operations.mjs'), threeOperationApp);
  writeFileSync(join(app, 'app-class.mjs'), threeOperationClassApp);
  await coldStart();
  await bundles();
  await installAndTypeCheck();
} finally {
  rmSync(work, { recursive: true, force: true });
}
