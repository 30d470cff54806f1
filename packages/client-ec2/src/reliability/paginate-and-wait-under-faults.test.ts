// Paginators and waiters through a faulty endpoint: the client's retries sit under every page and
// every poll, so a pagination under throttling, 5xx and dropped connections must still deliver each
// instance exactly once, and a waiter must reach its state as if nothing had happened.

import { DEFAULT_IMAGE_ID } from '@boto-ts/ec2-local';
import { getPaginator } from '@boto-ts/paginators';
import { getWaiter } from '@boto-ts/waiters';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { recordedSleeps } from './test-support/effects.js';
import { type LocalEndpoint, startLocalEndpoint } from './test-support/local-endpoint.js';
import { installSecretGuard } from './test-support/secret-guard.js';
import { destroyAll, tracedClient } from './test-support/traced-client.js';

const secrets = installSecretGuard({ expectErrors: false });
const { guard } = secrets;
let endpoint: LocalEndpoint;

const FAULTS = {
  actions: ['DescribeInstances'],
  throttleEvery: 3,
  serverErrorEvery: 7,
  resetMidResponseEvery: 5,
  resetBeforeEvery: 11,
};

beforeAll(async () => {
  endpoint = await startLocalEndpoint({ stateDelays: 'manual' });
  secrets.watch(endpoint.proxy);
});
afterEach(async () => {
  endpoint.local.setFaults({});
  endpoint.local.reset();
  await destroyAll();
});
afterAll(async () => {
  await endpoint.close();
});

/** Enough attempts that faults in a row cannot exhaust them; backoff is recorded, not slept. */
function faultTolerantClient() {
  const recorded = recordedSleeps(0.5);
  return {
    ...tracedClient(guard, endpoint.endpoint, { maxAttempts: 8, effects: recorded.effects }),
    ...recorded,
  };
}

describe('pagination under faults', () => {
  it('delivers each of 37 instances exactly once, in pages of 5, through throttles, 5xx and resets', async () => {
    const { client } = faultTolerantClient();
    const launched: string[] = [];
    for (const count of [1, 4, 2, 5, 3, 7, 1, 6, 2, 3, 3]) {
      const output = await client.runInstances({
        ImageId: DEFAULT_IMAGE_ID,
        MinCount: count,
        MaxCount: count,
      });
      launched.push(...output.Instances!.map((i) => i.InstanceId!));
    }
    expect(launched).toHaveLength(37);

    endpoint.log.length = 0;
    endpoint.local.setFaults(FAULTS);
    const paginator = getPaginator(client, 'describeInstances');
    const seen: string[] = [];
    let pages = 0;
    let attempts = 0;
    for await (const page of paginator.paginate({}, { pageSize: 5 })) {
      pages++;
      attempts += page.$metadata.attempts;
      for (const reservation of page.Reservations ?? []) {
        for (const instance of reservation.Instances ?? []) seen.push(instance.InstanceId!);
      }
    }
    expect(seen.sort()).toEqual([...launched].sort());
    expect(pages).toBe(Math.ceil(37 / 5));
    // Faults really happened, and every request the server saw was one of the pages' attempts.
    const served = endpoint.entries('DescribeInstances');
    expect(served.filter((e) => e.fault !== undefined).length).toBeGreaterThan(3);
    expect(attempts).toBe(served.length);
  });

  it('yields the same items with maxItems and a resume token across faults', async () => {
    const { client } = faultTolerantClient();
    await client.runInstances({ ImageId: DEFAULT_IMAGE_ID, MinCount: 12, MaxCount: 12 });
    await client.runInstances({ ImageId: DEFAULT_IMAGE_ID, MinCount: 9, MaxCount: 9 });
    endpoint.local.setFaults(FAULTS);
    const paginator = getPaginator(client, 'describeInstances');
    const first = paginator.items({}, { pageSize: 5, maxItems: 8 });
    const ids: string[] = [];
    for await (const instance of first) ids.push(instance.InstanceId!);
    expect(ids).toHaveLength(8);
    for await (const instance of paginator.items({}, { pageSize: 5, startingToken: first.resumeToken }))
      ids.push(instance.InstanceId!);
    expect(ids).toHaveLength(21);
    expect(new Set(ids).size).toBe(21);
  });
});

describe('waiting under faults', () => {
  it('waits an instance to running while half the polls are throttled or cut off', async () => {
    const { client } = faultTolerantClient();
    const launched = await client.runInstances({ ImageId: DEFAULT_IMAGE_ID, MinCount: 2, MaxCount: 2 });
    const InstanceIds = launched.Instances!.map((i) => i.InstanceId!);
    endpoint.local.setFaults({ actions: ['DescribeInstances'], throttleEvery: 2, resetMidResponseEvery: 3 });
    let polls = 0;
    const result = await getWaiter(client, 'instanceRunning').wait(
      { InstanceIds },
      {
        effects: {
          now: () => polls * 15_000,
          random: () => 0.5,
          // Between polls, the lifecycle moves a step (the endpoint's clock is manual).
          sleep: async () => {
            polls++;
            if (polls === 2) endpoint.local.advance();
          },
        },
      },
    );
    expect(result.state).toBe('success');
    expect(result.attempts).toBe(3);
    const states = result.output.Reservations!.flatMap((r) => r.Instances!.map((i) => i.State?.Name));
    expect(states).toEqual(['running', 'running']);
  });
});
