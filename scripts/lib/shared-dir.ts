// Where the read-only shared data lives (models, conformance suites), and what to do when it is absent:
// skip with a clear message on a developer machine, fail under CI=true.

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is scripts/lib/shared-dir.ts). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** `BOTO_TS_SHARED` if set, else `../shared` beside the repository. */
export const sharedDir = resolve(process.env.BOTO_TS_SHARED ?? join(repoRoot, '..', 'shared'));

export const isCI = process.env.CI === 'true' || process.env.CI === '1';

/** Path of a file or folder under the shared directory. */
export function sharedPath(...parts: string[]): string {
  return join(sharedDir, ...parts);
}

/**
 * True when `sharedPath(...parts)` exists. When it does not: throws under CI (a missing input is a
 * failure there), otherwise prints why the dependent tests are skipped and returns false.
 */
export function hasShared(...parts: string[]): boolean {
  const path = sharedPath(...parts);
  if (existsSync(path)) return true;
  const message = `shared data not found at ${path} (set BOTO_TS_SHARED to its folder)`;
  if (isCI) throw new Error(`${message}; CI requires it`);
  console.warn(`skipping: ${message}`);
  return false;
}
