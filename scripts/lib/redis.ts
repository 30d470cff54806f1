// Starts a throwaway redis-server (Debian's package) on a free loopback port for the job-queue tests:
// no persistence, stopped in afterAll. Without redis-server the tests skip with a message, except
// under CI=true, where it is a failure (.ci/run installs it).

import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { isCI } from './repo-data.js';

export interface RedisServer {
  readonly host: string;
  readonly port: number;
  stop(): Promise<void>;
}

let availability: boolean | undefined;

/** Whether redis-server can run here. Throws under CI when it cannot. */
export function redisAvailable(): boolean {
  if (availability === undefined) {
    availability =
      spawnSync('redis-server', ['--version'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
    if (!availability) {
      const message =
        'redis-server is not installed (apt-get install redis-server); the job-queue tests are skipped';
      if (isCI) throw new Error(`${message}, and CI requires it`);
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

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
    socket.once('error', () => resolve(false));
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}

export async function startRedis(options: { timeoutMs?: number } = {}): Promise<RedisServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  while (!(await ping(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on 127.0.0.1:${port}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    host: '127.0.0.1',
    port,
    stop: () =>
      new Promise((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 2000).unref();
      }),
  };
}
