// Child processes for the benchmark: every measured run is a fresh process started with bare Node
// (no tsx loader, no inherited NODE_OPTIONS) or python3, with a clean AWS environment, so no SDK
// reads a config file or an instance-metadata endpoint. Captures output; enforces a time limit.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { workDir } from './paths.js';

export interface ChildResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly wallMs: number;
}

/** The line that says what went wrong (`TypeError: ...`), else the last lines of output. */
export function failureText(result: Pick<ChildResult, 'stdout' | 'stderr'>): string {
  const lines = `${result.stderr}\n${result.stdout}`.split('\n').map((l) => l.trim());
  const errorLine = lines.find(
    (l) => /^(\w*Error\b|Traceback|error:|\w+Exception\b)/.test(l) || /\bError: /.test(l),
  );
  if (errorLine !== undefined) {
    const next = lines[lines.indexOf(errorLine) + 1];
    return errorLine.startsWith('Traceback')
      ? lines.filter((l) => l !== '').at(-1)!
      : `${errorLine}${next?.startsWith('at ') ? ` (${next})` : ''}`;
  }
  return lines
    .filter((l) => l !== '')
    .slice(-3)
    .join(' / ');
}

export class ChildFailedError extends Error {
  override readonly name = 'ChildFailedError';
  constructor(
    readonly command: string,
    readonly result: ChildResult,
  ) {
    super(
      `${command} exited with ${result.code ?? 'a signal (killed at its time limit?)'}: ${failureText(result)}`,
    );
  }
}

/** The environment every measured child gets: PATH and HOME kept, AWS settings pinned, no loaders. */
export function benchEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const key of ['PATH', 'HOME', 'LANG', 'TMPDIR', 'PYTHONPATH', 'PYENV_VERSION']) {
    if (process.env[key] !== undefined) env[key] = process.env[key];
  }
  const missing = join(workDir, 'no-such-aws-file');
  return {
    ...env,
    AWS_CONFIG_FILE: missing,
    AWS_SHARED_CREDENTIALS_FILE: missing,
    AWS_EC2_METADATA_DISABLED: 'true',
    PYTHONDONTWRITEBYTECODE: '1',
    ...extra,
  };
}

/** Runs `command args` to completion (or kills it after `timeoutMs`), collecting its output. */
export function runChild(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number; env?: NodeJS.ProcessEnv },
): Promise<ChildResult> {
  return new Promise((resolveRun, reject) => {
    const start = performance.now();
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? benchEnv() });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolveRun({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        wallMs: performance.now() - start,
      });
    });
  });
}

/** Runs a child that must succeed and print one JSON line last; returns that JSON. */
export async function runJsonChild<T>(
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number },
): Promise<T> {
  const result = await runChild(command, args, options);
  const label = [command, ...args.slice(0, 1)].join(' ');
  if (result.code !== 0) throw new ChildFailedError(label, result);
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  try {
    return JSON.parse(last) as T;
  } catch (cause) {
    throw new ChildFailedError(`${label} (no JSON result: ${String(cause)})`, result);
  }
}

/** What a whole process cost, as the kernel counted it. */
export interface ProcessCost {
  readonly wallMs: number;
  /** user + system CPU; undefined when no rusage source is available. */
  readonly cpuMs: number | undefined;
  readonly maxRssKb: number | undefined;
  readonly stdout: string;
}

/** How whole-process cost is measured here: python3's wait4 (µs CPU), else wall time only. */
export type CostMeter = 'wait4' | 'wall-only';

/**
 * Runs `command args` and measures it whole: with python3 available, through workloads/rusage.py
 * (fork + exec + wait4: wall, CPU and peak RSS of exactly that process; Python's own start-up is
 * outside the timed span). Otherwise wall time from here, CPU and RSS unknown.
 */
export async function measureProcess(
  meter: CostMeter,
  command: string,
  args: readonly string[],
  options: { cwd: string; timeoutMs?: number },
): Promise<ProcessCost> {
  if (meter === 'wall-only') {
    const result = await runChild(command, args, options);
    if (result.code !== 0) throw new ChildFailedError(command, result);
    return { wallMs: result.wallMs, cpuMs: undefined, maxRssKb: undefined, stdout: result.stdout };
  }
  const dir = mkdtempSync(join(workDir, 'rusage-'));
  const resultFile = join(dir, 'cost.json');
  try {
    const result = await runChild(
      'python3',
      [join(options.cwd, 'rusage.py'), resultFile, command, ...args],
      options,
    );
    const cost = JSON.parse(readFileSync(resultFile, 'utf8')) as {
      wallMs: number;
      cpuMs: number;
      maxRssKb: number;
      exitCode: number;
    };
    if (cost.exitCode !== 0)
      throw new ChildFailedError(`${command} ${args[0] ?? ''}`, { ...result, code: cost.exitCode });
    return { wallMs: cost.wallMs, cpuMs: cost.cpuMs, maxRssKb: cost.maxRssKb, stdout: result.stdout };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
