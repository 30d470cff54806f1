// Retries end to end: the real EC2Client against ec2-local's injected faults (throttling every Nth
// call, 503 and 500 errors, an HTML 502/504 from a "proxy", connections reset before or in the middle
// of a response), with the jitter draw and the backoff sleep injected so nothing waits for real.
// What the client reports ($metadata.attempts, totalRetryDelay) is checked against what the server
// saw (its request log) and what the client slept.

import { isServiceError, ServiceError } from '@boto-ts/client-ec2';
import { NetworkError } from '@boto-ts/core';
import { DEFAULT_IMAGE_ID } from '@boto-ts/ec2-local';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordedSleeps } from './test-support/effects.js';
import { type LocalEndpoint, startLocalEndpoint } from './test-support/local-endpoint.js';
import { installSecretGuard } from './test-support/secret-guard.js';
import { destroyAll, tracedClient } from './test-support/traced-client.js';

const secrets = installSecretGuard();
const { guard } = secrets;
let endpoint: LocalEndpoint;

beforeAll(async () => {
  endpoint = await startLocalEndpoint();
  secrets.watch(endpoint.proxy);
});
beforeEach(() => {
  endpoint.log.length = 0;
});
afterEach(async () => {
  endpoint.local.setFaults({});
  endpoint.local.reset();
  await destroyAll();
});
afterAll(async () => {
  await endpoint.close();
});

/** A client whose backoff sleeps are recorded (jitter draw 0.5: delays 500 ms, then 1000 ms). */
function retryingClient(config: { maxAttempts?: number } = {}) {
  const recorded = recordedSleeps(0.5);
  const traced = tracedClient(guard, endpoint.endpoint, { ...config, effects: recorded.effects });
  return { ...traced, ...recorded };
}

describe('throttling and 5xx answers are retried to success', () => {
  it('retries every third call being throttled, and each result counts the attempts and backoff it took', async () => {
    endpoint.local.setFaults({ throttleEvery: 3 });
    const { client, sleeps } = retryingClient();
    for (let call = 0; call < 12; call++) {
      const logFrom = endpoint.log.length;
      const sleepFrom = sleeps.length;
      const output = await client.describeInstances();
      const seen = endpoint.entries('DescribeInstances', logFrom);
      // The server saw one request per attempt: throttled ones, then the success.
      expect(output.$metadata.attempts).toBe(seen.length);
      expect(
        seen.slice(0, -1).every((e) => e.status === 503 && e.code === undefined && e.fault === 'throttle'),
      ).toBe(true);
      expect(seen.at(-1)).toMatchObject({ status: 200, fault: undefined });
      expect(output.$metadata.httpStatusCode).toBe(200);
      expect(output.$metadata.requestId).toBe(seen.at(-1)!.requestId);
      // Full jitter with the draw fixed at 0.5: 0.5 * 1000 ms before the first retry.
      expect(sleeps.slice(sleepFrom)).toEqual(seen.slice(1).map((_, i) => 0.5 * 1000 * 2 ** i));
      expect(output.$metadata.totalRetryDelay).toBe(sleeps.slice(sleepFrom).reduce((a, b) => a + b, 0));
    }
    // Exactly every third request the server saw was throttled, and each was made good by one retry.
    const all = endpoint.entries('DescribeInstances');
    expect(all.map((e) => e.fault === 'throttle')).toEqual(all.map((_, i) => (i + 1) % 3 === 0));
    expect(all).toHaveLength(12 + all.filter((e) => e.fault === 'throttle').length);
  });

  it.each([
    [503, 'Unavailable'],
    [500, 'InternalError'],
  ] as const)('retries two %i %s answers and succeeds on the third attempt', async (status, code) => {
    endpoint.local.setFaults({ serverErrorStatus: status, next: ['server-error', 'server-error'] });
    const { client, sleeps, eventsOf } = retryingClient();
    const output = await client.describeRegions();
    expect(output.Regions?.map((r) => r.RegionName)).toContain('us-east-1');
    expect(output.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 500 + 1000, httpStatusCode: 200 });
    expect(sleeps).toEqual([500, 1000]);
    expect(endpoint.entries('DescribeRegions').map((e) => e.status)).toEqual([status, status, 200]);
    expect(eventsOf('retry').map((e) => [e['retry'], e['reason'], e['delayMs']])).toEqual([
      [true, 'transient', 500],
      [true, 'transient', 1000],
    ]);
    expect(eventsOf('response').map((e) => e['statusCode'])).toEqual([status, status, 200]);
    expect(eventsOf('response')[0]!['body']).toContain(code);
  });
});

describe('connections that die are retried without repeating side effects', () => {
  it('retries a connection reset before any response', async () => {
    endpoint.local.setFaults({ next: ['reset-before'] });
    const { client, sleeps } = retryingClient();
    const output = await client.describeInstances();
    expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 500 });
    expect(sleeps).toEqual([500]);
    expect(endpoint.entries('DescribeInstances').map((e) => e.fault ?? e.status)).toEqual([
      'reset-before',
      200,
    ]);
  });

  it('retries RunInstances cut off in the middle of its response body, and the retry (same ClientToken) launches nothing new', async () => {
    endpoint.local.setFaults({ actions: ['RunInstances'], next: ['reset-mid-response'] });
    const { client } = retryingClient();
    const output = await client.runInstances({ ImageId: DEFAULT_IMAGE_ID, MinCount: 2, MaxCount: 2 });
    expect(output.$metadata.attempts).toBe(2);
    const runs = endpoint.entries('RunInstances');
    // The first attempt ran the action (its answer was cut short), the second got the same reservation.
    expect(runs.map((e) => [e.status, e.fault])).toEqual([
      [200, 'reset-mid-response'],
      [200, undefined],
    ]);
    const instances = endpoint.local.instances();
    expect(instances).toHaveLength(2);
    expect(new Set(instances.map((i) => i.reservationId))).toEqual(new Set([output.ReservationId]));
    expect(output.Instances?.map((i) => i.InstanceId).sort()).toEqual(
      instances.map((i) => i.instanceId).sort(),
    );
    // The token the client filled in once, before the first attempt.
    const tokens = new Set(output.Instances?.map((i) => i.ClientToken));
    expect(tokens.size).toBe(1);
    expect([...tokens][0]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('survives a reset before and another mid-response on one RunInstances: three attempts, one reservation', async () => {
    endpoint.local.setFaults({ actions: ['RunInstances'], next: ['reset-before', 'reset-mid-response'] });
    const { client, sleeps } = retryingClient();
    const output = await client.runInstances({ ImageId: DEFAULT_IMAGE_ID, MinCount: 1, MaxCount: 3 });
    expect(output.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 1500 });
    expect(sleeps).toEqual([500, 1000]);
    expect(endpoint.entries('RunInstances').map((e) => e.fault ?? 'ok')).toEqual([
      'reset-before',
      'reset-mid-response',
      'ok',
    ]);
    const instances = endpoint.local.instances();
    expect(instances).toHaveLength(3);
    expect(new Set(instances.map((i) => i.reservationId)).size).toBe(1);
  });

  it('retries CreateVolume cut off mid-response without a second volume (its ClientToken is filled too)', async () => {
    endpoint.local.setFaults({ actions: ['CreateVolume'], next: ['reset-mid-response'] });
    const { client } = retryingClient();
    const output = await client.createVolume({ AvailabilityZone: 'us-east-1a', Size: 8 });
    expect(output.$metadata.attempts).toBe(2);
    const volumes = await client.describeVolumes();
    expect(volumes.Volumes?.map((v) => v.VolumeId)).toEqual([output.VolumeId]);
  });

  it('cannot make a retried CreateSecurityGroup safe (the API has no token): the lost first answer shows as InvalidGroup.Duplicate', async () => {
    endpoint.local.setFaults({ actions: ['CreateSecurityGroup'], next: ['reset-mid-response'] });
    const { client } = retryingClient();
    const error = await guard.rejection(
      client.createSecurityGroup({ GroupName: 'web', Description: 'web tier' }),
    );
    expect(isServiceError(error, 'InvalidGroup.Duplicate')).toBe(true);
    expect((error as ServiceError).$metadata.attempts).toBe(2);
    // The group exists once: the first attempt created it.
    const groups = await client.describeSecurityGroups({ GroupNames: ['web'] });
    expect(groups.SecurityGroups).toHaveLength(1);
  });

  it('gives up on a connection reset every time with a NetworkError that names the attempts', async () => {
    endpoint.local.setFaults({ resetBeforeEvery: 1 });
    const { client, sleeps } = retryingClient();
    const error = await guard.rejection(client.describeInstances());
    expect(error).toBeInstanceOf(NetworkError);
    expect((error as NetworkError).code).toBe('ECONNRESET');
    expect(error.message).toMatch(/Gave up after 3 attempts/);
    expect(sleeps).toEqual([500, 1000]);
    expect(endpoint.entries('DescribeInstances')).toHaveLength(3);
  });
});

describe('giving up', () => {
  it.each([502, 504] as const)(
    'turns a %i HTML page from a proxy into a ServiceError with a status code after 3 attempts',
    async (status) => {
      endpoint.local.setFaults({ serverErrorEvery: 1, serverErrorStatus: status });
      const { client, sleeps } = retryingClient();
      const error = await guard.rejection(client.describeInstances());
      expect(error).toBeInstanceOf(ServiceError);
      const serviceError = error as ServiceError;
      expect(serviceError).toMatchObject({ code: `Http${status}`, statusCode: status, retryable: true });
      // The message says what happened (status, not an AWS answer) before showing the page's first bytes.
      expect(serviceError.message).toMatch(new RegExp(`^HTTP ${status} .*not an AWS error document`));
      expect(serviceError.$metadata).toMatchObject({
        attempts: 3,
        totalRetryDelay: 1500,
        httpStatusCode: status,
      });
      expect(sleeps).toEqual([500, 1000]);
      expect(endpoint.entries('DescribeInstances').map((e) => e.status)).toEqual([status, status, status]);
    },
  );

  it('gives up at once with maxAttempts: 1', async () => {
    endpoint.local.setFaults({ next: ['throttle'] });
    const { client, sleeps, eventsOf } = retryingClient({ maxAttempts: 1 });
    const error = await guard.rejection(client.describeInstances());
    expect(isServiceError(error, 'RequestLimitExceeded')).toBe(true);
    expect((error as ServiceError).$metadata).toMatchObject({
      attempts: 1,
      totalRetryDelay: 0,
      httpStatusCode: 503,
    });
    expect((error as ServiceError).retryable).toBe(true);
    expect(sleeps).toEqual([]);
    expect(endpoint.entries('DescribeInstances')).toHaveLength(1);
    expect(eventsOf('retry').map((e) => e['reason'])).toEqual(['max attempts (1) reached']);
  });

  it('never retries a client error the service meant (InvalidInstanceID.NotFound)', async () => {
    const { client, sleeps } = retryingClient();
    const error = await guard.rejection(client.describeInstances({ InstanceIds: ['i-0123456789abcdef0'] }));
    expect(isServiceError(error, 'InvalidInstanceID.NotFound')).toBe(true);
    expect((error as ServiceError).$metadata.attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });
});

describe('other retry modes and failures', () => {
  it("legacy mode makes 5 attempts with botocore's legacy backoff (random x 2^(n-1) s)", async () => {
    endpoint.local.setFaults({ serverErrorEvery: 1, serverErrorStatus: 503 });
    const recorded = recordedSleeps(0.5);
    const { client } = tracedClient(guard, endpoint.endpoint, {
      retryMode: 'legacy',
      effects: recorded.effects,
    });
    const error = (await guard.rejection(client.describeInstances())) as ServiceError;
    expect(error.$metadata).toMatchObject({ attempts: 5, totalRetryDelay: 500 + 1000 + 2000 + 4000 });
    expect(recorded.sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(endpoint.entries('DescribeInstances')).toHaveLength(5);
  });

  it('adaptive mode retries throttling to success and then paces its own sends', async () => {
    endpoint.local.setFaults({ throttleEvery: 2 });
    // The rate limiter reads the clock and sleeps for tokens: sleeping moves this clock forward.
    const sleeps: number[] = [];
    let slept = 0;
    const { client, eventsOf } = tracedClient(guard, endpoint.endpoint, {
      retryMode: 'adaptive',
      effects: {
        now: () => Date.now() + slept,
        random: () => 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
          slept += ms;
        },
      },
    });
    let retryDelay = 0;
    const attempts: number[] = [];
    for (let call = 0; call < 6; call++) {
      const output = await client.describeInstances();
      attempts.push(output.$metadata.attempts);
      retryDelay += output.$metadata.totalRetryDelay;
    }
    // Server calls 2, 4, 6... are throttled: the first call passes, each later one needs a retry.
    expect(attempts).toEqual([1, 2, 2, 2, 2, 2]);
    const retries = eventsOf('retry').filter((e) => e['retry'] === true);
    expect(retries).toHaveLength(5);
    // Once throttled, the limiter is on (its rate is traced) and makes the client wait for tokens,
    // on top of the retry backoffs that $metadata reports.
    expect(retries.every((e) => typeof e['sendRate'] === 'number' && e['sendRate'] >= 0.5)).toBe(true);
    expect(sleeps.length).toBeGreaterThan(retries.length);
    expect(retryDelay).toBe(5 * 500);
    expect(endpoint.entries('DescribeInstances').filter((e) => e.status === 200)).toHaveLength(6);
  });

  it('retries a refused connection and gives up with a NetworkError naming the cause', async () => {
    const closed = await startLocalEndpoint();
    const url = closed.endpoint;
    await closed.close();
    const recorded = recordedSleeps(0.5);
    const { client } = tracedClient(guard, url, { effects: recorded.effects });
    const error = await guard.rejection(client.describeInstances());
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED' });
    expect(error.message).toMatch(/refused.*Gave up after 3 attempts/s);
    expect(recorded.sleeps).toEqual([500, 1000]);
  });
});

describe('the retry quota', () => {
  it('drains under a steady stream of 500s until calls fail at the first attempt, and refills with successes', async () => {
    endpoint.local.setFaults({ serverErrorEvery: 1 });
    const { client, sleeps } = retryingClient();
    const attempts: number[] = [];
    for (let call = 0; call < 55; call++) {
      const error = await guard.rejection(client.describeInstances());
      expect(isServiceError(error, 'InternalError')).toBe(true);
      attempts.push((error as ServiceError).$metadata.attempts);
    }
    // 500 tokens, 5 per retry, two retries per call: 50 calls retry, then every call gives up at once.
    expect(attempts).toEqual([...Array(50).fill(3), ...Array(5).fill(1)]);
    expect(sleeps).toHaveLength(100);
    expect(endpoint.entries('DescribeInstances')).toHaveLength(50 * 3 + 5);

    // Each first-attempt success gives one token back: after five, one retry (5 tokens) is affordable again.
    endpoint.local.setFaults({});
    for (let call = 0; call < 5; call++) {
      expect((await client.describeInstances()).$metadata.attempts).toBe(1);
    }
    endpoint.local.setFaults({ serverErrorEvery: 1 });
    const afterRefill = await guard.rejection(client.describeInstances());
    expect((afterRefill as ServiceError).$metadata.attempts).toBe(2);
    const exhausted = await guard.rejection(client.describeInstances());
    expect((exhausted as ServiceError).$metadata.attempts).toBe(1);
  });

  it('is per client: a fresh client still retries while a drained one fails fast', async () => {
    endpoint.local.setFaults({ serverErrorEvery: 1 });
    const drained = retryingClient();
    for (let call = 0; call < 50; call++) await guard.rejection(drained.client.describeInstances());
    const fresh = retryingClient();
    expect(
      ((await guard.rejection(drained.client.describeInstances())) as ServiceError).$metadata.attempts,
    ).toBe(1);
    expect(
      ((await guard.rejection(fresh.client.describeInstances())) as ServiceError).$metadata.attempts,
    ).toBe(3);
  });
});
