// Runs the benchmark server in a process of its own, so its CPU is never counted against a client:
// `startServerProcess(counts)` forks server-main.ts and waits for the endpoints it reports over IPC.

import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ServerProcess {
  readonly endpoints: ReadonlyMap<number, string>;
  readonly pid: number;
  stop(): Promise<void>;
}

export interface ReadyMessage {
  readonly ready: Array<[number, string]>;
}

/** Forks the server (with this process's loader flags, so tsx works) and waits for its endpoints. */
export function startServerProcess(describeCounts: readonly number[]): Promise<ServerProcess> {
  const child: ChildProcess = fork(
    fileURLToPath(new URL('./server-main.ts', import.meta.url)),
    [describeCounts.join(',')],
    {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    },
  );
  return new Promise((resolveServer, reject) => {
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the benchmark server did not start within 60 s'));
    }, 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the benchmark server exited early (code ${code})`));
    });
    child.once('message', (message: ReadyMessage) => {
      clearTimeout(timer);
      resolveServer({
        endpoints: new Map(message.ready),
        pid: child.pid!,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.disconnect();
          }),
      });
    });
  });
}
