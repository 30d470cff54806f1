#!/usr/bin/env node
// The JavaScript half of `pnpm build` (tsc --build writes the .d.ts files): esbuild bundles each
// package's entry points (the `exports` map's targets and `bin`) from src/ into dist/ as ES modules,
// with code splitting, so code loaded lazily (the request pipeline, the credential chain, the schema
// text) stays in chunks of its own. A process then opens a handful of files instead of a hundred,
// which is most of a cold start. Other packages (ours and the registry's) and node: builtins stay
// imports; nothing is minified, so dist/ still reads like the source. Stale .js files are removed.
//
// A package may declare layers (core: what importing a client loads, then what its first call loads).
// The modules of each layer are first bundled into one module, which the package's build then uses in
// their place, so esbuild keeps each layer whole in one chunk: importing a client opens two files of
// core, and its first call one more, instead of one per combination of entry points that happens to
// share each module.

import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

/**
 * Layers by package name (see the header), in load order. A layer is the static closure of its
 * sources, less the modules of the layers before it; `ownSources: false` leaves the sources out (an
 * entry point that only re-exports the layer).
 */
const LAYERS = {
  '@boto-ts/core': [
    // What `import { EC2Client } from '@boto-ts/client-ec2'` loads: ServiceClient, errors, schema format.
    { sources: ['src/client-api.ts'], ownSources: false },
    // What a client's first call loads: settings, endpoints, transport, retries, signing.
    { sources: ['src/client/pipeline.ts'], ownSources: false },
    // Then its protocol's module (one per protocol): serializer, decoder, error parser.
    { sources: ['src/protocols/query.ts'], ownSources: false },
  ],
};

const common = {
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.19',
  packages: 'external',
  logLevel: 'warning',
};

/** The source files `sources` load through static imports (dynamic imports not followed). */
async function staticClosure(dir, sources) {
  const { metafile } = await build({
    ...common,
    absWorkingDir: dir,
    entryPoints: sources,
    outdir: 'unused',
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
  for (const source of sources) visit(source);
  return new Set([...closure].map((path) => join(dir, path)));
}

/** Resolves an import as esbuild would, from inside a plugin's onResolve. */
function resolveAsUsual(on, args) {
  return on.resolve(args.path, {
    kind: args.kind,
    importer: args.importer,
    resolveDir: args.resolveDir,
    pluginData: { inner: true },
  });
}

/**
 * A plugin that replaces the modules of each layer with one module per layer (`export *` of each
 * member, bundled): imports between layers stay imports, and so do dynamic imports.
 */
async function layersPlugin(dir, layers) {
  const members = [];
  for (const layer of layers) {
    const closure = await staticClosure(dir, layer.sources);
    for (const earlier of members) for (const path of earlier) closure.delete(path);
    if (!layer.ownSources) for (const source of layer.sources) closure.delete(join(dir, source));
    members.push(closure);
  }
  const layerOf = (path) => members.findIndex((set) => set.has(path));
  const codes = [];
  for (const [index, set] of members.entries()) {
    const result = await build({
      ...common,
      absWorkingDir: dir,
      stdin: {
        contents: [...set].map((path) => `export * from ${JSON.stringify(path)};`).join('\n'),
        resolveDir: dir,
        sourcefile: `layer-${index}.js`,
      },
      write: false,
      plugins: [
        {
          name: 'layer-boundaries',
          setup(on) {
            on.onResolve({ filter: /^[./]/ }, async (args) => {
              if (args.pluginData?.inner || args.kind === 'entry-point') return undefined;
              const resolved = await resolveAsUsual(on, args);
              if (resolved.external) return resolved;
              const owner = layerOf(resolved.path);
              if (args.kind === 'dynamic-import') return { path: resolved.path, external: true };
              if (owner >= 0 && owner < index) return { path: `layer:${owner}`, external: true };
              return resolved;
            });
          },
        },
      ],
    });
    codes.push(result.outputFiles[0].text);
  }
  return {
    name: 'layers',
    setup(on) {
      on.onResolve({ filter: /^layer:/ }, (args) => ({ path: args.path, namespace: 'layer' }));
      on.onResolve({ filter: /^[./]/ }, async (args) => {
        if (args.pluginData?.inner || args.kind === 'entry-point') return undefined;
        const resolved = await resolveAsUsual(on, args);
        const owner = layerOf(resolved.path);
        return owner >= 0 ? { path: `layer:${owner}`, namespace: 'layer' } : resolved;
      });
      on.onLoad({ filter: /.*/, namespace: 'layer' }, (args) => ({
        contents: codes[Number(args.path.slice('layer:'.length))],
        loader: 'js',
        resolveDir: dir,
      }));
    },
  };
}

/**
 * Removes the `import "./chunk.js";` lines esbuild writes only to keep chunks evaluating in source
 * order. A package that declares `"sideEffects": false` says that order does not matter, and a
 * bundler that reads the declaration warns about each such line (`Ignoring this import ...`).
 */
function dropOrderingImports(path) {
  const code = readFileSync(path, 'utf8');
  const kept = code.replace(/^import "\.{1,2}\/[^"]+\.js";\n/gm, '');
  if (kept !== code) writeFileSync(path, kept);
}

/** Removes folders left empty under `dir` (where an earlier layout kept files). */
function removeEmptyFolders(dir) {
  const folders = readdirSync(dir, { recursive: true })
    .map((name) => join(dir, String(name)))
    .filter((path) => statSync(path).isDirectory())
    .sort((a, b) => b.length - a.length);
  for (const folder of folders) if (readdirSync(folder).length === 0) rmdirSync(folder);
}

/** Bundles packages/<folder> into `outdir` (its dist/ by default). */
async function bundlePackage(folder, outdir = join(root, 'packages', folder, 'dist')) {
  const dir = join(root, 'packages', folder);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const entries = entryPoints(pkg);
  if (entries.length === 0) return;
  const layers = LAYERS[pkg.name];
  const result = await build({
    ...common,
    absWorkingDir: dir,
    entryPoints: entries,
    outdir,
    outbase: 'src',
    splitting: true,
    // Chunks beside the entries, not in a folder of their own: Node looks for a package.json in every
    // folder between a module and its package root on each load, and that path work (fileURLToPath
    // and friends) is enough to get Node's own loader functions optimized during a short run, which
    // maps several MB more of the node binary (peak RSS of a cold call 53 MB -> 49 MB).
    chunkNames: '[name]-[hash]',
    metafile: true,
    plugins: layers ? [await layersPlugin(dir, layers)] : [],
  });
  const written = new Set(Object.keys(result.metafile.outputs).map((path) => join(dir, path)));
  if (pkg.sideEffects === false) for (const path of written) dropOrderingImports(path);
  let removed = 0;
  for (const path of jsFilesUnder(outdir)) {
    if (!written.has(path)) {
      rmSync(path);
      removed++;
    }
  }
  removeEmptyFolders(outdir);
  console.log(
    `bundle-dist: ${pkg.name}: ${entries.length} entries -> ${written.size} files in ${relative(root, outdir)}` +
      (removed > 0 ? ` (${removed} stale .js removed)` : ''),
  );
}

// `--only=core,sigv4` bundles those package folders; `--out=<dir>` writes <dir>/<folder> instead of
// each package's dist/ (the build's tests look at the output there).
const option = (name) => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const only = option('only')?.split(',');
const out = option('out');
for (const folder of readdirSync(join(root, 'packages')).sort()) {
  if (only !== undefined && !only.includes(folder)) continue;
  if (existsSync(join(root, 'packages', folder, 'package.json')))
    await bundlePackage(folder, out === undefined ? undefined : resolve(out, folder));
}
