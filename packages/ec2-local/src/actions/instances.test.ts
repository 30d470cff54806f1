import { describe, expect, it } from 'vitest';
import { CANNED_IMAGE_IDS, DEFAULT_IMAGE_ID } from '../state/images.js';
import { flat, harness, pick } from '../test-support/harness.js';

const LAUNCH = { ImageId: DEFAULT_IMAGE_ID, InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 };

async function launch(h: ReturnType<typeof harness>, extra: Record<string, string | number> = {}) {
  const result = await h.call('RunInstances', { ...LAUNCH, ...extra });
  return (result.instancesSet as Array<Record<string, unknown>>).map((i) => i.instanceId as string);
}

async function states(h: ReturnType<typeof harness>, ids: string[]): Promise<string[]> {
  const result = await h.call('DescribeInstances', flat('InstanceId', ids));
  const reservations = result.reservationSet as Array<{ instancesSet: Array<Record<string, unknown>> }>;
  return reservations.flatMap((r) => r.instancesSet.map((i) => pick(i, 'instanceState.name') as string));
}

describe('RunInstances', () => {
  it('puts MaxCount instances in one reservation, pending, with launch indexes, addresses and a root volume', async () => {
    const h = harness();
    const result = await h.call('RunInstances', { ...LAUNCH, MinCount: 2, MaxCount: 3 });
    const instances = result.instancesSet as Array<Record<string, unknown>>;
    expect(result.reservationId).toMatch(/^r-[0-9a-f]{17}$/);
    expect(result.ownerId).toBe('123456789012');
    expect(instances.map((i) => i.amiLaunchIndex)).toEqual([0, 1, 2]);
    expect(instances.map((i) => pick(i, 'instanceState.name'))).toEqual(['pending', 'pending', 'pending']);
    expect(new Set(instances.map((i) => i.privateIpAddress)).size).toBe(3);
    expect(instances[0]!.privateDnsName).toMatch(/^ip-172-31-\d+-\d+\.ec2\.internal$/);
    expect(pick(instances[0], 'placement.availabilityZone')).toBe('us-east-1a');
    expect(pick(instances[0], 'groupSet.0.groupName')).toBe('default');
    expect(pick(instances[0], 'blockDeviceMapping.0.deviceName')).toBe('/dev/xvda');
    expect(h.state.volumes.size).toBe(3);
  });

  it('validates the launch like EC2: image, type, architecture, key, subnet, zone, groups and counts', async () => {
    const h = harness();
    const cases: Array<[Record<string, string | number>, string, RegExp?]> = [
      [{ ImageId: '' }, 'MissingParameter', /ImageId/],
      [{ ImageId: 'ami-123' }, 'InvalidAMIID.Malformed'],
      [{ ImageId: 'ami-0123456789abcdef0' }, 'InvalidAMIID.NotFound', /\[ami-0123456789abcdef0\]/],
      [{ InstanceType: 't3.gigantic' }, 'InvalidParameterValue', /t3\.gigantic/],
      [{ InstanceType: 't4g.micro' }, 'InvalidParameterValue', /architecture 'arm64'.*'x86_64'/],
      [{ KeyName: 'nope' }, 'InvalidKeyPair.NotFound'],
      [{ SubnetId: 'subnet-0123456789abcdef0' }, 'InvalidSubnetID.NotFound'],
      [{ 'Placement.AvailabilityZone': 'us-east-1z' }, 'InvalidParameterValue', /us-east-1z/],
      [{ 'SecurityGroupId.1': 'sg-0123456789abcdef0' }, 'InvalidGroup.NotFound'],
      [{ 'SecurityGroup.1': 'web' }, 'InvalidGroup.NotFound'],
      [{ MinCount: 3, MaxCount: 2 }, 'InvalidParameterValue'],
      [{ MinCount: 0 }, 'InvalidParameterValue'],
      [
        { 'TagSpecification.1.ResourceType': 'bucket', 'TagSpecification.1.Tag.1.Key': 'a' },
        'InvalidParameterValue',
      ],
      [
        { 'TagSpecification.1.ResourceType': 'instance', 'TagSpecification.1.Tag.1.Key': 'aws:x' },
        'InvalidParameterValue',
      ],
      [
        { 'BlockDeviceMapping.1.DeviceName': '/dev/xvda', 'BlockDeviceMapping.1.Ebs.VolumeSize': 4 },
        'InvalidBlockDeviceMapping',
      ],
    ];
    for (const [params, code, message] of cases) {
      const error = await h.fail('RunInstances', { ...LAUNCH, ...params });
      expect(error.code, JSON.stringify(params)).toBe(code);
      if (message) expect(error.message).toMatch(message);
    }
    const missing = await h.fail('RunInstances', { ImageId: DEFAULT_IMAGE_ID, MaxCount: 1 });
    expect(missing.code).toBe('MissingParameter');
    expect(h.state.instances.size).toBe(0);
    expect(h.state.volumes.size).toBe(0);
  });

  it('launches arm64 types on arm64 images and honours the zone, tags and extra volumes', async () => {
    const h = harness();
    const result = await h.call('RunInstances', {
      ...LAUNCH,
      ImageId: CANNED_IMAGE_IDS.amazonLinux2023Arm64,
      InstanceType: 't4g.small',
      'Placement.AvailabilityZone': 'us-east-1c',
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.1.Tag.1.Key': 'Name',
      'TagSpecification.1.Tag.1.Value': 'arm',
      'TagSpecification.2.ResourceType': 'volume',
      'TagSpecification.2.Tag.1.Key': 'disk',
      'BlockDeviceMapping.1.DeviceName': '/dev/sdf',
      'BlockDeviceMapping.1.Ebs.VolumeSize': 20,
      'BlockDeviceMapping.1.Ebs.DeleteOnTermination': 'false',
    });
    const instance = (result.instancesSet as Array<Record<string, unknown>>)[0]!;
    expect(instance.architecture).toBe('arm64');
    expect(pick(instance, 'placement.availabilityZone')).toBe('us-east-1c');
    expect(instance.tagSet).toEqual([{ key: 'Name', value: 'arm' }]);
    expect((instance.blockDeviceMapping as unknown[]).length).toBe(2);
    const volumes = await h.call('DescribeVolumes', {
      'Filter.1.Name': 'tag-key',
      'Filter.1.Value.1': 'disk',
    });
    expect((volumes.volumeSet as unknown[]).length).toBe(2);
  });

  it('replays the same reservation for a repeated ClientToken and refuses the token with other parameters', async () => {
    const h = harness();
    const first = await h.call('RunInstances', { ...LAUNCH, ClientToken: 'token-1' });
    const again = await h.call('RunInstances', { ...LAUNCH, ClientToken: 'token-1' });
    expect(again.reservationId).toBe(first.reservationId);
    expect(pick(again, 'instancesSet.0.instanceState.name')).toBe('running');
    expect(pick(again, 'instancesSet.0.clientToken')).toBe('token-1');
    expect(h.state.instances.size).toBe(1);
    const mismatch = await h.fail('RunInstances', {
      ...LAUNCH,
      InstanceType: 't3.small',
      ClientToken: 'token-1',
    });
    expect(mismatch.code).toBe('IdempotentParameterMismatch');
    expect(h.state.instances.size).toBe(1);
  });

  it('answers DryRun with DryRunOperation after validation, and changes nothing', async () => {
    const h = harness();
    const dry = await h.fail('RunInstances', { ...LAUNCH, DryRun: true });
    expect([dry.code, dry.status]).toEqual(['DryRunOperation', 412]);
    expect(h.state.instances.size).toBe(0);
    const invalid = await h.fail('RunInstances', {
      ...LAUNCH,
      ImageId: 'ami-0123456789abcdef0',
      DryRun: true,
    });
    expect(invalid.code).toBe('InvalidAMIID.NotFound');
    const [id] = await launch(h);
    expect((await h.fail('TerminateInstances', { 'InstanceId.1': id!, DryRun: true })).code).toBe(
      'DryRunOperation',
    );
    expect(await states(h, [id!])).toEqual(['running']);
  });

  it('answers UnauthorizedOperation for actions the account is denied, with or without DryRun', async () => {
    const h = harness({ deny: ['TerminateInstances'] });
    const [id] = await launch(h);
    for (const dryRun of [true, false]) {
      const error = await h.fail('TerminateInstances', { 'InstanceId.1': id!, DryRun: dryRun });
      expect([error.code, error.status]).toEqual(['UnauthorizedOperation', 403]);
    }
  });
});

describe('instance lifecycle through the API', () => {
  it('moves pending -> running -> stopping -> stopped -> pending -> running -> shutting-down -> terminated -> gone on the configured delays', async () => {
    const h = harness({
      stateDelays: { pending: 1000, stopping: 500, shuttingDown: 700, terminatedRetention: 5000 },
    });
    const [id] = await launch(h);
    expect(await states(h, [id!])).toEqual(['pending']);
    h.tick(999);
    expect(await states(h, [id!])).toEqual(['pending']);
    h.tick(1);
    expect(await states(h, [id!])).toEqual(['running']);
    const stop = await h.call('StopInstances', { 'InstanceId.1': id! });
    expect(pick(stop, 'instancesSet.0.previousState')).toEqual({ code: 16, name: 'running' });
    expect(pick(stop, 'instancesSet.0.currentState')).toEqual({ code: 64, name: 'stopping' });
    h.tick(500);
    expect(await states(h, [id!])).toEqual(['stopped']);
    await h.call('StartInstances', { 'InstanceId.1': id! });
    h.tick(1000);
    expect(await states(h, [id!])).toEqual(['running']);
    const terminate = await h.call('TerminateInstances', { 'InstanceId.1': id! });
    expect(pick(terminate, 'instancesSet.0.currentState.name')).toBe('shutting-down');
    h.tick(700);
    expect(await states(h, [id!])).toEqual(['terminated']);
    expect(h.state.volumes.size).toBe(0);
    h.tick(5000);
    expect((await h.fail('DescribeInstances', { 'InstanceId.1': id! })).code).toBe(
      'InvalidInstanceID.NotFound',
    );
    expect(h.state.reservations.size).toBe(0);
  });

  it('rejects transitions from the wrong state with IncorrectInstanceState and changes none of the instances', async () => {
    const h = harness({ stateDelays: 'manual' });
    const [a] = await launch(h);
    const [b] = await launch(h);
    h.state.instances.get(b!)!.state = 'running';
    const error = await h.fail('StopInstances', flat('InstanceId', [b!, a!]));
    expect(error.code).toBe('IncorrectInstanceState');
    expect(error.message).toContain(a!);
    expect(await states(h, [a!, b!])).toEqual(['pending', 'running']);
    expect((await h.fail('StartInstances', { 'InstanceId.1': 'i-0000000000000000f' })).code).toBe(
      'InvalidInstanceID.NotFound',
    );
    expect((await h.fail('StartInstances', { 'InstanceId.1': 'i-xyz' })).code).toBe(
      'InvalidInstanceID.Malformed',
    );
  });

  it('steps transitions only when advanced in manual mode', async () => {
    const h = harness({ stateDelays: 'manual' });
    const [id] = await launch(h);
    h.tick(3_600_000);
    expect(await states(h, [id!])).toEqual(['pending']);
    const { advance } = await import('../state/lifecycle.js');
    expect(advance(h.state, h.now)).toBe(1);
    expect(await states(h, [id!])).toEqual(['running']);
    expect(advance(h.state, h.now)).toBe(0);
  });
});

describe('DescribeInstances', () => {
  it('filters by state, tag, type and id, and reports unknown ids', async () => {
    const h = harness();
    const web = await launch(h, {
      MinCount: 2,
      MaxCount: 2,
      'TagSpecification.1.ResourceType': 'instance',
      'TagSpecification.1.Tag.1.Key': 'role',
      'TagSpecification.1.Tag.1.Value': 'web',
    });
    const [db] = await launch(h, { InstanceType: 'm5.large' });
    await h.call('StopInstances', { 'InstanceId.1': db! });
    const ids = async (params: Record<string, string>) => {
      const result = await h.call('DescribeInstances', params);
      return (result.reservationSet as Array<{ instancesSet: Array<{ instanceId: string }> }>).flatMap((r) =>
        r.instancesSet.map((i) => i.instanceId),
      );
    };
    expect(await ids({ 'Filter.1.Name': 'tag:role', 'Filter.1.Value.1': 'w*' })).toEqual(web);
    expect(await ids({ 'Filter.1.Name': 'instance-state-name', 'Filter.1.Value.1': 'stopped' })).toEqual([
      db,
    ]);
    expect(await ids({ 'Filter.1.Name': 'instance-type', 'Filter.1.Value.1': 'm5.*' })).toEqual([db]);
    expect(
      await ids({
        'InstanceId.1': web[1]!,
        'Filter.1.Name': 'instance-state-name',
        'Filter.1.Value.1': 'running',
      }),
    ).toEqual([web[1]]);
    const missing = await h.fail(
      'DescribeInstances',
      flat('InstanceId', [web[0]!, 'i-0000000000000000a', 'i-0000000000000000b']),
    );
    expect(missing.message).toBe("The instance IDs 'i-0000000000000000a, i-0000000000000000b' do not exist");
  });

  it('pages by instance and regroups each page into reservations', async () => {
    const h = harness();
    const first = await launch(h, { MinCount: 3, MaxCount: 3 });
    const second = await launch(h, { MinCount: 4, MaxCount: 4 });
    const page1 = await h.call('DescribeInstances', { MaxResults: 5 });
    const reservations1 = page1.reservationSet as Array<{ instancesSet: Array<{ instanceId: string }> }>;
    expect(reservations1.map((r) => r.instancesSet.length)).toEqual([3, 2]);
    const page2 = await h.call('DescribeInstances', { MaxResults: 5, NextToken: page1.nextToken as string });
    const reservations2 = page2.reservationSet as Array<{
      reservationId: string;
      instancesSet: Array<{ instanceId: string }>;
    }>;
    expect(reservations2.flatMap((r) => r.instancesSet.map((i) => i.instanceId))).toEqual(second.slice(2));
    expect(page2.nextToken).toBeUndefined();
    expect(first).toHaveLength(3);
    const combination = await h.fail('DescribeInstances', { MaxResults: 5, 'InstanceId.1': first[0]! });
    expect(combination.code).toBe('InvalidParameterCombination');
  });

  it('keeps terminated instances visible without network details until they expire', async () => {
    const h = harness();
    const [id] = await launch(h);
    await h.call('TerminateInstances', { 'InstanceId.1': id! });
    const result = await h.call('DescribeInstances', { 'InstanceId.1': id! });
    const instance = pick(result, 'reservationSet.0.instancesSet.0') as Record<string, unknown>;
    expect(pick(instance, 'instanceState.name')).toBe('terminated');
    expect(instance.privateIpAddress).toBeUndefined();
    expect(instance.groupSet).toEqual([]);
    expect(pick(instance, 'stateReason.code')).toBe('Client.UserInitiatedShutdown');
  });
});

describe('DescribeInstanceStatus', () => {
  it('lists running instances only unless IncludeAllInstances, with checks initializing then ok', async () => {
    const h = harness({ stateDelays: { pending: 100, statusChecks: 1000 } });
    const [id] = await launch(h);
    expect((await h.call('DescribeInstanceStatus')).instanceStatusSet).toEqual([]);
    const all = await h.call('DescribeInstanceStatus', { IncludeAllInstances: true });
    expect(pick(all, 'instanceStatusSet.0.instanceStatus.status')).toBe('not-applicable');
    h.tick(100);
    expect(pick(await h.call('DescribeInstanceStatus'), 'instanceStatusSet.0.systemStatus.status')).toBe(
      'initializing',
    );
    h.tick(1000);
    const ok = await h.call('DescribeInstanceStatus', { 'InstanceId.1': id! });
    expect(pick(ok, 'instanceStatusSet.0.instanceStatus')).toEqual({
      status: 'ok',
      details: [{ name: 'reachability', status: 'passed' }],
    });
  });
});
