// Load on loopback: thousands of DescribeInstances calls with 64 in flight through one EC2Client
// against ec2-local. Every call succeeds, the connections the server side saw (counted by a proxy in
// front of it) stay within the client's socket limit and are reused, faults under load are retried
// with $metadata that adds up to what the server saw, and after destroy() nothing is left open.
// No trace here: it would measure the tracer, and these calls produce no errors to check.

import { EC2Client, type EC2ClientConfig } from '@boto-ts/client-ec2';
import { createNodeTransport } from '@boto-ts/core';
import { DEFAULT_IMAGE_ID } from '@boto-ts/ec2-local';
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import {
  activeResources,
  type ResourceCounts,
  type ResourceTracker,
  settleTo,
  trackResources,
} from './test-support/active-resources.js';
import { type LocalEndpoint, startLocalEndpoint, TEST_ACCOUNT } from './test-support/local-endpoint.js';

/** The default transport's bound on sockets per origin (core's NodeTransportOptions). */
const DEFAULT_MAX_SOCKETS = 50;
const IN_FLIGHT = 64;
/** Generous for a loaded two-core machine: the 2,000 calls take a few seconds. */
const LOAD_TEST_TIMEOUT_MS = 30_000;

let endpoint: LocalEndpoint;
let baseline: ResourceCounts;
let tracker: ResourceTracker;
const clients: EC2Client[] = [];

beforeAll(async () => {
  baseline = activeResources();
  tracker = trackResources();
  endpoint = await startLocalEndpoint();
  // A few instances in two reservations, so each answer has something to decode.
  const seed = new EC2Client({
    endpointUrl: endpoint.endpoint,
    region: 'us-east-1',
    credentials: TEST_ACCOUNT,
  });
  await seed.runInstances({ ImageId: DEFAULT_IMAGE_ID, MinCount: 3, MaxCount: 3 });
  await seed.runInstances({ ImageId: DEFAULT_IMAGE_ID, MinCount: 2, MaxCount: 2 });
  await seed.destroy();
});
/** Each test starts with no connection open and fresh counts. */
beforeEach(async () => {
  expect(await endpoint.proxy.waitUntilIdle(2_000)).toBe(0);
  endpoint.proxy.resetCounts();
  endpoint.log.length = 0;
});
afterEach(async () => {
  endpoint.local.setFaults({});
  await Promise.all(clients.map((c) => c.destroy()));
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  await endpoint.close();
  tracker.stop();
});

function client(config: EC2ClientConfig = {}): EC2Client {
  const made = new EC2Client({
    endpointUrl: endpoint.endpoint,
    region: 'us-east-1',
    credentials: TEST_ACCOUNT,
    ...config,
  });
  clients.push(made);
  return made;
}

/** Runs `total` calls, at most `inFlight` at a time; resolves to each call's attempts. */
async function run(target: EC2Client, total: number, inFlight: number): Promise<number[]> {
  const attempts: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const output = await target.describeInstances();
      expect(output.Reservations).toHaveLength(2);
      attempts.push(output.$metadata.attempts);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return attempts;
}

it(
  `serves 2,000 calls with ${IN_FLIGHT} in flight over at most ${DEFAULT_MAX_SOCKETS} reused connections, and destroy() closes them all`,
  async () => {
    const target = client();
    const attempts = await run(target, 2_000, IN_FLIGHT);
    expect(attempts).toHaveLength(2_000);
    expect(attempts.every((a) => a === 1)).toBe(true);
    expect(endpoint.entries('DescribeInstances').filter((e) => e.status === 200)).toHaveLength(2_000);
    // 64 calls want a socket at once, the client opens at most its limit, and keep-alive reuses them.
    expect(endpoint.proxy.maxOpenConnections).toBeLessThanOrEqual(DEFAULT_MAX_SOCKETS);
    expect(endpoint.proxy.totalConnections).toBeLessThanOrEqual(DEFAULT_MAX_SOCKETS);
    expect(endpoint.proxy.totalConnections).toBeGreaterThan(1);
    expect(endpoint.proxy.signedRequests).toBe(2_000);

    await target.destroy();
    expect(await endpoint.proxy.waitUntilIdle(2_000)).toBe(0);
    expect(await tracker.settle({ createdIn: /\/packages\/core\/src\// })).toEqual([]);
  },
  LOAD_TEST_TIMEOUT_MS,
);

it(
  'keeps to a smaller socket limit given through the transport',
  async () => {
    const transport = createNodeTransport({ maxSocketsPerOrigin: 6 });
    const target = client({ transport });
    const attempts = await run(target, 300, IN_FLIGHT);
    expect(attempts).toHaveLength(300);
    expect(endpoint.proxy.maxOpenConnections).toBeLessThanOrEqual(6);
    expect(endpoint.proxy.totalConnections).toBeLessThanOrEqual(6);
    await target.destroy();
    // The client does not own a transport it was given: it stays usable until its owner destroys it.
    expect(endpoint.proxy.openConnections).toBeGreaterThan(0);
    await transport.destroy();
    expect(await endpoint.proxy.waitUntilIdle(2_000)).toBe(0);
    expect(await tracker.settle({ createdIn: /\/packages\/core\/src\// })).toEqual([]);
  },
  LOAD_TEST_TIMEOUT_MS,
);

it(
  'retries throttles, 500s and dropped connections under load, and the attempts add up to what the server saw',
  async () => {
    endpoint.local.setFaults({
      actions: ['DescribeInstances'],
      throttleEvery: 11,
      serverErrorEvery: 17,
      resetBeforeEvery: 29,
      resetMidResponseEvery: 37,
    });
    // Enough attempts that an unlucky call (several faults in a row under concurrency) still succeeds;
    // backoff sleeps are skipped.
    const target = client({ maxAttempts: 10, effects: { random: () => 0.5, sleep: async () => {} } });
    const attempts = await run(target, 600, IN_FLIGHT);
    const served = endpoint.entries('DescribeInstances');
    const total = attempts.reduce((a, b) => a + b, 0);
    expect(attempts).toHaveLength(600);
    expect(total).toBe(served.length);
    expect(served.filter((e) => e.status === 200 && e.fault === undefined)).toHaveLength(600);
    for (const fault of ['throttle', 'server-error', 'reset-before', 'reset-mid-response']) {
      expect(
        served.some((e) => e.fault === fault),
        fault,
      ).toBe(true);
    }
    expect(endpoint.proxy.maxOpenConnections).toBeLessThanOrEqual(DEFAULT_MAX_SOCKETS);
    await target.destroy();
    expect(await endpoint.proxy.waitUntilIdle(2_000)).toBe(0);
  },
  LOAD_TEST_TIMEOUT_MS,
);

it('leaves nothing open once the clients are destroyed and the servers closed', async () => {
  await endpoint.close();
  expect(await tracker.settle()).toEqual([]);
  expect(await settleTo(baseline)).toEqual({});
});
