// The folder every measured process runs in, laid out like a user's app: the workload scripts beside a
// node_modules whose entries link to the workspace's packages (@boto-ts/* -> packages/*, their dist/
// via the default export condition) and to the installed peers (@aws-sdk/client-ec2, aws4, smithy).

import { cpSync, existsSync, mkdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
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

/** Our packages, linked from packages/<folder>. */
export const OUR_PACKAGES: Readonly<Record<string, string>> = {
  '@boto-ts/sigv4': 'sigv4',
  '@boto-ts/core': 'core',
  '@boto-ts/client-ec2': 'client-ec2',
};

function link(name: string, target: string): void {
  const at = join(appDir, 'node_modules', name);
  mkdirSync(dirname(at), { recursive: true });
  symlinkSync(target, at, 'dir');
}

/** (Re)creates the app folder and returns its path. */
export function prepareAppDir(): string {
  rmSync(appDir, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  cpSync(workloadsSource, appDir, { recursive: true });
  for (const name of PEER_PACKAGES) {
    const installed = join(repoRoot, 'node_modules', name);
    if (existsSync(installed)) link(name, realpathSync(installed));
  }
  for (const [name, folder] of Object.entries(OUR_PACKAGES)) link(name, join(repoRoot, 'packages', folder));
  return appDir;
}
