// esbuild bundles of the workloads (minified, platform node, ESM): the three-operation apps whose size
// is figure b, and the cold-start entries that figure a runs as tree-shaken bundles.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { bundlesDir, repoRoot } from './paths.js';

export interface BundleSpec {
  readonly id: string;
  /** Workload file in the app folder. */
  readonly entry: string;
  /** `module` first shakes the v3 SDK's ES modules; esbuild's node default (`main` first) takes its CommonJS. */
  readonly mainFields?: readonly string[];
}

export type BundleResult =
  | { readonly id: string; readonly path: string; readonly bytes: number; readonly gzipBytes: number }
  | { readonly id: string; readonly error: string };

/** ESM output still meets CommonJS dependencies that call require(): give them one. */
const REQUIRE_SHIM = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";
const ESM_FIRST = ['module', 'main'] as const;

/** Whether @boto-ts/client-ec2 declares its per-operation subpath (`./operations`). */
export function hasOperationsSubpath(): boolean {
  try {
    const pkg = JSON.parse(
      readFileSync(join(repoRoot, 'packages', 'client-ec2', 'package.json'), 'utf8'),
    ) as {
      exports?: Record<string, unknown>;
    };
    return pkg.exports?.['./operations'] !== undefined;
  } catch {
    return false;
  }
}

export function bundleSpecs(withReference: boolean): BundleSpec[] {
  const operations = hasOperationsSubpath();
  const specs: BundleSpec[] = [
    { id: 'cold-boto-ts', entry: operations ? 'cold-boto-ts-operations.mjs' : 'cold-boto-ts.mjs' },
    { id: 'cold-v3', entry: 'cold-v3.mjs', mainFields: ESM_FIRST },
    { id: 'app-boto-ts', entry: operations ? 'app-boto-ts-operations.mjs' : 'app-boto-ts.mjs' },
    { id: 'app-v3', entry: 'app-v3.mjs', mainFields: ESM_FIRST },
  ];
  if (withReference) specs.push({ id: 'app-v3-cjs', entry: 'app-v3.mjs' });
  return specs;
}

export async function buildBundle(appDir: string, spec: BundleSpec): Promise<BundleResult> {
  const path = join(bundlesDir, `${spec.id}.mjs`);
  try {
    await build({
      absWorkingDir: appDir,
      entryPoints: [join(appDir, spec.entry)],
      outfile: path,
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      ...(spec.mainFields ? { mainFields: [...spec.mainFields] } : {}),
      banner: { js: REQUIRE_SHIM },
      logLevel: 'silent',
    });
  } catch (error) {
    return { id: spec.id, error: String(error instanceof Error ? error.message : error).split('\n')[0]! };
  }
  const code = readFileSync(path);
  return { id: spec.id, path, bytes: code.length, gzipBytes: gzipSync(code).length };
}

/** Builds every bundle; a subject whose build fails gets an error entry, the others still build. */
export async function buildBundles(
  appDir: string,
  withReference: boolean,
): Promise<Map<string, BundleResult>> {
  const results = new Map<string, BundleResult>();
  for (const spec of bundleSpecs(withReference)) results.set(spec.id, await buildBundle(appDir, spec));
  return results;
}
