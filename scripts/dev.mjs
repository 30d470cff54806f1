#!/usr/bin/env node
// The README's two commands, `npm run demo` and `npm test`, land here. On a fresh clone this installs
// pnpm into .tools/ (npm, not corepack) and the workspace's packages, then runs the job asked for.
// Plain JavaScript on purpose: it must run before anything is installed.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PNPM_VERSION = '12.4.2';
const pnpmBin = join(root, '.tools', 'node_modules', '.bin', 'pnpm');

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function mustRun(command, args, options) {
  const status = run(command, args, options);
  if (status !== 0) process.exit(status);
}

function ensurePnpm() {
  if (existsSync(pnpmBin)) return;
  console.error(`installing pnpm ${PNPM_VERSION} into .tools/ ...`);
  mkdirSync(join(root, '.tools'), { recursive: true });
  mustRun('npm', [
    'install',
    '--prefix',
    join(root, '.tools'),
    '--no-audit',
    '--no-fund',
    `pnpm@${PNPM_VERSION}`,
  ]);
}

function ensurePackages() {
  const marker = join(root, 'node_modules', '.modules.yaml');
  const lock = join(root, 'pnpm-lock.yaml');
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return;
  mustRun(pnpmBin, ['install', '--frozen-lockfile']);
}

const [job, ...rest] = process.argv.slice(2);
ensurePnpm();
ensurePackages();

if (job === 'demo') {
  process.exit(run(pnpmBin, ['run', '--silent', 'demo:run', ...rest]));
} else if (job === 'test') {
  const major = process.versions.node.split('.')[0];
  const results = join('.vitest-results', `node${major}.json`);
  process.exit(
    run(pnpmBin, [
      'exec',
      'vitest',
      'run',
      '--config',
      'vitest.workspace.ts',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${results}`,
      ...rest,
    ]),
  );
} else {
  console.error('usage: node scripts/dev.mjs demo|test [args...]');
  process.exit(2);
}
