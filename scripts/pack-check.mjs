#!/usr/bin/env node
// What users get from npm is what we test: pack every public package, install the tarballs with npm
// into an empty folder outside the workspace, then import each one from plain Node (ESM and require).
// Run after `pnpm build`.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pnpm = join(root, '.tools', 'node_modules', '.bin', 'pnpm');
const work = mkdtempSync(join(tmpdir(), 'boto-ts-pack-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');

function sh(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed in ${cwd}`);
  }
  return result.stdout;
}

const packages = readdirSync(join(root, 'packages'))
  .map((dir) => ({
    dir: join(root, 'packages', dir),
    json: JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8')),
  }))
  .filter((p) => !p.json.private);

let failed = 0;
try {
  for (const p of packages) sh(pnpm, ['pack', '--pack-destination', tarballs], p.dir);
  sh('mkdir', ['-p', app], work);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-check-app', private: true }));
  const files = readdirSync(tarballs).map((f) => join(tarballs, f));
  sh('npm', ['install', '--no-audit', '--no-fund', '--omit=dev', ...files], app);
  for (const p of packages) {
    const name = p.json.name;
    const esm = spawnSync(
      'node',
      [
        '--input-type=module',
        '-e',
        `const m = await import(${JSON.stringify(name)}); if (Object.keys(m).length === 0) throw new Error('no exports');`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    const cjs = spawnSync(
      'node',
      [
        '-e',
        `const m = require(${JSON.stringify(name)}); if (Object.keys(m).length === 0) throw new Error('no exports');`,
      ],
      { cwd: app, encoding: 'utf8' },
    );
    for (const [kind, result] of [
      ['import', esm],
      ['require', cjs],
    ]) {
      if (result.status === 0) console.log(`pack: ${name} (${kind}) ok`);
      else {
        failed++;
        console.log(
          `pack: ${name} (${kind}) FAILED\n${result.stderr.trim().split('\n').slice(0, 8).join('\n')}`,
        );
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`pack-check: ${packages.length * 2 - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
