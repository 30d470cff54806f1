// Off EC2, instance metadata must not slow start-up: with the IMDS endpoint on a loopback server that
// accepts connections and never answers, and no other source, the chain gives up within 1.2 s (one
// 1 s timeout), and a second Session in the same process does not wait again. The issue asks for this
// bound explicitly; it is the one timed assertion here, with the margin it allows.

import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../credentials/test-support/session-world.js';
import { CredentialsError } from '../errors/errors.js';

let server: Server;
let endpoint: string;
let connections = 0;
const sockets = new Set<Socket>();
let world: World;

beforeAll(async () => {
  world = createWorld();
  server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    // Accept, read nothing, answer nothing.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  world.remove();
});

async function timedGetCredentials(): Promise<{ ms: number; error: unknown }> {
  const session = world.session({
    env: { AWS_EC2_METADATA_DISABLED: undefined, AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint },
  });
  const started = performance.now();
  const error = await session.getCredentials().catch((e: unknown) => e);
  return { ms: performance.now() - started, error };
}

describe('off EC2', () => {
  it('gives up on a silent IMDS within 1.2 s, once per process', async () => {
    const first = await timedGetCredentials();
    expect(first.error).toBeInstanceOf(CredentialsError);
    expect((first.error as CredentialsError).tried.at(-1)).toEqual({
      source: 'imds',
      reason: expect.stringContaining(`no instance metadata service at ${endpoint}`),
    });
    expect(first.ms).toBeLessThanOrEqual(1200);
    expect(connections).toBe(1);

    const second = await timedGetCredentials();
    expect(second.error).toBeInstanceOf(CredentialsError);
    expect((second.error as CredentialsError).tried.at(-1)?.reason).toMatch(
      /found earlier in this process; not asked again/,
    );
    expect(second.ms).toBeLessThan(200);
    expect(connections).toBe(1);
    console.log(
      `off-EC2: first chain gave up after ${first.ms.toFixed(0)} ms; a second Session after ${second.ms.toFixed(1)} ms`,
    );
  });
});
