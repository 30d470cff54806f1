import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsError } from '../../errors/errors.js';
import { expectNoSecrets, SECRET } from '../test-support/loopback.js';
import { createWorld, type World } from '../test-support/session-world.js';
import { splitCommandLine } from './command-line.js';
import { trimStderr } from './credential-process.js';

let world: World;
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.remove());

/** A profile whose credential_process runs `script` with node. */
function sessionRunning(script: string, options: { timeoutMs?: number } = {}) {
  const file = world.home.write(`process-${Math.random().toString(36).slice(2)}.cjs`, script);
  return world.session({
    profile: 'proc',
    config: `[profile proc]\ncredential_process = '${process.execPath}' '${file}' --flag "two words"\n`,
    credentialProcessTimeoutMs: options.timeoutMs,
  });
}

const goodOutput = (extra: Record<string, unknown> = {}) =>
  `process.stdout.write(JSON.stringify(${JSON.stringify({ Version: 1, AccessKeyId: 'ASIAPROCESS', SecretAccessKey: SECRET.key, SessionToken: SECRET.token, ...extra })}))`;

describe('credential_process', () => {
  it('runs the command without a shell and reads Version 1 JSON with Expiration and AccountId', async () => {
    const session = sessionRunning(
      `if (process.argv[2] !== '--flag' || process.argv[3] !== 'two words') process.exit(9);\n${goodOutput({ Expiration: '2031-02-03T04:05:06Z', AccountId: '123456789012' })}`,
    );
    expect(await session.getCredentials()).toEqual({
      accessKeyId: 'ASIAPROCESS',
      secretAccessKey: SECRET.key,
      sessionToken: SECRET.token,
      expiration: new Date('2031-02-03T04:05:06Z'),
      accountId: '123456789012',
    });
  });

  it('reports a non-zero exit with its code and trimmed stderr, never what stdout held', async () => {
    const session = sessionRunning(
      `${goodOutput()};\nprocess.stderr.write('  token expired,\\n   please log in  \\n');\nprocess.exitCode = 3;`,
    );
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).message).toContain(
      'exited with code 3; stderr: token expired, please log in',
    );
    expect((error as CredentialsError).tried.map((t) => t.source)).toContain('credential-process');
    expectNoSecrets([SECRET.key, SECRET.token], error);
  });

  it('stops a command that hangs and says so', async () => {
    const session = sessionRunning(
      `process.stderr.write('waiting for a browser');\nsetInterval(() => {}, 1000);`,
      { timeoutMs: 300 },
    );
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect((error as CredentialsError).code).toBe('CredentialProcessTimeout');
    expect((error as Error).message).toMatch(
      /did not finish within 300 ms and was stopped; stderr: waiting for a browser/,
    );
  });

  it('rejects output that is not JSON without quoting it', async () => {
    const session = sessionRunning(`process.stdout.write('AccessKeyId=${SECRET.key}');`);
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/exited with code 0 but printed \d+ bytes that are not JSON/);
    expectNoSecrets([SECRET.key], error);
  });

  it('rejects an unknown Version and missing fields by name', async () => {
    const v2 = sessionRunning(goodOutput({ Version: 2 }));
    await expect(v2.getCredentials()).rejects.toThrow(/Version 2; only Version 1/);
    const missing = sessionRunning(`process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'A' }))`);
    const error = await missing.getCredentials().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/secretAccessKey is missing/);
  });

  it('says when the program cannot start', async () => {
    const session = world.session({
      profile: 'p',
      config: '[profile p]\ncredential_process = /nonexistent/bin/creds --x\n',
    });
    await expect(session.getCredentials()).rejects.toThrow(/\(creds\) could not start \(ENOENT\)/);
  });

  it('splits command lines as a POSIX shell tokenizes them', () => {
    expect(splitCommandLine(`a 'b c' "d \\"e\\"" f\\ g  ''`)).toEqual(['a', 'b c', 'd "e"', 'f g', '']);
    expect(() => splitCommandLine('a "b')).toThrow(/unterminated " quote/);
  });

  it('masks long key-like runs in stderr and keeps its end', () => {
    expect(trimStderr(`failed with ${SECRET.key} here`)).toBe('failed with *** here');
    const long = trimStderr('x '.repeat(1000) + 'the end');
    expect(long.length).toBeLessThanOrEqual(503);
    expect(long.endsWith('the end')).toBe(true);
  });
});
