// The shape of core's built dist/, which cold start depends on: importing a generated client loads
// core's ./client entry and one chunk; a client's first call loads the pipeline and one chunk more;
// both entries share one ServiceClient; no chunk-ordering bare imports (bundlers warn about them in a
// sideEffects: false package).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../lib/repo-data.js';

let out: string;
let core: string;

function staticImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/^(?:import\s[^;]*?|\})\s*from\s+"(\.[^"]+)";$/gm)].map((m) =>
    resolve(dirname(file), m[1] as string),
  );
}

function dynamicImports(file: string): string[] {
  const code = readFileSync(file, 'utf8');
  return [...code.matchAll(/import\("(\.[^"]+)"\)/g)].map((m) => resolve(dirname(file), m[1] as string));
}

/** The file and every file it loads through static imports. */
function closure(file: string): Set<string> {
  const seen = new Set<string>();
  const visit = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const next of staticImports(path)) visit(next);
  };
  visit(file);
  return seen;
}

function outputs(): string[] {
  return readdirSync(core, { recursive: true })
    .map((name) => join(core, String(name)))
    .filter((path) => path.endsWith('.js'));
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'boto-ts-bundle-'));
  core = join(out, 'core');
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'scripts/build/bundle-dist.mjs'), '--only=core', `--out=${out}`],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`bundle-dist failed:\n${result.stderr}${result.stdout}`);
}, 150_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('core built by bundle-dist', () => {
  it('loads its ./client entry and one chunk when a client is imported', () => {
    const files = closure(join(core, 'client-api.js'));
    expect([...files].map((path) => basename(path))).toHaveLength(2);
  });

  it("loads the pipeline entry and one chunk more on a client's first call", () => {
    const client = closure(join(core, 'client-api.js'));
    const pipelines = [...client]
      .flatMap(dynamicImports)
      .filter((path) => basename(path).startsWith('pipeline-'));
    expect(pipelines).toHaveLength(1);
    const added = [...closure(pipelines[0] as string)].filter((path) => !client.has(path));
    expect(added).toHaveLength(2);
  });

  it('defines ServiceClient once, for both entry points', () => {
    const defining = outputs().filter((path) => /\bServiceClient = class\b/.test(readFileSync(path, 'utf8')));
    expect(defining).toHaveLength(1);
    expect(closure(join(core, 'index.js')).has(defining[0] as string)).toBe(true);
    expect(closure(join(core, 'client-api.js')).has(defining[0] as string)).toBe(true);
  });

  it('writes no bare imports that only order chunks', () => {
    for (const path of outputs()) expect(readFileSync(path, 'utf8'), path).not.toMatch(/^import "\./m);
  });
});
