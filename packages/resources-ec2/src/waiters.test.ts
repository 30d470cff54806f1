// Resource waiters: each polls with the identifiers filled in, sleeps through the resource's effects,
// and keeps the data of the final response (boto3 throws it away).

import { WaiterError } from '@boto-ts/waiters';
import { describe, expect, it } from 'vitest';
import { EC2Resource } from './index.js';
import { fakeTime, scriptedClient, serviceError } from './test-support/scripted-client.js';

const reservation = (id: string, state: string) => ({
  Reservations: [{ Instances: [{ InstanceId: id, State: { Name: state } }] }],
});

interface Case {
  readonly waiter: string;
  readonly make: (resource: EC2Resource) => object;
  readonly method: string;
  readonly idMember: string;
  readonly id: string;
  /** Responses (or errors) in order; the last one succeeds. */
  readonly answers: readonly unknown[];
  /** What the object's data says afterwards (undefined: the waiter's operation answers no data). */
  readonly after: ((object: object) => unknown) | undefined;
  readonly expected: unknown;
  /** The model's delay between polls (ms). */
  readonly delayMs: number;
}

const get = (object: object, name: string): unknown => (object as Record<string, unknown>)[name];

const cases: Case[] = [
  ...(
    [
      ['Running', 'pending'],
      ['Stopped', 'stopping'],
      ['Terminated', 'shutting-down'],
    ] as const
  ).map(([state, before]) => ({
    waiter: `Instance.waitUntil${state}`,
    make: (resource: EC2Resource) => resource.Instance('i-1'),
    method: 'describeInstances',
    idMember: 'InstanceIds',
    id: 'i-1',
    answers: [reservation('i-1', before), reservation('i-1', state.toLowerCase())],
    after: (object: object) => (get(object, 'state') as { Name: string }).Name,
    expected: state.toLowerCase(),
    delayMs: 15_000,
  })),
  {
    waiter: 'Instance.waitUntilExists',
    make: (resource) => resource.Instance('i-1'),
    method: 'describeInstances',
    idMember: 'InstanceIds',
    id: 'i-1',
    answers: [serviceError('InvalidInstanceID.NotFound'), reservation('i-1', 'pending')],
    after: (object) => (get(object, 'state') as { Name: string }).Name,
    expected: 'pending',
    delayMs: 5_000,
  },
  {
    waiter: 'Image.waitUntilExists',
    make: (resource) => resource.Image('ami-1'),
    method: 'describeImages',
    idMember: 'ImageIds',
    id: 'ami-1',
    answers: [serviceError('InvalidAMIID.NotFound'), { Images: [{ ImageId: 'ami-1', State: 'pending' }] }],
    after: (object) => get(object, 'state'),
    expected: 'pending',
    delayMs: 15_000,
  },
  {
    waiter: 'Snapshot.waitUntilCompleted',
    make: (resource) => resource.Snapshot('snap-1'),
    method: 'describeSnapshots',
    idMember: 'SnapshotIds',
    id: 'snap-1',
    answers: [
      { Snapshots: [{ SnapshotId: 'snap-1', State: 'pending', Progress: '40%' }] },
      { Snapshots: [{ SnapshotId: 'snap-1', State: 'completed', Progress: '100%' }] },
    ],
    after: (object) => get(object, 'progress'),
    expected: '100%',
    delayMs: 15_000,
  },
  {
    waiter: 'Vpc.waitUntilAvailable',
    make: (resource) => resource.Vpc('vpc-1'),
    method: 'describeVpcs',
    idMember: 'VpcIds',
    id: 'vpc-1',
    answers: [
      { Vpcs: [{ VpcId: 'vpc-1', State: 'pending' }] },
      { Vpcs: [{ VpcId: 'vpc-1', State: 'available' }] },
    ],
    after: (object) => get(object, 'state'),
    expected: 'available',
    delayMs: 15_000,
  },
  {
    waiter: 'Vpc.waitUntilExists',
    make: (resource) => resource.Vpc('vpc-1'),
    method: 'describeVpcs',
    idMember: 'VpcIds',
    id: 'vpc-1',
    answers: [serviceError('InvalidVpcID.NotFound'), { Vpcs: [{ VpcId: 'vpc-1', State: 'pending' }] }],
    after: (object) => get(object, 'state'),
    expected: 'pending',
    delayMs: 1_000,
  },
  {
    waiter: 'VpcPeeringConnection.waitUntilExists',
    make: (resource) => resource.VpcPeeringConnection('pcx-1'),
    method: 'describeVpcPeeringConnections',
    idMember: 'VpcPeeringConnectionIds',
    id: 'pcx-1',
    answers: [
      serviceError('InvalidVpcPeeringConnectionID.NotFound'),
      {
        VpcPeeringConnections: [{ VpcPeeringConnectionId: 'pcx-1', Status: { Code: 'pending-acceptance' } }],
      },
    ],
    after: (object) => (get(object, 'status') as { Code: string }).Code,
    expected: 'pending-acceptance',
    delayMs: 15_000,
  },
];

describe('resource waiters', () => {
  for (const test of cases) {
    it(`${test.waiter}() polls with the identifier, then keeps the final response's data`, async () => {
      const time = fakeTime();
      const { client, callsOf } = scriptedClient(
        {
          [test.method]: (_input, call) => {
            const answer = test.answers[Math.min(call, test.answers.length) - 1];
            if (answer instanceof Error) throw answer;
            return answer;
          },
        },
        { config: { effects: { now: time.now, sleep: time.sleep } } },
      );
      const resource = new EC2Resource({ client });
      const object = test.make(resource);
      const getter = test.waiter.split('.')[1]!;
      const wait = (object as Record<string, (input?: object) => Promise<object>>)[getter]!.bind(object);
      expect(await wait()).toBe(object);
      const calls = callsOf(test.method);
      expect(calls).toHaveLength(test.answers.length);
      for (const call of calls) expect(call.input[test.idMember]).toEqual([test.id]);
      // The model's delay, slept through the injected clock: nothing waited for real.
      expect(time.sleeps).toEqual(Array(test.answers.length - 1).fill(test.delayMs));
      expect(get(object, 'loaded')).toBe(true);
      expect(test.after?.(object)).toEqual(test.expected);
    });
  }

  it('passes extra input and waiter options through, and reports each attempt', async () => {
    const { client, callsOf } = scriptedClient({
      describeInstances: (_input, call) => reservation('i-1', call < 3 ? 'pending' : 'running'),
    });
    const sleeps: number[] = [];
    const attempts: string[] = [];
    const instance = new EC2Resource({ client }).Instance('i-1');
    await instance.waitUntilRunning(
      { Filters: [{ Name: 'tag:app', Values: ['web'] }] },
      {
        minDelay: 1,
        maxDelay: 2,
        onAttempt: (report) => attempts.push(`${report.attempt}:${report.state}:${report.observed}`),
        effects: { now: () => 0, sleep: async (seconds) => void sleeps.push(seconds), random: () => 0.5 },
      },
    );
    expect(callsOf('describeInstances')[0]!.input).toEqual({
      InstanceIds: ['i-1'],
      Filters: [{ Name: 'tag:app', Values: ['web'] }],
    });
    expect(attempts).toEqual([
      '1:retry:instance i-1 is pending',
      '2:retry:instance i-1 is pending',
      '3:success:instance i-1 is running',
    ]);
    expect(sleeps).toHaveLength(2);
    expect(instance.state?.Name).toBe('running');
  });

  it('rejects with a WaiterError on a failure state and leaves the loaded data as it was', async () => {
    const time = fakeTime();
    const { client } = scriptedClient(
      { describeInstances: (_input, call) => reservation('i-1', call === 1 ? 'running' : 'terminated') },
      { config: { effects: { now: time.now, sleep: time.sleep } } },
    );
    const instance = await new EC2Resource({ client }).Instance('i-1').load();
    const error = await instance.waitUntilStopped().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WaiterError);
    expect((error as Error).message).toMatch(/instance i-1 is terminated/);
    expect(instance.state?.Name).toBe('running');
  });
});
