// Timeouts and aborts end to end: ec2-local answers late (its latency fault), the client's first-byte
// timeout fires and is retried until attempts run out; a caller's AbortSignal ends a call at once,
// whether it is waiting for the server or waiting to retry; and after destroy() neither the client
// nor anything it started holds a socket or a timer.

import { type ServiceError, ValidationError } from '@boto-ts/client-ec2';
import { TimeoutError } from '@boto-ts/core';
import { afterEach, describe, expect, it } from 'vitest';
import {
  activeResources,
  type ResourceCounts,
  type ResourceTracker,
  settleTo,
  trackResources,
} from './test-support/active-resources.js';
import { recordedSleeps } from './test-support/effects.js';
import { type LocalEndpoint, startLocalEndpoint } from './test-support/local-endpoint.js';
import { installSecretGuard } from './test-support/secret-guard.js';
import { destroyAll, tracedClient } from './test-support/traced-client.js';

const secrets = installSecretGuard();
const { guard } = secrets;

/** Each test runs against its own endpoint, so closing everything shows what the client left behind. */
let endpoint: LocalEndpoint | undefined;
let baseline: ResourceCounts;
let tracker: ResourceTracker | undefined;

async function start(faults: Parameters<LocalEndpoint['local']['setFaults']>[0]): Promise<LocalEndpoint> {
  baseline = activeResources();
  tracker = trackResources();
  endpoint = await startLocalEndpoint({ faults });
  secrets.watch(endpoint.proxy);
  return endpoint;
}

afterEach(async () => {
  await destroyAll();
  await endpoint?.close();
  endpoint = undefined;
  tracker?.stop();
  tracker = undefined;
});

/** The SDK's own code: the client, its pipeline and transport. */
const CLIENT_CODE = /\/packages\/(core|client-ec2)\/src\/(?!reliability\/)/;

/**
 * After destroy(): no socket or timer the client created is alive, no client connection is open at
 * the proxy; then, with the servers closed too, nothing the test started is held.
 */
async function expectNothingLeft(local: LocalEndpoint): Promise<void> {
  await destroyAll();
  expect(await tracker!.settle({ createdIn: CLIENT_CODE })).toEqual([]);
  expect(await local.proxy.waitUntilIdle(2_000)).toBe(0);
  await local.close();
  endpoint = undefined;
  expect(await tracker!.settle()).toEqual([]);
  expect(await settleTo(baseline)).toEqual({});
}

describe('first-byte timeouts', () => {
  it('times out each attempt on a slow server and gives up with TimeoutError (firstByte) after maxAttempts', async () => {
    const local = await start({ latencyMs: 400 });
    const { sleeps, effects } = recordedSleeps(0.5);
    const { client, eventsOf } = tracedClient(guard, local.endpoint, {
      maxAttempts: 2,
      timeouts: { firstByteMs: 40 },
      effects,
    });
    const error = await guard.rejection(client.describeInstances());
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('firstByte');
    expect(error.message).toMatch(/Gave up after 2 attempts/);
    expect(error.message).toMatch(/timeouts\.firstByteMs/);
    expect(eventsOf('request')).toHaveLength(2);
    expect(eventsOf('error').map((e) => e['error'])).toEqual(['TimeoutError', 'TimeoutError']);
    expect(eventsOf('retry').map((e) => e['reason'])).toEqual(['timeout', 'max attempts (2) reached']);
    expect(sleeps).toEqual([500]);
    expect(local.proxy.signedRequests).toBe(2);
    await expectNothingLeft(local);
  });

  it('charges 10 quota tokens per timeout retry: after 25 calls that time out, calls give up at once', async () => {
    const local = await start({ latencyMs: 1_000 });
    const { effects } = recordedSleeps(0.5);
    const { client, events, eventsOf } = tracedClient(guard, local.endpoint, {
      timeouts: { firstByteMs: 15 },
      effects,
    });
    const attempts: number[] = [];
    for (let call = 0; call < 27; call++) {
      const from = events.length;
      const error = await guard.rejection(client.describeInstances());
      expect(error).toMatchObject({ phase: 'firstByte' });
      attempts.push(eventsOf('request', from).length);
    }
    expect(eventsOf('retry').at(-1)).toMatchObject({ retry: false, reason: 'retry quota exhausted' });
    // 500 tokens / (2 retries x 10 tokens) = 25 calls with retries.
    expect(attempts).toEqual([...Array(25).fill(3), 1, 1]);
    await expectNothingLeft(local);
  });

  it('succeeds when the latency fits inside the first-byte timeout', async () => {
    const local = await start({ latencyMs: 20 });
    const { client } = tracedClient(guard, local.endpoint, { timeouts: { firstByteMs: 2_000 } });
    expect((await client.describeInstances()).$metadata.attempts).toBe(1);
    await expectNothingLeft(local);
  });
});

describe('slow bodies', () => {
  it('gives up with TimeoutError (total) when the body trickles in longer than timeouts.totalMs', async () => {
    const local = await start({});
    // The first bytes arrive at once (no first-byte timeout), the rest 64 bytes every 25 ms.
    local.proxy.setSlowResponses({ chunkBytes: 64, delayMs: 25 });
    const { sleeps, effects } = recordedSleeps(0.5);
    const { client, eventsOf } = tracedClient(guard, local.endpoint, {
      maxAttempts: 2,
      timeouts: { firstByteMs: 5_000, totalMs: 150 },
      effects,
    });
    const error = await guard.rejection(client.describeImages());
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('total');
    expect(eventsOf('request')).toHaveLength(2);
    expect(sleeps).toEqual([500]);
    // Both attempts were answered by the server: the time ran out while reading the body.
    expect(local.entries('DescribeImages').map((e) => e.status)).toEqual([200, 200]);
    await expectNothingLeft(local);
  });

  it('reads a slow body to the end when it fits inside the limits', async () => {
    const local = await start({});
    local.proxy.setSlowResponses({ chunkBytes: 512, delayMs: 5 });
    const { client } = tracedClient(guard, local.endpoint, {
      timeouts: { firstByteMs: 5_000, totalMs: 10_000 },
    });
    const output = await client.describeImages();
    expect(output.$metadata.attempts).toBe(1);
    expect(output.Images?.length).toBeGreaterThan(0);
    await expectNothingLeft(local);
  });
});

describe('AbortSignal', () => {
  it('rejects at once with phase aborted while the server is still thinking, and is not retried', async () => {
    const local = await start({ latencyMs: 3_000 });
    const { client, eventsOf } = tracedClient(guard, local.endpoint);
    const controller = new AbortController();
    let abortedAt = 0;
    const call = client.describeInstances({}, { signal: controller.signal });
    setTimeout(() => {
      abortedAt = performance.now();
      controller.abort(new Error('caller gave up'));
    }, 30);
    const error = await guard.rejection(call);
    const afterAbort = performance.now() - abortedAt;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ phase: 'aborted', name: 'AbortError' });
    // At once, not when the server's 3 s latency is over (a generous bound for a busy machine).
    expect(afterAbort).toBeLessThan(1_000);
    expect(eventsOf('request')).toHaveLength(1);
    expect(eventsOf('retry')).toEqual([]);
    await expectNothingLeft(local);
  });

  it('rejects at once with phase aborted while waiting to retry after a throttle', async () => {
    const local = await start({ next: ['throttle'] });
    // The real sleep: the jitter draw 0.99 makes a 990 ms backoff that the abort must cut short.
    const { client, eventsOf } = tracedClient(guard, local.endpoint, { effects: { random: () => 0.99 } });
    const controller = new AbortController();
    let abortedAt = 0;
    const call = client.describeInstances({}, { signal: controller.signal });
    // Abort as soon as the client has decided to retry (it is then waiting out the backoff).
    const waitForRetry = setInterval(() => {
      if (abortedAt === 0 && eventsOf('retry').length === 1) {
        abortedAt = performance.now();
        controller.abort();
      }
    }, 2);
    const error = await guard.rejection(call).finally(() => clearInterval(waitForRetry));
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('aborted');
    expect(eventsOf('retry')[0]).toMatchObject({ retry: true, delayMs: 990 });
    expect(performance.now() - abortedAt).toBeLessThan(500);
    expect(local.entries('DescribeInstances')).toHaveLength(1);
    await expectNothingLeft(local);
  });

  it('rejects before sending anything when the signal is already aborted', async () => {
    const local = await start({});
    const { client } = tracedClient(guard, local.endpoint);
    const error = await guard.rejection(client.describeInstances({}, { signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ phase: 'aborted' });
    expect(local.proxy.signedRequests).toBe(0);
    await expectNothingLeft(local);
  });

  it('ends a call waiting to retry when the client is destroyed', async () => {
    const local = await start({ next: ['throttle'] });
    const { client } = tracedClient(guard, local.endpoint, { effects: { random: () => 0.9 } });
    const call = client.describeInstances();
    const waitForRetry = setInterval(() => {
      if (local.entries('DescribeInstances').length === 1) void client.destroy();
    }, 2);
    const error = await guard.rejection(call).finally(() => clearInterval(waitForRetry));
    expect(error).toMatchObject({ phase: 'aborted' });
    expect(local.entries('DescribeInstances')).toHaveLength(1);
    // A destroyed client refuses new calls with a clear error instead of reopening sockets.
    const refused = await guard.rejection(client.describeInstances());
    expect(refused).toMatchObject({ code: 'ClientDestroyed' });
    expect(refused).not.toBeInstanceOf(ValidationError);
    await expectNothingLeft(local);
  });
});

it('leaves nothing open after a burst of calls on a healthy endpoint and destroy()', async () => {
  const local = await start({});
  const { client } = tracedClient(guard, local.endpoint);
  const outputs = await Promise.all(Array.from({ length: 20 }, () => client.describeRegions()));
  expect(outputs.every((o) => o.$metadata.attempts === 1)).toBe(true);
  const failed = await guard.rejection(client.describeInstances({ InstanceIds: ['i-00000000000000000'] }));
  expect((failed as ServiceError).code).toBe('InvalidInstanceID.NotFound');
  await expectNothingLeft(local);
});
