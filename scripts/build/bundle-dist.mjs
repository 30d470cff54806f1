#!/usr/bin/env node
// The JavaScript half of `pnpm build` (tsc --build writes the .d.ts files): esbuild bundles each
// package's entry points (the `exports` map's targets and `bin`) from src/ into dist/ as ES modules,
// with code splitting, so code loaded lazily (the request pipeline, the credential chain, the schema
// text) stays in chunks of its own. A process then opens a handful of files instead of a hundred,
// which is most of a cold start. Other packages (ours and the registry's) and node: builtins stay
// imports; nothing is minified, so dist/ still reads like the source. Stale .js files are removed.

import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** `./dist/a/b.js` (an exports or bin target) -> `src/a/b.ts`. */
function sourceOf(target) {
  const match = /^\.\/dist\/(.+)\.js$/.exec(target);
  if (!match) throw new Error(`bundle-dist: ${target} is not a ./dist/*.js target`);
  return `src/${match[1]}.ts`;
}

/** Every JavaScript entry point a package declares. */
function entryPoints(pkg) {
  const targets = new Set();
  const visit = (value) => {
    if (typeof value === 'string') {
      if (value.startsWith('./dist/') && value.endsWith('.js')) targets.add(value);
    } else if (value !== null && typeof value === 'object') {
      for (const [condition, nested] of Object.entries(value)) if (condition !== 'types') visit(nested);
    }
  };
  visit(pkg.exports);
  visit(pkg.bin);
  return [...targets].map(sourceOf);
}

function jsFilesUnder(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => path.endsWith('.js') && statSync(path).isFile());
}

async function bundlePackage(folder) {
  const dir = join(root, 'packages', folder);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entries = entryPoints(pkg);
  if (entries.length === 0) return;
  const result = await build({
    absWorkingDir: dir,
    entryPoints: entries,
    outdir: 'dist',
    outbase: 'src',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    packages: 'external',
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    logLevel: 'warning',
  });
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => join(dir, path)));
  let removed = 0;
  for (const path of jsFilesUnder(join(dir, 'dist'))) {
    if (!written.has(path)) {
      rmSync(path);
      removed++;
    }
  }
  console.log(
    `bundle-dist: ${pkg.name}: ${entries.length} entries -> ${written.size} files in ${relative(root, join(dir, 'dist'))}` +
      (removed > 0 ? ` (${removed} stale .js removed)` : ''),
  );
}

for (const folder of readdirSync(join(root, 'packages')).sort()) {
  if (existsSync(join(root, 'packages', folder, 'package.json'))) await bundlePackage(folder);
}
