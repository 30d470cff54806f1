// The folder every measured process runs in, laid out like a user's app: the workload scripts beside a
// node_modules holding a snapshot of our built packages (package.json + dist/, as npm would install
// them, so a rebuild of the workspace during a run cannot change what is measured) and links to the
// installed peers (@aws-sdk/client-ec2, aws4, smithy) and to our packages' own dependencies.

import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { appDir, repoRoot, workloadsSource } from './paths.js';

/** Peer packages the workloads import, linked from the root node_modules. */
const PEER_PACKAGES = [
  '@aws-sdk/client-ec2',
  '@smithy/signature-v4',
  '@smithy/protocol-http',
  '@smithy/hash-node',
  'aws4',
];

/** Our packages, copied from packages/<folder>. */
export const OUR_PACKAGES: Readonly<Record<string, string>> = {
  '@boto-ts/sigv4': 'sigv4',
  '@boto-ts/core': 'core',
  '@boto-ts/client-ec2': 'client-ec2',
};

interface PackageJson {
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

function link(name: string, target: string): void {
  const at = join(appDir, 'node_modules', name);
  if (existsSync(at)) return;
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

/** package.json and dist/ (without tests and build info), as the published package has them. */
function copyPackage(name: string, folder: string): void {
  const from = join(repoRoot, 'packages', folder);
  const to = join(appDir, 'node_modules', name);
  mkdirSync(to, { recursive: true });
  cpSync(join(from, 'package.json'), join(to, 'package.json'));
  if (existsSync(join(from, 'dist'))) {
    cpSync(join(from, 'dist'), join(to, 'dist'), {
      recursive: true,
      filter: (path) => !/\.test\.|\.tsbuildinfo$/.test(path),
    });
  }
  // Its registry dependencies (and optional peers it loads lazily), from its own node_modules.
  const pkg = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as PackageJson;
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
    const installed = join(from, 'node_modules', dep);
    if (!(dep in OUR_PACKAGES) && existsSync(installed)) link(dep, realpathSync(installed));
  }
}

/** (Re)creates the app folder and returns its path. */
export function prepareAppDir(): string {
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  cpSync(workloadsSource, appDir, { recursive: true });
  for (const [name, folder] of Object.entries(OUR_PACKAGES)) copyPackage(name, folder);
  for (const name of PEER_PACKAGES) {
    const installed = join(repoRoot, 'node_modules', name);
    if (existsSync(installed)) link(name, realpathSync(installed));
  }
  return appDir;
}
