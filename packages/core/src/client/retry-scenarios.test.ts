// Retries against scripted loopback servers (throttling, 503, a reset mid-body, a slow first byte, a
// skewed server clock), with an injected clock, random source and sleep: attempts, delays, the retry
// quota and the adaptive rate limiter's rates are all checked without sleeping for real.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../errors/errors.js';
import {
  type LoopbackServer,
  type ScriptStep,
  startLoopbackServer,
} from '../http/test-support/loopback-server.js';
import { ServiceClient } from './service-client.js';
import { installLeakGuard, TEST_CREDENTIALS } from './test-support/leak-guard.js';
import {
  amzDateMs,
  DescribeRegions,
  describeRegionsXml,
  ec2ErrorXml,
  signatureIsValid,
  testEc2Service,
} from './test-support/test-services.js';
import type { ClientConfig, RetryMode, TraceEvent } from './types.js';

const guard = installLeakGuard();
let server: LoopbackServer;
const clients: ServiceClient[] = [];

beforeAll(async () => {
  server = await startLoopbackServer({ fallback: { body: describeRegionsXml('req-ok', ['us-east-1']) } });
  guard.watch(server);
});
afterAll(async () => {
  for (const client of clients) await client.destroy();
  await server.close();
});

/** A client on a fake clock: `sleep` records each wait and moves the clock instead of waiting. */
function scripted(
  options: { mode?: RetryMode; random?: number; config?: ClientConfig; start?: number } = {},
) {
  let now = options.start ?? 1_000_000;
  const sleeps: number[] = [];
  const events: TraceEvent[] = [];
  const client = new ServiceClient(
    testEc2Service,
    guard.clientConfig({
      endpointUrl: server.url,
      retryMode: options.mode ?? 'standard',
      logger: {
        debug: (e) => {
          events.push(e);
          guard.logger.debug?.(e);
        },
        info: (e) => {
          events.push(e);
          guard.logger.info?.(e);
        },
        warn: (e) => {
          events.push(e);
          guard.logger.warn?.(e);
        },
      },
      ...options.config,
      effects: {
        now: () => now,
        random: () => options.random ?? 0.5,
        sleep: async (ms) => {
          sleeps.push(ms);
          now += ms;
        },
      },
    }),
  );
  clients.push(client);
  const retries = () => events.filter((e) => e.type === 'retry');
  return { client, sleeps, events, retries, advance: (ms: number) => (now += ms) };
}

const throttle: ScriptStep = {
  status: 503,
  body: ec2ErrorXml('RequestLimitExceeded', 'Request limit exceeded.', 'req-t'),
};
const unavailable: ScriptStep = {
  status: 503,
  body: ec2ErrorXml('Unavailable', 'The server is overloaded.', 'req-u'),
};

describe('standard mode', () => {
  it('retries throttling twice with full-jitter delays, then succeeds; the quota pays 5 per retry and refunds on success', async () => {
    const { client, sleeps, retries } = scripted({ random: 0.25 });
    server.script(throttle, throttle);
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata).toMatchObject({ attempts: 3, totalRetryDelay: 250 + 500, httpStatusCode: 200 });
    expect(sleeps).toEqual([250, 500]);
    expect(retries().map((e) => [e['reason'], e['delayMs'], e['quotaAvailable']])).toEqual([
      ['throttling', 250, 495],
      ['throttling', 500, 490],
    ]);
    // The success gave back the 5 its last retry cost: the next retry starts from 495.
    server.script(unavailable);
    await client.send(DescribeRegions, {});
    expect(retries().at(-1)).toMatchObject({ reason: 'transient', quotaAvailable: 490 });
  });

  it('gives up on a 503 after 3 attempts with a retryable ServiceError that counts them', async () => {
    const { client, sleeps } = scripted({ random: 1 });
    server.script(unavailable, unavailable, unavailable);
    const error = (await guard.rejection(client.send(DescribeRegions, {}))) as ServiceError;
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'Unavailable', statusCode: 503, retryable: true });
    expect(error.$metadata).toEqual({
      requestId: 'req-u',
      httpStatusCode: 503,
      attempts: 3,
      totalRetryDelay: 3000,
    });
    expect(sleeps).toEqual([1000, 2000]);
  });

  it('retries a connection reset in the middle of the body', async () => {
    const { client, retries } = scripted();
    server.script({ body: describeRegionsXml('req-cut', ['us-east-1', 'us-west-2']), resetAfterBytes: 40 });
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata.attempts).toBe(2);
    expect(retries()[0]).toMatchObject({ retry: true, reason: 'connection', quotaAvailable: 495 });
  });

  it('retries a first-byte timeout, which costs the quota 10', async () => {
    const { client, retries } = scripted({ config: { timeouts: { firstByteMs: 40 } } });
    server.script({ delayMs: 1_000, body: describeRegionsXml('late', []) });
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata).toMatchObject({ attempts: 2, requestId: 'req-ok' });
    expect(retries()[0]).toMatchObject({ reason: 'timeout', quotaAvailable: 490 });
  });

  it('stops when the retry quota is exhausted', async () => {
    const { client, retries } = scripted({ config: { maxAttempts: 200 } });
    server.script(...Array.from({ length: 101 }, () => unavailable));
    const error = (await guard.rejection(client.send(DescribeRegions, {}))) as ServiceError;
    expect(error.$metadata.attempts).toBe(101);
    expect(retries().at(-1)).toMatchObject({
      retry: false,
      reason: 'retry quota exhausted',
      quotaAvailable: 0,
    });
  });

  it('does not retry a client error', async () => {
    const { client, sleeps } = scripted();
    server.script({ status: 400, body: ec2ErrorXml('InvalidParameterValue', 'bad', 'req-400') });
    const error = (await guard.rejection(client.send(DescribeRegions, {}))) as ServiceError;
    expect(error).toMatchObject({ retryable: false, $metadata: { attempts: 1 } });
    expect(sleeps).toEqual([]);
  });
});

describe('legacy mode (boto3 parity)', () => {
  it('makes 5 attempts with uncapped rand x 2^(n-1) s delays and no quota', async () => {
    const { client, sleeps, retries } = scripted({ mode: 'legacy', random: 0.5 });
    server.script(throttle, throttle, throttle, throttle);
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata).toMatchObject({ attempts: 5, totalRetryDelay: 500 + 1000 + 2000 + 4000 });
    expect(sleeps).toEqual([500, 1000, 2000, 4000]);
    expect(retries().every((e) => e['quotaAvailable'] === undefined)).toBe(true);
  });
});

describe('adaptive mode', () => {
  it('after a throttle, limits the send rate (0.5 requests/s at first) and waits for a token', async () => {
    // The clock starts on a whole second, so the rate clock has measured nothing yet: the first
    // throttle halves nothing and the bucket falls to its floor of 0.5 tokens/s.
    const { client, sleeps, retries } = scripted({ mode: 'adaptive', random: 0.5, start: 1_000_000 });
    server.script(throttle);
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata.attempts).toBe(2);
    expect(retries()[0]).toMatchObject({ reason: 'throttling', delayMs: 500, sendRate: 0.5 });
    // Backoff 500 ms, then the bucket (empty when limiting began, refilling at 0.5/s) needs 1.5 s more.
    expect(sleeps).toEqual([500, 1500]);
    // Retry delays count in $metadata; waiting for the rate limiter does not.
    expect(output.$metadata.totalRetryDelay).toBe(500);
  });

  it('shares one rate limiter across the calls of a client', async () => {
    const { client, sleeps } = scripted({ mode: 'adaptive', random: 0, start: 2_000_000 });
    server.script(throttle);
    await client.send(DescribeRegions, {});
    const waitsAfterFirstCall = sleeps.length;
    await client.send(DescribeRegions, {});
    // The second call starts limited: it waits for a token before its first attempt.
    expect(sleeps.length).toBeGreaterThan(waitsAfterFirstCall);
  });
});

describe('clock skew', () => {
  const hour = 3_600_000;
  let skewServer: LoopbackServer;
  beforeAll(async () => {
    // Like AWS: a request dated more than 5 minutes from the server's clock is refused, with its Date.
    skewServer = await startLoopbackServer({
      fallback: (request) => {
        if (Math.abs(amzDateMs(request.headers['x-amz-date']) - Date.now()) <= 5 * 60_000) {
          return { body: describeRegionsXml('req-in-time', ['us-east-1']) };
        }
        const code = request.url.includes('auth') ? 'AuthFailure' : 'RequestTimeTooSkewed';
        return {
          status: 403,
          headers: { date: new Date().toUTCString() },
          body: ec2ErrorXml(
            code,
            'The difference between the request time and the current time is too large.',
            'req-skew',
          ),
        };
      },
    });
    guard.watch(skewServer);
  });
  afterAll(() => skewServer.close());

  function clientAnHourBehind(path = ''): ServiceClient {
    const sleeps: number[] = [];
    const client = new ServiceClient(
      testEc2Service,
      guard.clientConfig({
        endpointUrl: `${skewServer.url}${path}`,
        effects: {
          now: () => Date.now() - hour,
          random: () => 0.5,
          sleep: async (ms) => {
            sleeps.push(ms);
          },
        },
      }),
    );
    clients.push(client);
    return client;
  }

  it('corrects the clock from the server Date after one RequestTimeTooSkewed and succeeds, then stays corrected', async () => {
    const client = clientAnHourBehind();
    const before = skewServer.received.length;
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata).toMatchObject({ attempts: 2, totalRetryDelay: 0, requestId: 'req-in-time' });
    expect(Math.abs(client.clockOffsetMs - hour)).toBeLessThan(2_000);
    const [first, second] = skewServer.received.slice(before);
    expect(Math.abs(amzDateMs(first!.headers['x-amz-date']) - Date.now())).toBeGreaterThan(55 * 60_000);
    expect(Math.abs(amzDateMs(second!.headers['x-amz-date']) - Date.now())).toBeLessThan(5 * 60_000);
    expect(await signatureIsValid(second!, TEST_CREDENTIALS, 'us-east-1', 'ec2')).toBe(true);
    // The next call is signed with the corrected clock from the start.
    const next = await client.send(DescribeRegions, {});
    expect(next.$metadata.attempts).toBe(1);
  });

  it('treats AuthFailure with a far-off Date the same way', async () => {
    const client = clientAnHourBehind('/auth');
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata.attempts).toBe(2);
  });

  it('corrects once per call: a server whose clock keeps jumping gets a ServiceError, not a loop', async () => {
    let shift = 0;
    const jumpy = await startLoopbackServer({
      fallback: () => {
        shift += 2 * hour;
        return {
          status: 403,
          headers: { date: new Date(Date.now() + shift).toUTCString() },
          body: ec2ErrorXml('RequestExpired', 'Request has expired.', 'req-jump'),
        };
      },
    });
    guard.watch(jumpy);
    try {
      const client = new ServiceClient(
        testEc2Service,
        guard.clientConfig({ endpointUrl: jumpy.url, effects: { sleep: async () => {} } }),
      );
      clients.push(client);
      const error = (await guard.rejection(client.send(DescribeRegions, {}))) as ServiceError;
      expect(error).toMatchObject({ code: 'RequestExpired', retryable: true, $metadata: { attempts: 2 } });
    } finally {
      await jumpy.close();
    }
  });
});
