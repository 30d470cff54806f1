// Expiring credentials end to end: a provider hands out temporary keys that live 15 minutes (each
// generation is an ec2-local account of its own), and a fake clock, shared by the client, the
// credentials cache and ec2-local, steps through the cache's windows while hundreds of calls run at
// once. The provider must be asked exactly once per window however many calls wait, and no request
// may go out signed with a key that had expired at its signing time.

import type { EC2Client } from '@boto-ts/client-ec2';
import { type Credentials, type CredentialsProvider, cacheCredentials, Session } from '@boto-ts/core';
import type { AccountOptions } from '@boto-ts/ec2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalEndpoint, startLocalEndpoint } from './test-support/local-endpoint.js';
import { type RecordingTransport, recordingTransport } from './test-support/recording-transport.js';
import { installSecretGuard } from './test-support/secret-guard.js';
import { destroyAll, tracedClient } from './test-support/traced-client.js';

const secrets = installSecretGuard();
const { guard } = secrets;

const MINUTE = 60_000;
const T0 = Date.parse('2025-06-01T10:00:00Z');
const LIFETIME = 15 * MINUTE;
const GENERATIONS = 6;
const CONCURRENT = 200;

/** Generation `g` of the temporary keys (1-based). */
function generation(prefix: string, g: number): AccountOptions {
  return {
    accessKeyId: `ASIA${prefix}EXPIRING0${g}`,
    secretAccessKey: `${prefix}/expiring/secret/${g}/wJalrXUtnFEMI+K7MDENG`,
    sessionToken: `${prefix}ExpiringSessionToken${g}//IQoJb3JpZ2luX2VjEOr==`,
  };
}

interface Fixture {
  readonly endpoint: LocalEndpoint;
  readonly transport: RecordingTransport;
  readonly client: EC2Client;
  /** Fake time of each provider call. */
  readonly fetches: number[];
  /** The next this-many provider calls fail (the source is down). */
  readonly source: { failures: number };
  /** The fake time, and how much longer than asked each backoff sleep lasts. */
  readonly clock: { now: number; oversleepMs: number };
  /** When each access key expires. */
  readonly expiresAt: Map<string, number>;
}

async function fixture(
  prefix: string,
  wrap: (
    provider: CredentialsProvider,
    now: () => number,
  ) => {
    session?: Session;
    credentials?: CredentialsProvider;
  },
): Promise<Fixture> {
  const clock = { now: T0, oversleepMs: 0 };
  const now = () => clock.now;
  const accounts = Array.from({ length: GENERATIONS }, (_, i) => generation(prefix, i + 1));
  for (const account of accounts) {
    secrets.forbid(account.secretAccessKey);
    secrets.forbid(account.sessionToken!);
  }
  const endpoint = await startLocalEndpoint({ accounts, clock: now });
  secrets.watch(endpoint.proxy);
  const fetches: number[] = [];
  const source = { failures: 0 };
  let issued = 0;
  const expiresAt = new Map<string, number>();
  const provider: CredentialsProvider = async () => {
    fetches.push(clock.now);
    if (source.failures > 0) {
      source.failures--;
      throw new Error('the credential source is unavailable (test)');
    }
    const keys = accounts[issued++];
    if (keys === undefined) throw new Error('the test ran out of key generations');
    const expiration = clock.now + LIFETIME;
    // A real source (STS) answers after a round trip: callers pile up meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expiresAt.set(keys.accessKeyId, expiration);
    const credentials: Credentials = {
      accessKeyId: keys.accessKeyId,
      secretAccessKey: keys.secretAccessKey,
      sessionToken: keys.sessionToken,
      expiration: new Date(expiration),
    };
    return credentials;
  };
  const transport = recordingTransport();
  const { client } = tracedClient(guard, endpoint.endpoint, {
    ...wrap(provider, now),
    transport,
    effects: {
      now,
      random: () => 0.5,
      // Backoff moves the fake clock instead of waiting.
      sleep: async (ms) => {
        clock.now += ms + clock.oversleepMs;
      },
    },
  });
  return { endpoint, transport, client, fetches, source, clock, expiresAt };
}

/** `count` calls at once; resolves to the access keys that signed the requests they sent. */
async function burst(f: Fixture, count: number): Promise<Set<string>> {
  const from = f.transport.sent.length;
  const outputs = await Promise.all(Array.from({ length: count }, () => f.client.describeInstances()));
  expect(outputs.every((o) => o.$metadata.httpStatusCode === 200)).toBe(true);
  return new Set(f.transport.sent.slice(from).map((r) => r.accessKeyId));
}

function expectNoExpiredSignature(f: Fixture): void {
  expect(f.transport.sent.length).toBeGreaterThan(0);
  for (const request of f.transport.sent) {
    const expiry = f.expiresAt.get(request.accessKeyId);
    expect(expiry, `request signed with unknown key ${request.accessKeyId}`).toBeDefined();
    expect(request.signedAt, `${request.accessKeyId} used after it expired`).toBeLessThan(expiry!);
    expect(request.hasSessionToken).toBe(true);
  }
}

describe.each([
  [
    'a Session given a provider',
    'SESS',
    (provider: CredentialsProvider, now: () => number) => ({
      credentials: undefined,
      session: new Session({
        region: 'us-east-1',
        credentials: provider,
        env: {},
        effects: { now, readFileSync: () => undefined, homedir: () => '/nonexistent-home' },
      }),
    }),
  ],
  [
    'cacheCredentials around a provider',
    'CACH',
    (provider: CredentialsProvider, now: () => number) => ({
      credentials: cacheCredentials(provider, { now }),
    }),
  ],
])('temporary credentials through %s', (_, prefix, wrap) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await fixture(prefix, wrap);
  });
  afterAll(async () => {
    await destroyAll();
    await f.transport.destroy();
    await f.endpoint.close();
  });

  it(`fetches once for ${CONCURRENT} concurrent first calls`, async () => {
    const keys = await burst(f, CONCURRENT);
    expect(f.fetches).toEqual([T0]);
    expect(keys).toEqual(new Set([generation(prefix, 1).accessKeyId]));
  });

  it('asks nothing while the credentials are fresh', async () => {
    f.clock.now = T0 + 5 * MINUTE;
    await burst(f, 50);
    expect(f.fetches).toHaveLength(1);
  });

  it('refreshes once, in the background, inside the advisory window (calls keep the still-valid key meanwhile)', async () => {
    // 15-minute credentials: the advisory window opens 7.5 minutes before expiry, the mandatory one at 5.
    f.clock.now = T0 + 8 * MINUTE;
    const keys = await burst(f, CONCURRENT);
    expect(f.fetches).toEqual([T0, T0 + 8 * MINUTE]);
    expect(
      [...keys].every(
        (k) => k === generation(prefix, 1).accessKeyId || k === generation(prefix, 2).accessKeyId,
      ),
    ).toBe(true);
    // Once the refresh is in, calls use the new key.
    expect(await burst(f, 10)).toEqual(new Set([generation(prefix, 2).accessKeyId]));
  });

  it(`refreshes exactly once for ${CONCURRENT} concurrent calls inside the mandatory window, and they all wait for the new key`, async () => {
    // Generation 2 expires at T0 + 23 min; its mandatory window opens at T0 + 18 min.
    f.clock.now = T0 + 20 * MINUTE;
    const keys = await burst(f, CONCURRENT);
    expect(f.fetches).toHaveLength(3);
    expect(keys).toEqual(new Set([generation(prefix, 3).accessKeyId]));
  });

  it(`refreshes exactly once for ${CONCURRENT} concurrent calls after the credentials expired`, async () => {
    f.clock.now = T0 + 60 * MINUTE;
    const keys = await burst(f, CONCURRENT);
    expect(f.fetches).toHaveLength(4);
    expect(keys).toEqual(new Set([generation(prefix, 4).accessKeyId]));
  });

  it('signs a retry with fresh credentials when the key expired during the backoff', async () => {
    f.clock.now = T0 + 61 * MINUTE;
    f.endpoint.local.setFaults({ next: ['throttle'] });
    const from = f.transport.sent.length;
    // The throttle's backoff is stretched (a suspended laptop): the clock wakes up past the expiry.
    f.clock.oversleepMs = LIFETIME + MINUTE;
    const output = await f.client.describeInstances().finally(() => {
      f.clock.oversleepMs = 0;
    });
    expect(output.$metadata.attempts).toBe(2);
    expect(f.transport.sent.slice(from).map((r) => r.accessKeyId)).toEqual([
      generation(prefix, 4).accessKeyId,
      generation(prefix, 5).accessKeyId,
    ]);
    expect(f.fetches).toHaveLength(5);
  });

  it('keeps the still-valid key when a refresh inside the mandatory window fails', async () => {
    // Generation 5 was fetched at T0 + 77.5 min: it expires at T0 + 92.5 min.
    const fetched = f.fetches.length;
    f.clock.now = T0 + 89 * MINUTE;
    f.source.failures = 1;
    const keys = await burst(f, 50);
    expect(keys).toEqual(new Set([generation(prefix, 5).accessKeyId]));
    // One failed attempt for the whole burst; later calls wait for the backoff before asking again.
    expect(f.fetches).toHaveLength(fetched + 1);
  });

  it('fails calls without sending anything when the key has expired and the refresh fails, then recovers', async () => {
    const sent = f.transport.sent.length;
    const fetched = f.fetches.length;
    f.clock.now = T0 + 100 * MINUTE;
    f.source.failures = 1;
    const settled = await Promise.allSettled(Array.from({ length: 20 }, () => f.client.describeInstances()));
    expect(settled.every((s) => s.status === 'rejected')).toBe(true);
    for (const s of settled) {
      const error = guard.record((s as PromiseRejectedResult).reason as Error);
      expect(error.message).toMatch(/credential source is unavailable/);
    }
    expect(f.transport.sent.length).toBe(sent);
    expect(f.fetches).toHaveLength(fetched + 1);
    // The source is back: the next call fetches generation 6 and goes through.
    expect(await burst(f, 5)).toEqual(new Set([generation(prefix, 6).accessKeyId]));
  });

  it('never sent a request signed with a key that had expired at its signing time', () => {
    expectNoExpiredSignature(f);
  });
});
