#!/usr/bin/env node
// The JavaScript half of `pnpm build` (tsc --build writes the .d.ts files): esbuild bundles each
// package's entry points (the `exports` map's targets and `bin`) from src/ into dist/ as ES modules,
// with code splitting, so code loaded lazily (the request pipeline, the credential chain, the schema
// text) stays in chunks of its own. A process then opens a handful of files instead of a hundred,
// which is most of a cold start. Other packages (ours and the registry's) and node: builtins stay
// imports; nothing is minified, so dist/ still reads like the source. Stale .js files are removed.
//
// A package may name a kernel entry (core: the `./client` subpath generated clients import). Every
// module that entry loads statically is first bundled into one module, which the package's build then
// uses in their place, so esbuild keeps it whole in one chunk: importing a client opens two files of
// core instead of one per combination of entry points that happens to share each module.

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

/** Kernel entries by package name (see the header). */
const KERNELS = { '@boto-ts/core': 'src/client-api.ts' };

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  logLevel: 'warning',
};

/** The source files `entry` loads through static imports (dynamic imports not followed). */
async function staticClosure(dir, entry) {
  const { metafile } = await build({
    ...common,
    absWorkingDir: dir,
    entryPoints: [entry],
    write: false,
    metafile: true,
  });
  const closure = new Set();
  const visit = (path) => {
    if (closure.has(path) || metafile.inputs[path] === undefined) return;
    closure.add(path);
    for (const dependency of metafile.inputs[path].imports)
      if (dependency.kind === 'import-statement' && !dependency.external) visit(dependency.path);
  };
  visit(entry);
  return new Set([...closure].map((path) => join(dir, path)));
}

/**
 * A plugin that replaces every module of the kernel entry's static closure (but the entry itself) with
 * one module bundling them all (`export *` of each); their dynamic imports stay imports of the sources.
 */
async function kernelPlugin(dir, entry) {
  const members = await staticClosure(dir, entry);
  members.delete(join(dir, entry));
  const result = await build({
    ...common,
    absWorkingDir: dir,
    stdin: {
      contents: [...members].map((path) => `export * from ${JSON.stringify(path)};`).join('\n'),
      resolveDir: dir,
      sourcefile: 'kernel.js',
    },
    write: false,
    plugins: [
      {
        name: 'keep-dynamic-imports',
        setup(on) {
          on.onResolve({ filter: /.*/ }, async (args) => {
            if (args.kind !== 'dynamic-import' || args.pluginData?.inner) return undefined;
            const resolved = await on.resolve(args.path, {
              kind: args.kind,
              importer: args.importer,
              resolveDir: args.resolveDir,
              pluginData: { inner: true },
            });
            return resolved.external ? resolved : { path: resolved.path, external: true };
          });
        },
      },
    ],
  });
  const code = result.outputFiles[0].text;
  return {
    name: 'kernel',
    setup(on) {
      on.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.inner) return undefined;
        const resolved = await on.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: { inner: true },
        });
        return members.has(resolved.path) ? { path: 'kernel.js', namespace: 'kernel' } : resolved;
      });
      on.onLoad({ filter: /.*/, namespace: 'kernel' }, () => ({
        contents: code,
        loader: 'js',
        resolveDir: dir,
      }));
    },
  };
}

async function bundlePackage(folder) {
  const dir = join(root, 'packages', folder);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entries = entryPoints(pkg);
  if (entries.length === 0) return;
  const kernel = KERNELS[pkg.name];
  const result = await build({
    ...common,
    absWorkingDir: dir,
    entryPoints: entries,
    outdir: 'dist',
    outbase: 'src',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    metafile: true,
    plugins: kernel ? [await kernelPlugin(dir, kernel)] : [],
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
