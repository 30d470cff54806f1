// The effects the credential sources use (environment, clock, sleep, randomness, files, HTTP, child
// processes, logging), gathered in one object with real defaults so tests can pass fakes. The node:
// builtins behind the defaults load on first use (node-builtins.ts).

import type { Logger } from '../client/types.js';
import type { Env } from '../config/paths.js';
import type { Transport } from '../http/types.js';
import { createCredentialHttpTransport } from './http-transport.js';
import { loadChildProcess, loadFsPromises } from './node-builtins.js';

/** What a finished (or killed) child process left behind. */
export interface ProcessResult {
  /** Exit code, or null when the process was killed by a signal. */
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the process was killed because it ran past the timeout. */
  readonly timedOut: boolean;
}

/** Runs `argv` without a shell; never rejects for a failing command, only for one that cannot start. */
export type RunProcess = (
  argv: readonly string[],
  options: { readonly timeoutMs: number; readonly env: Env },
) => Promise<ProcessResult>;

export interface CredentialEffects {
  readonly env: Env;
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** A number in [0, 1), for jitter. */
  readonly random: () => number;
  /** Reads a token or cache file; rejects (ENOENT...) when it cannot. */
  readonly readFile: (path: string) => Promise<string>;
  /** For the instance metadata service, container credentials and the SSO portal. */
  readonly transport: Transport;
  readonly runProcess: RunProcess;
  readonly logger?: Logger | undefined;
}

/** Keeps stdout and stderr bounded: a credential process prints a few hundred bytes. */
const MAX_OUTPUT = 1 << 20;

export const runProcess: RunProcess = async (argv, options) => {
  const [command, ...args] = argv;
  if (!command) throw new Error('empty command');
  const { spawn } = await loadChildProcess();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: { ...options.env } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, stdout, stderr, timedOut });
    });
  });
};

let sharedTransport: Transport | undefined;

/** The real effects; `env` defaults to `process.env`. */
export function defaultCredentialEffects(overrides: Partial<CredentialEffects> = {}): CredentialEffects {
  sharedTransport ??= createCredentialHttpTransport();
  return {
    env: process.env,
    now: Date.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    readFile: async (path) => (await loadFsPromises()).readFile(path, 'utf8'),
    transport: sharedTransport,
    runProcess,
    ...overrides,
  };
}
