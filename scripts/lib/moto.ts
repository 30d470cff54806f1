// Starts moto's EC2/STS server (`python3 -m moto.server`) on a free loopback port for integration
// tests. Without moto the tests skip with a message, except under CI=true, where it is a failure.

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { isCI } from './repo-data.js';

export interface MotoServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string;
  /** Any key pair works against moto; these are fixed so tests can sign. */
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Clears moto's state (POST /moto-api/reset). */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

let availability: boolean | undefined;

/** Whether `python3 -m moto.server` can run here. Throws under CI when it cannot. */
export function motoAvailable(): boolean {
  if (availability === undefined) {
    const probe = spawnSync('python3', ['-c', 'import moto.server, flask'], {
      stdio: 'ignore',
      timeout: 20_000,
    });
    availability = probe.status === 0;
    if (!availability) {
      const message = 'moto is not installed (python3 -m moto.server); moto integration tests are skipped';
      if (isCI) throw new Error(`${message}, and CI requires moto`);
      console.warn(message);
    }
  }
  return availability;
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto exited early with code ${child.exitCode}`);
    try {
      const response = await fetch(`${endpoint}/moto-api/`, { signal: AbortSignal.timeout(1000) });
      await response.arrayBuffer();
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`moto did not answer on ${endpoint} within ${timeoutMs} ms`);
}

/** Starts a fresh moto server; call `stop()` in afterAll. */
export async function startMoto(options: { timeoutMs?: number } = {}): Promise<MotoServer> {
  const port = await freePort();
  const endpoint = `http://127.0.0.1:${port}`;
  const child = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MOTO_ALLOW_NONEXISTENT_REGION: 'false' },
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  try {
    await waitUntilUp(endpoint, child, options.timeoutMs ?? 20_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    endpoint,
    credentials: {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    },
    async reset() {
      const response = await fetch(`${endpoint}/moto-api/reset`, { method: 'POST' });
      await response.arrayBuffer();
    },
    stop() {
      return new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      });
    },
  };
}
