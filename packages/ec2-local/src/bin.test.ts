// The `ec2-local` command: prints the endpoint and credentials, serves, and exits 0 on SIGINT.

import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('ec2-local command', () => {
  it('starts on the given port, prints how to connect, and stops cleanly on SIGINT', async () => {
    const bin = fileURLToPath(new URL('./bin.ts', import.meta.url));
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', bin, '--port', '0', '--delays', 'instant', '--quiet'],
      {
        cwd: fileURLToPath(new URL('../../..', import.meta.url)),
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const endpoint = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up line: ${output}`)), 30_000);
        child.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
          if (match && output.includes('Ctrl-C')) {
            clearTimeout(timer);
            resolve(match[1]!);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => {
          output += chunk.toString();
        });
      });
      expect(output).toContain('export AWS_ACCESS_KEY_ID=AKIAEC2LOCALEXAMPLE1');
      expect(output).toContain(`export AWS_ENDPOINT_URL_EC2=${endpoint}`);
      const health = (await (await fetch(`${endpoint}/_ec2-local/health`)).json()) as { ok: boolean };
      expect(health.ok).toBe(true);
      child.kill('SIGINT');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
