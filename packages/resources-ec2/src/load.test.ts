import type { TraceEvent } from '@boto-ts/core';
import { describe, expect, it } from 'vitest';
import { ResourceNotFoundError, ResourceNotLoadedError } from './errors.js';
import { EC2Resource } from './index.js';
import { fakeTime, scriptedClient, serviceError } from './test-support/scripted-client.js';

const instanceData = (id: string, state = 'pending') => ({ InstanceId: id, State: { Code: 0, Name: state } });
const reservations = (id: string) => ({ Reservations: [{ Instances: [instanceData(id, 'running')] }] });

function setup(handlers: Parameters<typeof scriptedClient>[0], options: { trace?: boolean } = {}) {
  const time = fakeTime();
  const events: TraceEvent[] = [];
  const printed: string[] = [];
  const scripted = scriptedClient(handlers, {
    config: {
      trace: options.trace,
      logger: { info: (event) => events.push(event) },
      effects: { now: time.now, sleep: time.sleep, env: {}, writeTrace: (text) => printed.push(text) },
    },
  });
  const resource = new EC2Resource({ client: scripted.client });
  return { ...scripted, resource, time, events, printed };
}

describe('load()', () => {
  it('reads the data at the load path and sends the identifier', async () => {
    const { resource, calls } = setup({ describeInstances: () => reservations('i-1') });
    const instance = resource.Instance('i-1');
    expect(instance.loaded).toBe(false);
    expect(await instance.load()).toBe(instance);
    expect(instance.state).toEqual({ Code: 0, Name: 'running' });
    expect(calls).toEqual([
      { method: 'describeInstances', input: { InstanceIds: ['i-1'] }, options: undefined },
    ]);
  });

  it('throws ResourceNotLoadedError naming load() before any load, without sending anything', () => {
    const { resource, calls } = setup({});
    const instance = resource.Instance('i-1');
    expect(() => instance.publicIpAddress).toThrow(ResourceNotLoadedError);
    expect(() => instance.publicIpAddress).toThrow(/await instance\.load\(\)/);
    expect(() => instance.data).toThrow(ResourceNotLoadedError);
    expect(() => instance.vpc).toThrow(/`vpc`/);
    expect(instance.id).toBe('i-1');
    expect(instance.instanceId).toBe('i-1');
    expect(calls).toEqual([]);
  });

  it('retries a NotFound right after a create with doubling delays, and reports each retry', async () => {
    const { resource, time, events, printed, callsOf } = setup(
      {
        runInstances: () => ({ Instances: [instanceData('i-new')] }),
        describeInstances: (_input, call) => {
          if (call <= 2) throw serviceError('InvalidInstanceID.NotFound');
          return reservations('i-new');
        },
      },
      { trace: true },
    );
    const [instance] = await resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 });
    await instance!.reload();
    expect(instance!.state?.Name).toBe('running');
    expect(callsOf('describeInstances')).toHaveLength(3);
    expect(time.sleeps).toEqual([500, 1000]);
    expect(events.map((event) => [event.type, event.operation, event.attempt, event.code])).toEqual([
      ['eventualConsistency', 'DescribeInstances', 1, 'InvalidInstanceID.NotFound'],
      ['eventualConsistency', 'DescribeInstances', 2, 'InvalidInstanceID.NotFound'],
    ]);
    expect(String(events[0]!.message)).toMatch(/eventually consistent.*retries in 500 ms/);
    expect(printed.join('')).toContain('DescribeInstances attempt 1: eventualConsistency');
    expect(printed.join('')).toContain("Instance(id='i-new')");
  });

  it('stops treating the object as fresh once a load has seen it (a later NotFound means it is gone)', async () => {
    const { resource, callsOf, time } = setup({
      createSecurityGroup: () => ({ GroupId: 'sg-1' }),
      describeSecurityGroups: (_input, call) => {
        if (call === 1) return { SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web' }] };
        throw serviceError('InvalidGroup.NotFound');
      },
    });
    const group = await resource.createSecurityGroup({ GroupName: 'web', Description: 'web' });
    await group.load();
    await expect(group.load()).rejects.toMatchObject({ code: 'InvalidGroup.NotFound' });
    expect(callsOf('describeSecurityGroups')).toHaveLength(2);
    expect(time.sleeps).toEqual([]);
  });

  it('retries an empty answer right after a create too (a filter that does not see it yet)', async () => {
    const { resource, callsOf } = setup({
      createVpc: () => ({ Vpc: { VpcId: 'vpc-new', State: 'pending' } }),
      describeVpcs: (_input, call) =>
        call === 1 ? { Vpcs: [] } : { Vpcs: [{ VpcId: 'vpc-new', State: 'available' }] },
    });
    const vpc = await resource.createVpc({ CidrBlock: '10.0.0.0/16' });
    expect(vpc.state).toBe('pending');
    await vpc.load();
    expect(vpc.state).toBe('available');
    expect(callsOf('describeVpcs')).toHaveLength(2);
  });

  it('gives up after maxAttempts and rethrows the service error', async () => {
    const { resource, callsOf, time } = setup({
      runInstances: () => ({ Instances: [instanceData('i-new')] }),
      describeInstances: () => {
        throw serviceError('InvalidInstanceID.NotFound');
      },
    });
    const [instance] = await resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 });
    await expect(instance!.load()).rejects.toMatchObject({
      name: 'ServiceError',
      code: 'InvalidInstanceID.NotFound',
    });
    expect(callsOf('describeInstances')).toHaveLength(5);
    expect(time.sleeps).toEqual([500, 1000, 2000, 4000]);
  });

  it('does not retry objects that were not just created, nor after the window', async () => {
    const { resource, callsOf, time } = setup({
      runInstances: () => ({ Instances: [instanceData('i-new')] }),
      describeInstances: () => {
        throw serviceError('InvalidInstanceID.NotFound');
      },
    });
    await expect(resource.Instance('i-old').load()).rejects.toMatchObject({
      code: 'InvalidInstanceID.NotFound',
    });
    const [instance] = await resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 });
    time.advance(61_000);
    await expect(instance!.load()).rejects.toMatchObject({ code: 'InvalidInstanceID.NotFound' });
    expect(callsOf('describeInstances')).toHaveLength(2);
    expect(time.sleeps).toEqual([]);
  });

  it('passes other errors through at once, even right after a create', async () => {
    const { resource, callsOf } = setup({
      runInstances: () => ({ Instances: [instanceData('i-new')] }),
      describeInstances: () => {
        throw serviceError('UnauthorizedOperation', 403);
      },
    });
    const [instance] = await resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 });
    await expect(instance!.load()).rejects.toMatchObject({ code: 'UnauthorizedOperation' });
    expect(callsOf('describeInstances')).toHaveLength(1);
  });

  it('says ResourceNotFound when the answer is empty for an object that was not just created', async () => {
    const { resource } = setup({ describeVpcs: () => ({ Vpcs: [] }) });
    const error = await resource
      .Vpc('vpc-gone')
      .load()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResourceNotFoundError);
    expect(error).toMatchObject({ code: 'ResourceNotFound', operation: 'DescribeVpcs' });
    expect((error as Error).message).toMatch(
      /Vpc\(id='vpc-gone'\) was not found: DescribeVpcs answered without it/,
    );
  });

  it('can be turned off with consistency: false', async () => {
    const { client } = scriptedClient({
      runInstances: () => ({ Instances: [instanceData('i-new')] }),
      describeInstances: () => {
        throw serviceError('InvalidInstanceID.NotFound');
      },
    });
    const resource = new EC2Resource({ client, consistency: false });
    const [instance] = await resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 });
    await expect(instance!.load()).rejects.toMatchObject({ code: 'InvalidInstanceID.NotFound' });
  });

  it('refuses consistency options that cannot work', () => {
    const { client } = scriptedClient();
    expect(() => new EC2Resource({ client, consistency: { maxAttempts: 0 } })).toThrow(
      /maxAttempts must be an integer >= 1/,
    );
    expect(() => new EC2Resource({ client, consistency: { delayMs: -1, windowMs: Number.NaN } })).toThrow(
      /windowMs .*; delayMs/,
    );
  });

  it('stops waiting between retries when the signal aborts', async () => {
    const controller = new AbortController();
    const { client } = scriptedClient({
      runInstances: () => ({ Instances: [instanceData('i-new')] }),
      describeInstances: () => {
        throw serviceError('InvalidInstanceID.NotFound');
      },
    });
    const resource = new EC2Resource({ client, consistency: { delayMs: 60_000 } });
    const [instance] = await resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1 });
    const pending = instance!.load({ signal: controller.signal });
    setTimeout(() => controller.abort(), 5);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
