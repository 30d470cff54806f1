// Where the benchmark reads and writes: the repository, its scratch folder (bench/.work, ignored by
// git) and the published results (bench/).

import { join } from 'node:path';
import { repoRoot } from '../lib/repo-data.js';

export { repoRoot };
export const benchOutDir = join(repoRoot, 'bench');
export const workDir = join(repoRoot, 'bench', '.work');
export const workloadsSource = join(repoRoot, 'scripts', 'bench', 'workloads');
/** The app folder the measured processes run in (workloads + node_modules links). */
export const appDir = join(workDir, 'app');
export const bundlesDir = join(workDir, 'bundles');
