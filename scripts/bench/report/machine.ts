// The facts that make a results table reproducible: machine, runtimes, package versions, commit.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, cpus, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../paths.js';

export interface MachineInfo {
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGb: number;
  readonly os: string;
  readonly node: string;
  readonly python: string | undefined;
  readonly commit: string | undefined;
  readonly versions: Readonly<Record<string, string>>;
}

function installedVersion(name: string, from = repoRoot): string | undefined {
  const file = join(from, 'node_modules', name, 'package.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    : undefined;
}

function commandOutput(command: string, args: string[]): string | undefined {
  const result = spawnSync(command, args, { encoding: 'utf8', cwd: repoRoot, timeout: 20_000 });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export function machineInfo(): MachineInfo {
  const versions: Record<string, string> = {};
  for (const folder of ['sigv4', 'core', 'client-ec2']) {
    const pkg = JSON.parse(readFileSync(join(repoRoot, 'packages', folder, 'package.json'), 'utf8'));
    versions[pkg.name] = `${pkg.version} (workspace)`;
  }
  for (const name of ['@aws-sdk/client-ec2', '@smithy/signature-v4', 'aws4', 'esbuild']) {
    const version = installedVersion(name);
    if (version) versions[name] = version;
  }
  const boto = commandOutput('python3', [
    '-c',
    'import boto3, botocore; print(boto3.__version__, botocore.__version__)',
  ]);
  if (boto) {
    const [boto3, botocore] = boto.split(' ');
    versions.boto3 = boto3!;
    versions.botocore = botocore!;
  }
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    python: commandOutput('python3', ['--version'])?.replace('Python ', ''),
    commit: commandOutput('git', ['rev-parse', '--short', 'HEAD']),
    versions,
  };
}
