// Abort during real calls: the fan-out's signal reaches each running request, whose socket closes.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceClient } from '../client/service-client.js';
import { DescribeRegions, testEc2Service } from '../client/test-support/test-services.js';
import { TimeoutError } from '../errors/errors.js';
import {
  activeResources,
  eventually,
  type LoopbackServer,
  startLoopbackServer,
} from '../http/test-support/loopback-server.js';
import { fanOut } from './fan-out.js';

let server: LoopbackServer;
const baseline = activeResources();

beforeAll(async () => {
  server = await startLoopbackServer({ fallback: 'hang' });
});
afterAll(async () => {
  await server.close();
});

describe('fanOut abort with calls in flight', () => {
  it('aborts the requests of running targets, starts no other, and leaves no socket or timer', async () => {
    const client = new ServiceClient(testEc2Service, {
      region: 'us-east-1',
      endpointUrl: server.url,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
    });
    const controller = new AbortController();
    const pending = fanOut(
      ['a', 'b', 'c', 'd', 'e'],
      (_region, { signal }) => client.send(DescribeRegions, {}, { signal }),
      { concurrency: 2, signal: controller.signal },
    );
    await eventually(() => server.received.length === 2, 'two requests reach the server');
    controller.abort();
    const results = await pending;
    expect(server.received.length).toBe(2);
    const errors = results.map((r) => (r.ok ? undefined : (r.error as Error)));
    expect(errors.slice(0, 2).every((e) => e instanceof TimeoutError && e.phase === 'aborted')).toBe(true);
    expect(errors.slice(2).every((e) => (e as { code?: string }).code === 'TargetNotStarted')).toBe(true);
    await client.destroy();
    await eventually(() => server.connectionsOpen() === 0, 'the server sees both connections closed');
    await eventually(
      () => ['Timeout', 'TCPSocketWrap'].every((k) => (activeResources()[k] ?? 0) <= (baseline[k] ?? 0)),
      'no client socket or timer left',
    );
  });
});
