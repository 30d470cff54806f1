// Integration: the EC2 waiters on a real EC2Client against moto's EC2 server on loopback.
// Short backoff delays keep the suite quick; the acceptors and the client are the real ones.
// Skips without moto on a developer machine; CI requires it.

import { EC2Client } from '@boto-ts/client-ec2';
import { createEC2BareClient } from '@boto-ts/client-ec2/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../../../scripts/lib/moto.js';
import { getWaiter, waitUntil } from './ec2.js';
import { WaiterError } from './errors.js';
import type { AttemptReport } from './waiter.js';

const available = motoAvailable();
let moto: MotoServer;
let ec2: EC2Client;
let imageId: string;
const quick = { minDelay: 0.2, maxDelay: 1, maxWaitTime: 30 };

async function launch(count = 1): Promise<string[]> {
  const run = await ec2.runInstances({ ImageId: imageId, MinCount: count, MaxCount: count });
  return (run.Instances ?? []).map((instance) => instance.InstanceId!);
}

describe.skipIf(!available)('EC2 waiters against moto', () => {
  beforeAll(async () => {
    moto = await startMoto();
    ec2 = new EC2Client({ region: 'us-east-1', credentials: moto.credentials, endpointUrl: moto.endpoint });
    imageId = (await ec2.describeImages({ Owners: ['amazon'] })).Images?.[0]?.ImageId ?? '';
  }, 60_000);
  afterAll(async () => {
    await ec2?.destroy();
    await moto?.stop();
  });

  it('instanceRunning completes and hands back the final DescribeInstances response', async () => {
    const ids = await launch(2);
    const reports: AttemptReport[] = [];
    const result = await getWaiter(ec2, 'instanceRunning').wait(
      { InstanceIds: ids },
      { ...quick, onAttempt: (report) => reports.push(report) },
    );
    const instances = result.output.Reservations!.flatMap((r) => r.Instances ?? []);
    expect(instances.map((i) => i.InstanceId).sort()).toEqual([...ids].sort());
    expect(instances.every((i) => i.State?.Name === 'running')).toBe(true);
    expect(result.output.$metadata.httpStatusCode).toBe(200);
    expect(reports.at(-1)).toMatchObject({
      state: 'success',
      attempt: result.attempts,
      nextDelaySeconds: undefined,
    });
    expect(reports.at(-1)!.observed).toMatch(/^instance i-\S+ is running, instance i-\S+ is running$/);
  }, 60_000);

  it('instanceTerminated completes after TerminateInstances', async () => {
    const [id] = await launch();
    await ec2.terminateInstances({ InstanceIds: [id!] });
    const result = await waitUntil(ec2, 'instanceTerminated', { InstanceIds: [id!] }, quick);
    expect(result.output.Reservations![0]!.Instances![0]!.State!.Name).toBe('terminated');
    expect(result.observed).toBe(`instance ${id} is terminated`);
  }, 60_000);

  it('instanceRunning on a terminated instance fails fast, saying which instance is in which state', async () => {
    const [id] = await launch();
    await ec2.terminateInstances({ InstanceIds: [id!] });
    const error = await getWaiter(ec2, 'instanceRunning')
      .wait({ InstanceIds: [id!] }, quick)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect((error as WaiterError).code).toBe('WaiterFailureState');
    expect((error as WaiterError).attempts).toBe(1);
    expect((error as WaiterError).message).toContain(`instance ${id} is terminated`);
  }, 60_000);

  it('retries InvalidInstanceID.NotFound (instanceExists) until attempts run out', async () => {
    const error = await getWaiter(ec2, 'instanceExists')
      .wait({ InstanceIds: ['i-0123456789abcdef0'] }, { ...quick, maxAttempts: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect((error as WaiterError).code).toBe('WaiterMaxAttemptsExceeded');
    expect((error as WaiterError).lastError?.code).toBe('InvalidInstanceID.NotFound');
    expect((error as WaiterError).attempts).toBe(2);
  }, 60_000);

  it('runs on a bare client, loading the operation schema on first use', async () => {
    const [id] = await launch();
    const bare = createEC2BareClient({
      region: 'us-east-1',
      credentials: moto.credentials,
      endpointUrl: moto.endpoint,
    });
    try {
      const result = await waitUntil(bare, 'instanceRunning', { InstanceIds: [id!] }, quick);
      expect(result.observed).toBe(`instance ${id} is running`);
    } finally {
      await bare.destroy();
    }
  }, 60_000);
});
