// Which subjects can run here, and why not when they cannot: boto-ts (built, and able to make a call),
// the v3 SDK and aws4 (root devDependencies), boto3 (python3 with boto3), and how process cost is
// measured (python3's wait4, else wall time only).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { benchEnv, type CostMeter, failureText, runChild } from './child.js';
import { repoRoot } from './paths.js';
import type { Subject } from './report/rows.js';

export interface SubjectStatus {
  readonly available: boolean;
  /** Why it is not available, for the table's footnote. */
  readonly reason?: string;
}

export interface Availability {
  readonly subjects: Readonly<Record<Subject, SubjectStatus>>;
  readonly meter: CostMeter;
}

function python(code: string): boolean {
  const probe = spawnSync('python3', ['-c', code], { stdio: 'ignore', timeout: 30_000, env: benchEnv() });
  return probe.status === 0;
}

/** Builds the workspace as `pnpm build` does, so the measured dist/ is current; returns an error text or undefined. */
export function buildWorkspace(): string | undefined {
  // The workspace's own build: tsc writes the declarations, then esbuild bundles each package's dist.
  const steps: [string, string[]][] = [
    [join(repoRoot, 'node_modules', '.bin', 'tsc'), ['--build']],
    [process.execPath, [join(repoRoot, 'scripts', 'build', 'bundle-dist.mjs')]],
  ];
  for (const [command, args] of steps) {
    const result = spawnSync(command, args, { cwd: repoRoot, encoding: 'utf8', timeout: 600_000 });
    if (result.status === 0) continue;
    const output = `${result.stdout}${result.stderr}`.trim().split('\n');
    return `build step ${args.join(' ')} failed (${output.length} lines; first: ${output[0] ?? result.error?.message ?? 'no output'})`;
  }
  return undefined;
}

/** Whether @boto-ts/client-ec2 can make a DescribeInstances call against the benchmark server. */
export async function probeBotoTs(appDir: string, endpoint: string): Promise<SubjectStatus> {
  const dist = join(appDir, 'node_modules', '@boto-ts', 'client-ec2', 'dist', 'index.js');
  if (!existsSync(dist))
    return { available: false, reason: 'packages/client-ec2 is not built (no dist/index.js)' };
  const result = await runChild(
    process.execPath,
    ['cold-boto-ts.mjs', JSON.stringify({ endpoint, mode: 'call' })],
    { cwd: appDir, timeoutMs: 60_000 },
  );
  if (result.code === 0 && result.stdout.includes('instances 1')) return { available: true };
  return {
    available: false,
    reason: `@boto-ts/client-ec2 cannot make a call yet: ${failureText(result).slice(0, 200)}`,
  };
}

export async function checkAvailability(
  appDir: string,
  endpoint: string,
  buildError: string | undefined,
): Promise<Availability> {
  const hasPython = python('import sys');
  const boto3 = hasPython && python('import boto3');
  const botoTs: SubjectStatus =
    buildError !== undefined ? { available: false, reason: buildError } : await probeBotoTs(appDir, endpoint);
  return {
    subjects: {
      'boto-ts': botoTs,
      v3: existsSync(join(appDir, 'node_modules', '@aws-sdk', 'client-ec2'))
        ? { available: true }
        : { available: false, reason: '@aws-sdk/client-ec2 is not installed (pnpm install)' },
      boto3: boto3
        ? { available: true }
        : { available: false, reason: 'python3 with boto3 is not installed here' },
      floor: existsSync(join(appDir, 'node_modules', 'aws4'))
        ? { available: true }
        : { available: false, reason: 'aws4 is not installed (pnpm install)' },
    },
    meter: hasPython ? 'wait4' : 'wall-only',
  };
}
