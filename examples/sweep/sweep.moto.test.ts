// The sweep against moto on loopback: 3 accounts (each through an assumed role; moto keeps every
// 12-digit account apart) x 4 regions through fanOut at concurrency 4, one target routed to an
// endpoint that refuses it. Skips without moto on a developer machine; CI requires it.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EC2Client } from '@boto-ts/client-ec2';
import { idempotencyTokenFor, memoryCheckpoint, Session } from '@boto-ts/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../../scripts/lib/moto.js';
import { runSweep, type SweepTarget, sweepTargets } from './sweep.js';

const ACCOUNTS = ['111111111111', '222222222222', '333333333333'];
const REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'ap-southeast-2'];
const FAILING: SweepTarget = { accountId: '333333333333', region: 'eu-west-1' };

const available = motoAvailable();
let moto: MotoServer;
let refusing: Server;
let refusingUrl: string;

/** An EC2 endpoint that refuses every call, as a region the account has not enabled does. */
async function startRefusingEndpoint(): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(401, { 'content-type': 'text/xml' });
      response.end(
        '<?xml version="1.0" encoding="UTF-8"?><Response><Errors><Error><Code>AuthFailure</Code><Message>This region is not enabled for this account.</Message></Error></Errors><RequestID>req-refused</RequestID></Response>',
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

describe.skipIf(!available)('a sweep of 3 accounts x 4 regions against moto', () => {
  beforeAll(async () => {
    moto = await startMoto();
    refusing = await startRefusingEndpoint();
    refusingUrl = `http://127.0.0.1:${(refusing.address() as AddressInfo).port}`;
  }, 30_000);
  afterAll(async () => {
    await moto?.stop();
    await new Promise((resolve) => refusing?.close(resolve));
  });

  it('settles 12 results in target order: the refused target fails, the other 11 launch once each', async () => {
    const hub = new Session({
      region: 'us-east-1',
      credentials: moto.credentials,
      env: { AWS_ENDPOINT_URL: moto.endpoint },
    });
    const targets = sweepTargets(ACCOUNTS, REGIONS);
    const checkpoint = memoryCheckpoint();
    const isFailing = (t: SweepTarget) => t.accountId === FAILING.accountId && t.region === FAILING.region;
    const options = {
      session: hub,
      checkpoint,
      concurrency: 4,
      clientConfig: (t: SweepTarget) => (isFailing(t) ? { endpointUrl: refusingUrl, maxAttempts: 1 } : {}),
    };
    const results = await runSweep(targets, options);

    expect(results).toHaveLength(12);
    expect(results.map((r) => r.target)).toEqual(targets);
    expect(results.filter((r) => r.ok)).toHaveLength(11);
    const failed = results.find((r) => !r.ok)!;
    expect(failed.target).toEqual(FAILING);
    expect(failed.ok === false && failed.error).toMatchObject({ name: 'ServiceError', code: 'AuthFailure' });

    // Each account x region holds exactly the one instance its target launched, with the token the
    // sweep's idempotency key gives, in that account (seen through its role) and region only.
    const sweepId = checkpoint.state!.sweepId;
    for (const result of results.filter((r) => r.ok)) {
      const { accountId, region } = result.target;
      const session = hub
        .assumeRole({ RoleArn: `arn:aws:iam::${accountId}:role/SweepRole` })
        .withRegion(region);
      const ec2 = new EC2Client({ session });
      const { Reservations = [] } = await ec2.describeInstances({
        Filters: [{ Name: 'tag:sweep', Values: ['example'] }],
      });
      await ec2.destroy();
      const instances = Reservations.flatMap((r) => r.Instances ?? []);
      expect(instances.map((i) => i.InstanceId)).toEqual([result.ok && result.value.launchedInstanceId]);
      expect(Reservations[0]!.OwnerId).toBe(accountId);
      expect(instances[0]!.ClientToken).toBe(
        idempotencyTokenFor(
          'EC2',
          'RunInstances',
          'ClientToken',
          `${sweepId}/accountId=${accountId}/region=${region}/launch`,
        ),
      );
      expect(instances[0]!.Placement?.AvailabilityZone?.startsWith(region)).toBe(true);
    }

    // A second run with the same checkpoint does only the failed target again, and launches nothing new.
    const again = await runSweep(targets, options);
    expect(again.filter((r) => r.resumed)).toHaveLength(11);
    expect(again.find((r) => !r.ok)?.target).toEqual(FAILING);
  }, 120_000);
});
