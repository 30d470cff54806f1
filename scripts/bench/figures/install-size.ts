// Figure b, install footprint: what `npm install` puts on disk for an app that uses EC2. boto-ts: its
// packages packed with pnpm, installed with npm (plus their registry dependencies) into an empty
// folder. The v3 SDK: @aws-sdk/client-ec2 at the workspace's version from the npm registry. boto3: the
// files its installed distributions (and their requirement closure) recorded.

import { spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runJsonChild } from '../child.js';
import { repoRoot } from '../paths.js';
import type { Cell, Row } from '../report/rows.js';
import { type BenchContext, type FigureResult, firstLine, unavailableCell } from './context.js';

export interface Footprint {
  readonly bytes: number;
  readonly files: number;
  readonly declarationBytes: number;
}

/** Regular files under `dir` (symlinks not followed): count, bytes, and bytes of .d.ts files. */
export function measureTree(dir: string): Footprint {
  let bytes = 0;
  let files = 0;
  let declarationBytes = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      const full = join(path, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const size = lstatSync(full).size;
        bytes += size;
        files++;
        if (/\.d\.[cm]?ts$/.test(entry.name)) declarationBytes += size;
      }
    }
  };
  walk(dir);
  return { bytes, files, declarationBytes };
}

function sh(command: string, args: string[], cwd: string): void {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 300_000 });
  if (result.status !== 0) {
    const output = `${result.stderr}${result.stdout}`.trim().split('\n').slice(-3).join(' ');
    throw new Error(`${command} ${args.slice(0, 2).join(' ')} failed: ${output || result.error?.message}`);
  }
}

const NPM_INSTALL = [
  'install',
  '--no-audit',
  '--no-fund',
  '--omit=dev',
  '--ignore-scripts',
  '--no-package-lock',
];

function emptyApp(parent: string, name: string): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `bench-${name}`, private: true }));
  return dir;
}

/** @boto-ts/client-ec2 and the workspace packages it depends on, in dependency order. */
function workspaceClosure(start: string): string[] {
  const folders = new Map<string, string>();
  for (const folder of readdirSync(join(repoRoot, 'packages'))) {
    const file = join(repoRoot, 'packages', folder, 'package.json');
    if (existsSync(file)) folders.set(JSON.parse(readFileSync(file, 'utf8')).name, folder);
  }
  const order: string[] = [];
  const visit = (name: string) => {
    const folder = folders.get(name);
    if (folder === undefined || order.includes(folder)) return;
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages', folder, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep);
    order.push(folder);
  };
  visit(start);
  return order;
}

function installBotoTs(work: string): Footprint {
  const tarballs = join(work, 'tarballs');
  const pnpm = existsSync(join(repoRoot, '.tools', 'node_modules', '.bin', 'pnpm'))
    ? join(repoRoot, '.tools', 'node_modules', '.bin', 'pnpm')
    : 'pnpm';
  for (const folder of workspaceClosure('@boto-ts/client-ec2')) {
    sh(pnpm, ['pack', '--pack-destination', tarballs], join(repoRoot, 'packages', folder));
  }
  const app = emptyApp(work, 'boto-ts');
  sh('npm', [...NPM_INSTALL, ...readdirSync(tarballs).map((f) => join(tarballs, f))], app);
  return measureTree(join(app, 'node_modules'));
}

function installV3(work: string): Footprint {
  const version = JSON.parse(
    readFileSync(join(repoRoot, 'node_modules', '@aws-sdk', 'client-ec2', 'package.json'), 'utf8'),
  ).version;
  const app = emptyApp(work, 'v3');
  sh('npm', [...NPM_INSTALL, `@aws-sdk/client-ec2@${version}`], app);
  return measureTree(join(app, 'node_modules'));
}

function megabytes(bytes: number): number {
  return bytes / 1e6;
}

export async function measureInstall(context: BenchContext): Promise<FigureResult> {
  const work = mkdtempSync(join(tmpdir(), 'boto-ts-bench-install-'));
  const details: Record<string, string | number> = {};
  const footprints = new Map<string, Footprint | Cell>();
  try {
    context.log('install footprint: boto-ts (pnpm pack + npm install)');
    footprints.set(
      'boto-ts',
      unavailableCell(context, 'boto-ts') ??
        (() => {
          try {
            return installBotoTs(work);
          } catch (error) {
            return { missing: 'failed', note: firstLine(error) } as Cell;
          }
        })(),
    );
    if (context.settings.registryInstall) {
      context.log('install footprint: @aws-sdk/client-ec2 from the npm registry');
      try {
        footprints.set('v3', installV3(work));
      } catch (error) {
        footprints.set('v3', { missing: 'failed', note: firstLine(error) });
      }
    } else {
      footprints.set('v3', { missing: 'skipped', note: 'registry install skipped in --quick' });
    }
    const boto3Unavailable = unavailableCell(context, 'boto3');
    if (boto3Unavailable) footprints.set('boto3', boto3Unavailable);
    else {
      try {
        const result = await runJsonChild<Footprint & { packages: string[] }>(
          'python3',
          [join(context.appDir, 'footprint_boto3.py')],
          { cwd: context.appDir },
        );
        footprints.set('boto3', { ...result, declarationBytes: 0 });
        details['boto3 footprint counts'] = result.packages.join(', ');
      } catch (error) {
        footprints.set('boto3', { missing: 'failed', note: firstLine(error) });
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const cell = (subject: string, pick: (f: Footprint) => number): Cell => {
    const f = footprints.get(subject);
    if (f === undefined) return { missing: 'n/a' };
    if ('missing' in f || 'value' in f) return f as Cell;
    return { value: pick(f) };
  };
  const row = (
    id: string,
    figure: string,
    unit: 'MB' | 'files',
    pick: (f: Footprint) => number,
    goal?: Row['goal'],
  ): Row => ({
    id,
    figure,
    unit,
    better: 'lower',
    cells: { 'boto-ts': cell('boto-ts', pick), v3: cell('v3', pick), boto3: cell('boto3', pick) },
    ...(goal ? { goal } : {}),
  });
  return {
    rows: [
      row('install-bytes', 'install: client + runtime deps', 'MB', (f) => megabytes(f.bytes), {
        text: '<= 3 MB',
        limit: 3,
      }),
      row('install-files', 'install: files', 'files', (f) => f.files),
      {
        ...row('install-dts', 'install: of which .d.ts', 'MB', (f) => megabytes(f.declarationBytes)),
        cells: {
          'boto-ts': cell('boto-ts', (f) => megabytes(f.declarationBytes)),
          v3: cell('v3', (f) => megabytes(f.declarationBytes)),
          boto3: { missing: 'n/a' },
        },
      },
    ],
    details,
  };
}
