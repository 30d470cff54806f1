// Clock skew end to end: ec2-local's clock runs 20 minutes ahead of (or behind) the client's, so the
// client's first signature is outside the 5-minute window and the server answers RequestExpired with
// its own time in the Date header. The client must learn the offset from that header, retry once at
// once, and sign every later call with the corrected clock.

import { isServiceError, type ServiceError } from '@boto-ts/client-ec2';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordedSleeps } from './test-support/effects.js';
import { type LocalEndpoint, startLocalEndpoint, TEST_ACCOUNT } from './test-support/local-endpoint.js';
import { installSecretGuard } from './test-support/secret-guard.js';
import { destroyAll, tracedClient } from './test-support/traced-client.js';

const secrets = installSecretGuard();
const { guard } = secrets;
let endpoint: LocalEndpoint;
const MINUTE = 60_000;

beforeAll(async () => {
  endpoint = await startLocalEndpoint();
  secrets.watch(endpoint.proxy);
});
beforeEach(() => {
  endpoint.log.length = 0;
});
afterEach(async () => {
  endpoint.local.setFaults({});
  await destroyAll();
});
afterAll(async () => {
  await endpoint.close();
});

function skewedClient(config: { maxAttempts?: number } = {}) {
  const recorded = recordedSleeps(0.5);
  return { ...tracedClient(guard, endpoint.endpoint, { ...config, effects: recorded.effects }), ...recorded };
}

describe.each([
  ['ahead', 20 * MINUTE],
  ['behind', -20 * MINUTE],
])('a server clock 20 minutes %s', (_, skewMs) => {
  it('fails the first attempt as RequestExpired, corrects from the Date header and succeeds on an immediate retry', async () => {
    endpoint.local.setFaults({ clockSkewMs: skewMs });
    const { client, sleeps, eventsOf } = skewedClient();
    expect(client.clockOffsetMs).toBe(0);
    const output = await client.describeInstances();
    expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0, httpStatusCode: 200 });
    expect(sleeps).toEqual([]);
    expect(endpoint.entries('DescribeInstances').map((e) => [e.status, e.code])).toEqual([
      [400, 'RequestExpired'],
      [200, undefined],
    ]);
    // The Date header has whole seconds: the learned offset is the skew to within about a second.
    expect(Math.abs(client.clockOffsetMs - skewMs)).toBeLessThan(2_000);
    const skew = eventsOf('clockSkew');
    expect(skew).toHaveLength(1);
    expect(skew[0]!['offsetMs']).toBe(client.clockOffsetMs);

    // Later calls are signed with the corrected clock and pass at the first attempt.
    for (let call = 0; call < 3; call++) {
      expect((await client.describeRegions()).$metadata.attempts).toBe(1);
    }
    expect(eventsOf('clockSkew')).toHaveLength(1);
  });
});

it('learns the offset even when it may not retry (maxAttempts: 1), so the next call succeeds first time', async () => {
  endpoint.local.setFaults({ clockSkewMs: 20 * MINUTE });
  const { client } = skewedClient({ maxAttempts: 1 });
  const error = await guard.rejection(client.describeInstances());
  expect(isServiceError(error, 'RequestExpired')).toBe(true);
  expect((error as ServiceError).$metadata.attempts).toBe(1);
  // The message is the server's explanation, naming the times involved, not an opaque failure.
  expect(error.message.length).toBeGreaterThan(20);
  expect((await client.describeInstances()).$metadata.attempts).toBe(1);
});

it('corrects every one of 20 concurrent first calls, not only the first to hear back', async () => {
  endpoint.local.setFaults({ clockSkewMs: 20 * MINUTE });
  const { client, eventsOf } = skewedClient();
  // All 20 are signed with the uncorrected clock before any answer arrives; whichever answer comes
  // first moves the shared offset, and the others must still see that their own request was skewed.
  const outputs = await Promise.all(Array.from({ length: 20 }, () => client.describeRegions()));
  expect(outputs.map((output) => output.$metadata.attempts)).toEqual(Array(20).fill(2));
  expect(Math.abs(client.clockOffsetMs - 20 * MINUTE)).toBeLessThan(2_000);
  expect(eventsOf('clockSkew').length).toBeGreaterThanOrEqual(1);
  expect((await client.describeRegions()).$metadata.attempts).toBe(1);
});

it('follows the server when its clock jumps again: one more correction, then first-attempt successes', async () => {
  endpoint.local.setFaults({ clockSkewMs: 20 * MINUTE });
  const { client, eventsOf } = skewedClient();
  expect((await client.describeInstances()).$metadata.attempts).toBe(2);
  endpoint.local.setFaults({ clockSkewMs: -30 * MINUTE });
  expect((await client.describeInstances()).$metadata.attempts).toBe(2);
  expect(Math.abs(client.clockOffsetMs + 30 * MINUTE)).toBeLessThan(2_000);
  expect((await client.describeInstances()).$metadata.attempts).toBe(1);
  expect(eventsOf('clockSkew')).toHaveLength(2);
});

it('does not treat a wrong secret key as skew: SignatureDoesNotMatch with the server explaining, one attempt, no offset', async () => {
  const wrongSecret = 'WrongSecretKeyForTheSkewTest/0123456789abcdefXYZ';
  secrets.forbid(wrongSecret);
  const { client } = tracedClient(guard, endpoint.endpoint, {
    credentials: { ...TEST_ACCOUNT, secretAccessKey: wrongSecret },
    effects: recordedSleeps().effects,
  });
  const error = await guard.rejection(client.describeInstances());
  expect(isServiceError(error, 'SignatureDoesNotMatch')).toBe(true);
  expect((error as ServiceError).$metadata.attempts).toBe(1);
  expect(client.clockOffsetMs).toBe(0);
  // ec2-local's teaching message: the canonical request and string to sign it computed.
  expect(error.message).toMatch(/canonical request/i);
});
