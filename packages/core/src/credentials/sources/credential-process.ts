// `credential_process`: runs the profile's command (no shell) and reads its JSON (`Version: 1`,
// AccessKeyId, SecretAccessKey, SessionToken?, Expiration?, AccountId?). Failures name the program,
// its exit code and a trimmed, redacted stderr; stdout, which may hold credentials, is never quoted.

import { basename } from 'node:path';
import type { Profile } from '../../config/shared-config.js';
import { CredentialsError } from '../../errors/errors.js';
import type { CredentialEffects } from '../effects.js';
import { checkCredentials } from '../normalize.js';
import { type CredentialSource, type SourceOutcome, skip } from '../source.js';
import { splitCommandLine } from './command-line.js';

const STDERR_LIMIT = 500;

/** The last words of stderr, one line, with long key-like runs (possible secrets) masked. */
export function trimStderr(stderr: string): string {
  const masked = stderr
    .replace(/[A-Za-z0-9/+=]{32,}/g, '***')
    .replace(/\s+/g, ' ')
    .trim();
  return masked.length > STDERR_LIMIT ? `...${masked.slice(-STDERR_LIMIT)}` : masked;
}

export async function runCredentialProcess(
  profile: Profile,
  command: string,
  effects: CredentialEffects,
  timeoutMs: number,
): Promise<SourceOutcome> {
  const argv = splitCommandLine(command);
  const program = basename(argv[0] ?? '');
  const what = `credential_process of profile "${profile.name}" (${program || 'empty command'})`;
  if (argv.length === 0) {
    throw new CredentialsError(`${what} is empty.`, { code: 'CredentialProcessError' });
  }
  let result: Awaited<ReturnType<CredentialEffects['runProcess']>>;
  try {
    result = await effects.runProcess(argv, { timeoutMs, env: effects.env });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CredentialsError(`${what} could not start (${code ?? 'error'}); check the path.`, {
      code: 'CredentialProcessError',
      cause: error,
    });
  }
  const stderr = trimStderr(result.stderr);
  const tail = stderr ? `; stderr: ${stderr}` : '; stderr was empty';
  if (result.timedOut) {
    throw new CredentialsError(`${what} did not finish within ${timeoutMs} ms and was stopped${tail}`, {
      code: 'CredentialProcessTimeout',
    });
  }
  if (result.exitCode !== 0) {
    throw new CredentialsError(
      `${what} exited with code ${result.exitCode ?? 'none (killed by a signal)'}${tail}`,
      { code: 'CredentialProcessError' },
    );
  }
  let document: unknown;
  try {
    document = JSON.parse(result.stdout);
  } catch {
    throw new CredentialsError(
      `${what} exited with code 0 but printed ${result.stdout.length} bytes that are not JSON${tail}`,
      { code: 'CredentialProcessError' },
    );
  }
  const record = (typeof document === 'object' && document !== null ? document : {}) as Record<
    string,
    unknown
  >;
  if (record.Version !== 1) {
    throw new CredentialsError(
      `${what} printed JSON with Version ${JSON.stringify(record.Version ?? null)}; only Version 1 is understood.`,
      { code: 'CredentialProcessError' },
    );
  }
  return checkCredentials(
    {
      accessKeyId: record.AccessKeyId,
      secretAccessKey: record.SecretAccessKey,
      sessionToken: record.SessionToken,
      expiration: record.Expiration,
      accountId: record.AccountId,
    },
    what,
  );
}

export function credentialProcessSource(
  profile: () => Profile,
  effects: CredentialEffects,
  timeoutMs: number,
): CredentialSource {
  return {
    name: 'credential-process',
    async load() {
      const selected = profile();
      const command = selected.get('credential_process');
      if (!command) return skip(`no credential_process in profile "${selected.name}"`);
      return runCredentialProcess(selected, command, effects, timeoutMs);
    },
  };
}
