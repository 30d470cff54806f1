// Both transports against real loopback servers: bodies, keep-alive, socket bounds, compression,
// every timeout phase, abort, refused and reset connections, and nothing left open afterwards.

import type { AddressInfo } from 'node:net';
import { createServer as createNetServer, type Server as NetServer, type Socket } from 'node:net';
import { MockAgent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NetworkError, TimeoutError } from '../errors/errors.js';
import { createNodeTransport } from './node-transport.js';
import {
  activeResources,
  eventually,
  type LoopbackServer,
  startLoopbackServer,
} from './test-support/loopback-server.js';
import type { Transport } from './types.js';
import { createUndiciTransport } from './undici-transport.js';

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

/** A TCP server that accepts connections and never speaks: TLS handshakes against it never finish. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: NetServer = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

const baseline = activeResources();

const transports: [string, () => Transport][] = [
  ['node:http', () => createNodeTransport({ maxSocketsPerOrigin: 2 })],
  ['undici', () => createUndiciTransport({ maxSocketsPerOrigin: 2 })],
];

describe.each(transports)('%s transport', (_name, make) => {
  let server: LoopbackServer;
  let transport: Transport;
  beforeAll(async () => {
    server = await startLoopbackServer();
    transport = make();
  });
  afterAll(async () => {
    await transport.destroy();
    await eventually(() => server.connectionsOpen() === 0, 'the transport closes its sockets on destroy');
    await server.close();
  });

  it('sends method, path, headers and body, and returns status, lower-case headers and the whole body', async () => {
    server.script({ status: 201, headers: { 'X-Amzn-RequestId': 'req-1' }, body: '<ok/>' });
    const response = await transport.send({
      method: 'POST',
      url: `${server.url}/path?x=1`,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': '7' },
      body: 'a=1&b=2',
    });
    expect(response.statusCode).toBe(201);
    expect(response.headers['x-amzn-requestid']).toBe('req-1');
    expect(Buffer.from(response.body).toString()).toBe('<ok/>');
    const seen = server.received.at(-1)!;
    expect(seen).toMatchObject({ method: 'POST', url: '/path?x=1', body: 'a=1&b=2' });
    expect(seen.headers['content-type']).toBe('application/x-www-form-urlencoded');
  });

  it('reuses one keep-alive connection for sequential requests', async () => {
    const before = server.connectionsOpened();
    for (let i = 0; i < 5; i++) {
      server.script({ body: `r${i}` });
      const response = await transport.send({ method: 'GET', url: `${server.url}/`, headers: {} });
      expect(Buffer.from(response.body).toString()).toBe(`r${i}`);
    }
    expect(server.connectionsOpened() - before).toBeLessThanOrEqual(1);
  });

  it('never opens more sockets to one origin than the bound, and queues the rest', async () => {
    const first = server.received.length;
    server.script(...Array.from({ length: 8 }, (_, i) => ({ body: `c${i}`, delayMs: 20 })));
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => transport.send({ method: 'GET', url: `${server.url}/`, headers: {} })),
    );
    expect(responses.map((r) => Buffer.from(r.body).toString()).sort()).toEqual(
      Array.from({ length: 8 }, (_, i) => `c${i}`).sort(),
    );
    const connections = new Set(server.received.slice(first).map((r) => r.connection));
    expect(connections.size).toBeLessThanOrEqual(2);
    expect(server.connectionsOpen()).toBeLessThanOrEqual(2);
  });

  it.each(['gzip', 'deflate'] as const)('decodes a %s body', async (encoding) => {
    const xml = `<DescribeInstancesResponse>${'<item>x</item>'.repeat(200)}</DescribeInstancesResponse>`;
    server.script({ body: xml, encoding });
    const response = await transport.send({ method: 'GET', url: `${server.url}/`, headers: {} });
    expect(response.headers['content-encoding']).toBe(encoding);
    expect(Buffer.from(response.body).toString()).toBe(xml);
  });

  it('times out waiting for the first byte, with phase firstByte, and destroys the socket', async () => {
    const open = server.connectionsOpened();
    server.script({ delayMs: 2_000, body: 'late' });
    const error = await rejection(
      transport.send(
        { method: 'GET', url: `${server.url}/`, headers: {} },
        { timeouts: { firstByteMs: 50 } },
      ),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('firstByte');
    expect(error.message).toMatch(/firstByteMs/);
    // The next request must not inherit the late answer: it gets its own response.
    server.script({ body: 'fresh' });
    const next = await transport.send({ method: 'GET', url: `${server.url}/`, headers: {} });
    expect(Buffer.from(next.body).toString()).toBe('fresh');
    expect(server.connectionsOpened()).toBeGreaterThanOrEqual(open);
  });

  it('times out a slow body with phase total', async () => {
    server.script({ body: 'x'.repeat(100), trickleMs: 20 });
    const error = await rejection(
      transport.send({ method: 'GET', url: `${server.url}/`, headers: {} }, { timeouts: { totalMs: 100 } }),
    );
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('total');
  });

  it('stops at once when the AbortSignal fires, with phase aborted', async () => {
    server.script('hang');
    const controller = new AbortController();
    const pending = transport.send(
      { method: 'GET', url: `${server.url}/`, headers: {} },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(new Error('user gave up')), 20);
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('aborted');
    expect(error.name).toBe('AbortError');
    const pre = await rejection(
      transport.send({ method: 'GET', url: `${server.url}/`, headers: {} }, { signal: AbortSignal.abort() }),
    );
    expect((pre as TimeoutError).phase).toBe('aborted');
  });

  it('reports a reset before any response as a NetworkError with responseStarted false', async () => {
    server.script('reset');
    const error = await rejection(transport.send({ method: 'GET', url: `${server.url}/`, headers: {} }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('ECONNRESET');
    expect((error as NetworkError).responseStarted).toBe(false);
  });

  it('reports a reset in the middle of the body with responseStarted true', async () => {
    server.script({ body: 'x'.repeat(1000), resetAfterBytes: 10 });
    const error = await rejection(transport.send({ method: 'GET', url: `${server.url}/`, headers: {} }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).responseStarted).toBe(true);
  });

  it('reports a refused connection', async () => {
    const probe = await startLoopbackServer();
    const url = probe.url;
    await probe.close();
    const error = await rejection(transport.send({ method: 'GET', url: `${url}/`, headers: {} }));
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('ECONNREFUSED');
    expect(error.message).toMatch(/refused; is the endpoint up/);
  });

  it('times out a connection (TLS handshake) that never completes, with phase connect', async () => {
    const silent = await silentServer();
    const local =
      make === transports[1]![1] ? createUndiciTransport({ timeouts: { connectMs: 80 } }) : make();
    try {
      const error = await rejection(
        local.send(
          { method: 'GET', url: `https://127.0.0.1:${silent.port}/`, headers: {} },
          { timeouts: { connectMs: 80 } },
        ),
      );
      expect(error).toBeInstanceOf(TimeoutError);
      expect((error as TimeoutError).phase).toBe('connect');
    } finally {
      await local.destroy();
      await silent.close();
    }
  });

  it('keeps the connection of a finished exchange open for reuse (destroy must close it)', async () => {
    server.script({ body: 'last' });
    await transport.send({ method: 'GET', url: `${server.url}/`, headers: {} });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(server.connectionsOpen()).toBeGreaterThanOrEqual(1);
  });
});

describe('undici transport with an injected dispatcher', () => {
  it('sends through a MockAgent and never opens a socket', async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get('https://ec2.us-east-1.amazonaws.com')
      .intercept({ path: '/', method: 'POST', body: 'Action=DescribeRegions&Version=2016-11-15' })
      .reply(200, '<DescribeRegionsResponse/>', { headers: { 'x-amzn-requestid': 'mock-1' } });
    const transport = createUndiciTransport({ dispatcher: agent });
    const response = await transport.send({
      method: 'POST',
      url: 'https://ec2.us-east-1.amazonaws.com/',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: 'Action=DescribeRegions&Version=2016-11-15',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['x-amzn-requestid']).toBe('mock-1');
    expect(Buffer.from(response.body).toString()).toBe('<DescribeRegionsResponse/>');
    await transport.destroy();
    agent.assertNoPendingInterceptors();
    await agent.close();
  });
});

describe('after every transport is destroyed', () => {
  it('leaves no socket, server or timer behind', async () => {
    await eventually(
      () => {
        const now = activeResources();
        return ['Timeout', 'TCPSocketWrap', 'TCPServerWrap', 'TLSWrap'].every(
          (kind) => (now[kind] ?? 0) <= (baseline[kind] ?? 0),
        );
      },
      `active resources back to the baseline ${JSON.stringify(baseline)}`,
    );
  });
});
