import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { NetworkError, TimeoutError } from '../errors/errors.js';
import { createCredentialHttpTransport } from './http-transport.js';
import { type LoopbackServer, startLoopback } from './test-support/loopback.js';

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('credential HTTP transport', () => {
  it('sends method, headers and body, and reads status, headers and body', async () => {
    server = await startLoopback((request) => ({
      status: 201,
      headers: { 'x-echo': request.headers['x-in'] as string },
      body: `${request.method} ${request.url} ${request.body}`,
    }));
    const response = await createCredentialHttpTransport().send({
      method: 'PUT',
      url: `${server.url}/path?q=1`,
      headers: { 'x-in': 'hello' },
      body: 'payload',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-echo']).toBe('hello');
    expect(Buffer.from(response.body).toString()).toBe('PUT /path?q=1 payload');
  });

  it('rejects with a TimeoutError when the server accepts and never answers, and closes the socket', async () => {
    server = await startLoopback(() => 'hang');
    const error = await createCredentialHttpTransport()
      .send({ method: 'GET', url: `${server.url}/`, headers: {} }, { timeouts: { totalMs: 100 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('total');
    await new Promise((r) => setTimeout(r, 20));
    expect(server.connections()).toBe(1);
  });

  it('rejects with a NetworkError when nothing listens', async () => {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const address = probe.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const error = await createCredentialHttpTransport()
      .send({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }, { timeouts: { totalMs: 1000 } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as Error).message).toMatch(/ECONNREFUSED/);
  });

  it('honours an AbortSignal', async () => {
    server = await startLoopback(() => 'hang');
    const controller = new AbortController();
    const pending = createCredentialHttpTransport().send(
      { method: 'GET', url: `${server.url}/`, headers: {} },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 20);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError', phase: 'aborted' });
  });
});
