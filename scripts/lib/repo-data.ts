// Where the repository's data lives: the facts-only service models (models/) and conformance vectors
// (fixtures/conformance/), both imported from upstream by `pnpm models:import` / `pnpm
// conformance:import` and read by the generator, the conformance runner and the tests.

import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/lib/repo-data.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const modelsDir = join(repoRoot, 'models');
export const conformanceDir = join(repoRoot, 'fixtures', 'conformance');

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

/** A path under models/ (`modelPath('ec2', '2016-11-15', 'service-2.json')`). */
export function modelPath(...parts: string[]): string {
  return join(modelsDir, ...parts);
}

/** A path under fixtures/conformance/. */
export function conformancePath(...parts: string[]): string {
  return join(conformanceDir, ...parts);
}

/** Parses a JSON file under models/ (`readModelJson('ec2/2016-11-15/service-2.json')`). */
export function readModelJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(modelsDir, relativePath), 'utf8')) as T;
}

/** Parses a JSON file under fixtures/conformance/. */
export function readConformanceJson<T>(relativePath: string): T {
  return JSON.parse(readFileSync(join(conformanceDir, relativePath), 'utf8')) as T;
}
