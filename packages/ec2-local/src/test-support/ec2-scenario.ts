// One EC2 scenario run through the v3 SDK against any endpoint, reduced to observations that do not
// depend on ids, times or request ids, so two endpoints (moto, ec2-local) can be compared key by key.

import {
  AttachVolumeCommand,
  AuthorizeSecurityGroupIngressCommand,
  CreateKeyPairCommand,
  CreateSecurityGroupCommand,
  CreateTagsCommand,
  CreateVolumeCommand,
  DeleteTagsCommand,
  DescribeAvailabilityZonesCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeSecurityGroupsCommand,
  DescribeSubnetsCommand,
  DescribeTagsCommand,
  DescribeVolumesCommand,
  DescribeVpcsCommand,
  EC2Client,
  type IpPermission,
  paginateDescribeInstances,
  RunInstancesCommand,
  StartInstancesCommand,
  StopInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceRunning,
} from '@aws-sdk/client-ec2';

/** An Amazon Linux AMI that moto ships in us-east-1; ec2-local is started with the same image. */
export const PARITY_IMAGE = {
  imageId: 'ami-760aaa0f',
  name: 'amzn-ami-hvm-2017.09.1.20171103-x86_64-gp2',
  architecture: 'x86_64',
} as const;

export interface Target {
  readonly endpoint: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** The error code and HTTP status of a rejected call, or 'OK' when it succeeded. */
async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
    return `${e.name} ${e.$metadata?.httpStatusCode ?? ''}`.trim();
  }
}

function permissions(list: readonly IpPermission[] | undefined): string[] {
  return (list ?? [])
    .flatMap((p) => [
      ...(p.IpRanges ?? []).map((r) => `${p.IpProtocol} ${p.FromPort ?? '*'}-${p.ToPort ?? '*'} ${r.CidrIp}`),
      ...(p.UserIdGroupPairs ?? []).map(
        () => `${p.IpProtocol} ${p.FromPort ?? '*'}-${p.ToPort ?? '*'} group`,
      ),
    ])
    .sort();
}

function inCidr(ip: string | undefined, cidr: string | undefined): boolean {
  if (!ip || !cidr) return false;
  const toInt = (text: string) => text.split('.').reduce((a, p) => a * 256 + Number(p), 0);
  const [base = '', bits = '32'] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = toInt(base);
  return toInt(ip) >= start && toInt(ip) < start + size;
}

export async function runScenario(target: Target): Promise<Record<string, unknown>> {
  const ec2 = new EC2Client({
    endpoint: target.endpoint,
    region: 'us-east-1',
    credentials: target.credentials,
    maxAttempts: 1,
  });
  const wrongKey = new EC2Client({
    endpoint: target.endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: target.credentials.accessKeyId, secretAccessKey: 'wrong-secret' },
    maxAttempts: 1,
  });
  const seen: Record<string, unknown> = {};
  try {
    const zones = (await ec2.send(new DescribeAvailabilityZonesCommand({}))).AvailabilityZones ?? [];
    seen.zones = zones.map((z) => z.ZoneName).sort();
    seen['zone-ids'] = zones.map((z) => `${z.ZoneName}=${z.ZoneId}`).sort();

    const vpcs =
      (await ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'is-default', Values: ['true'] }] })))
        .Vpcs ?? [];
    seen['default-vpc'] = vpcs.map((v) => ({ cidr: v.CidrBlock, isDefault: v.IsDefault, state: v.State }));
    const subnets =
      (
        await ec2.send(
          new DescribeSubnetsCommand({ Filters: [{ Name: 'default-for-az', Values: ['true'] }] }),
        )
      ).Subnets ?? [];
    seen['default-subnets'] = subnets
      .map(
        (s) =>
          `${s.AvailabilityZone} ${s.CidrBlock} public=${s.MapPublicIpOnLaunch} free=${s.AvailableIpAddressCount}`,
      )
      .sort();
    const subnetCidr = new Map(subnets.map((s) => [s.SubnetId, s.CidrBlock]));

    const defaultGroup = (
      await ec2.send(
        new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'group-name', Values: ['default'] }] }),
      )
    ).SecurityGroups?.[0];
    seen['default-sg'] = {
      description: defaultGroup?.Description,
      egress: permissions(defaultGroup?.IpPermissionsEgress),
    };
    seen['default-sg-ingress'] = permissions(defaultGroup?.IpPermissions);

    const image = (await ec2.send(new DescribeImagesCommand({ ImageIds: [PARITY_IMAGE.imageId] })))
      .Images?.[0];
    seen.image = {
      name: image?.Name,
      architecture: image?.Architecture,
      state: image?.State,
      rootDeviceType: image?.RootDeviceType,
    };

    const key = await ec2.send(new CreateKeyPairCommand({ KeyName: 'parity-key' }));
    seen['key-pair'] = {
      name: key.KeyName,
      fingerprint: /^([0-9a-f]{2}:){19}[0-9a-f]{2}$/.test(key.KeyFingerprint ?? ''),
      material: key.KeyMaterial?.split('\n')[0],
      id: /^key-[0-9a-f]{17}$/.test(key.KeyPairId ?? ''),
    };
    seen['key-duplicate'] = await outcome(ec2.send(new CreateKeyPairCommand({ KeyName: 'parity-key' })));

    const group = await ec2.send(
      new CreateSecurityGroupCommand({ GroupName: 'parity-sg', Description: 'parity' }),
    );
    seen['sg-id'] = /^sg-[0-9a-f]{17}$/.test(group.GroupId ?? '');
    seen['sg-duplicate'] = await outcome(
      ec2.send(new CreateSecurityGroupCommand({ GroupName: 'parity-sg', Description: 'parity' })),
    );
    const rule = {
      GroupId: group.GroupId,
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '10.0.0.0/8' }] }],
    };
    const authorized = await ec2.send(new AuthorizeSecurityGroupIngressCommand(rule));
    seen['sg-authorize'] = authorized.SecurityGroupRules?.map(
      (r) => `${r.IsEgress} ${r.IpProtocol} ${r.FromPort}-${r.ToPort} ${r.CidrIpv4}`,
    );
    seen['sg-permission-duplicate'] = await outcome(ec2.send(new AuthorizeSecurityGroupIngressCommand(rule)));
    const described = (await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [group.GroupId!] })))
      .SecurityGroups?.[0];
    seen['sg-described'] = {
      ingress: permissions(described?.IpPermissions),
      egress: permissions(described?.IpPermissionsEgress),
    };

    const launch = {
      ImageId: PARITY_IMAGE.imageId,
      InstanceType: 't3.micro' as const,
      MinCount: 2,
      MaxCount: 2,
      KeyName: 'parity-key',
      SecurityGroupIds: [group.GroupId!],
      TagSpecifications: [{ ResourceType: 'instance' as const, Tags: [{ Key: 'Name', Value: 'web' }] }],
      ClientToken: 'parity-token',
    };
    const run = await ec2.send(new RunInstancesCommand(launch));
    const ids = (run.Instances ?? []).map((i) => i.InstanceId!);
    seen.run = (run.Instances ?? []).map((i) => ({
      state: i.State,
      type: i.InstanceType,
      image: i.ImageId,
      key: i.KeyName,
      index: i.AmiLaunchIndex,
      tags: i.Tags,
      groups: i.SecurityGroups?.map((g) => g.GroupName),
      zone: i.Placement?.AvailabilityZone?.slice(0, 9),
      root: i.RootDeviceName,
      architecture: i.Architecture,
    }));
    seen['private-ip-in-subnet'] = (run.Instances ?? []).every((i) =>
      inCidr(i.PrivateIpAddress, subnetCidr.get(i.SubnetId)),
    );
    const waited = await waitUntilInstanceRunning(
      { client: ec2, maxWaitTime: 20, minDelay: 1, maxDelay: 1 },
      { InstanceIds: ids },
    );
    seen.waiter = waited.state;
    const byFilter = async (filters: Array<{ Name: string; Values: string[] }>) =>
      ((await ec2.send(new DescribeInstancesCommand({ Filters: filters }))).Reservations ?? []).flatMap(
        (r) => r.Instances ?? [],
      ).length;
    seen['filter-tag'] = await byFilter([{ Name: 'tag:Name', Values: ['we?'] }]);
    seen['filter-state-type-key'] = await byFilter([
      { Name: 'instance-state-name', Values: ['running'] },
      { Name: 'instance-type', Values: ['t3.micro', 'm5.large'] },
      { Name: 'key-name', Values: ['parity-key'] },
    ]);
    seen['filter-type-wildcard'] = await byFilter([{ Name: 'instance-type', Values: ['t3.*'] }]);

    for (let i = 0; i < 2; i++) {
      await ec2.send(
        new RunInstancesCommand({
          ImageId: PARITY_IMAGE.imageId,
          MinCount: 3,
          MaxCount: 3,
          TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'batch', Value: 'p' }] }],
        }),
      );
    }
    const pages: number[][] = [];
    for await (const page of paginateDescribeInstances(
      { client: ec2, pageSize: 5 },
      { Filters: [{ Name: 'tag:batch', Values: ['p'] }] },
    )) {
      pages.push((page.Reservations ?? []).map((r) => r.Instances?.length ?? 0));
    }
    seen['paging-total'] = pages.flat().reduce((a, b) => a + b, 0);
    seen['paging-shape'] = pages;

    await ec2.send(
      new CreateTagsCommand({
        Resources: [ids[1]!],
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'cost', Value: '1' },
        ],
      }),
    );
    const tagsOf = async () =>
      (
        (await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [ids[1]!] }] })))
          .Tags ?? []
      )
        .map((t) => `${t.ResourceType} ${t.Key}=${t.Value}`)
        .sort();
    seen['tags-created'] = await tagsOf();
    await ec2.send(new DeleteTagsCommand({ Resources: [ids[1]!], Tags: [{ Key: 'team' }] }));
    seen['tags-deleted'] = await tagsOf();
    seen['tag-reserved-prefix'] = await outcome(
      ec2.send(new CreateTagsCommand({ Resources: [ids[1]!], Tags: [{ Key: 'aws:owner', Value: 'x' }] })),
    );

    const stateOf = async (id: string) =>
      (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))).Reservations?.[0]?.Instances?.[0]
        ?.State?.Name;
    const change = (c: { CurrentState?: { Name?: string }; PreviousState?: { Name?: string } } | undefined) =>
      `${c?.PreviousState?.Name} -> ${c?.CurrentState?.Name}`;
    seen.stop = change(
      (await ec2.send(new StopInstancesCommand({ InstanceIds: [ids[0]!] }))).StoppingInstances?.[0],
    );
    seen['after-stop'] = await stateOf(ids[0]!);
    seen.start = change(
      (await ec2.send(new StartInstancesCommand({ InstanceIds: [ids[0]!] }))).StartingInstances?.[0],
    );
    await waitUntilInstanceRunning(
      { client: ec2, maxWaitTime: 20, minDelay: 1, maxDelay: 1 },
      { InstanceIds: [ids[0]!] },
    );
    seen.terminate = change(
      (await ec2.send(new TerminateInstancesCommand({ InstanceIds: [ids[0]!] }))).TerminatingInstances?.[0],
    );
    seen['after-terminate'] = await stateOf(ids[0]!);
    seen['start-terminated'] = await outcome(ec2.send(new StartInstancesCommand({ InstanceIds: [ids[0]!] })));

    const target = (await ec2.send(new DescribeInstancesCommand({ InstanceIds: [ids[1]!] })))
      .Reservations?.[0]?.Instances?.[0];
    const zone = target?.Placement?.AvailabilityZone ?? 'us-east-1a';
    const volume = await ec2.send(
      new CreateVolumeCommand({ AvailabilityZone: zone, Size: 10, VolumeType: 'gp3' }),
    );
    seen['volume-created'] = {
      state: volume.State,
      size: volume.Size,
      type: volume.VolumeType,
      iops: volume.Iops,
    };
    seen['volume-throughput'] = volume.Throughput;
    await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume.VolumeId!] }));
    const attached = await ec2.send(
      new AttachVolumeCommand({ VolumeId: volume.VolumeId, InstanceId: ids[1]!, Device: '/dev/sdf' }),
    );
    seen['volume-attach'] = attached.State;
    const after = (await ec2.send(new DescribeVolumesCommand({ VolumeIds: [volume.VolumeId!] })))
      .Volumes?.[0];
    seen['volume-attached'] = {
      state: after?.State,
      attachment: after?.Attachments?.[0]?.State,
      device: after?.Attachments?.[0]?.Device,
    };

    seen['error-not-found'] = await outcome(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123456789abcdef0'] })),
    );
    seen['error-malformed'] = await outcome(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-xyz'] })),
    );
    seen['error-dry-run'] = await outcome(
      ec2.send(
        new RunInstancesCommand({ ImageId: PARITY_IMAGE.imageId, MinCount: 1, MaxCount: 1, DryRun: true }),
      ),
    );
    seen['error-dry-run-describe'] = await outcome(ec2.send(new DescribeInstancesCommand({ DryRun: true })));
    seen['error-ids-with-max-results'] = await outcome(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ids, MaxResults: 5 })),
    );
    seen['error-max-results-3'] = await outcome(ec2.send(new DescribeInstancesCommand({ MaxResults: 3 })));
    seen['error-unknown-filter'] = await outcome(
      ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'colour', Values: ['red'] }] })),
    );
    seen['error-describe-unknown-image'] = await outcome(
      ec2.send(new DescribeImagesCommand({ ImageIds: ['ami-0000000000000000f'] })),
    );
    seen['error-run-unknown-image'] = await outcome(
      ec2.send(new RunInstancesCommand({ ImageId: 'ami-0000000000000000f', MinCount: 1, MaxCount: 1 })),
    );
    // Last, because an emulator without ClientToken support launches more instances here.
    const replay = await outcome(
      ec2.send(new RunInstancesCommand(launch)).then((r) => {
        if (r.ReservationId !== run.ReservationId)
          throw Object.assign(new Error('new reservation'), { name: 'NewReservation' });
      }),
    );
    seen['client-token-replay'] = replay;
    seen['client-token-mismatch'] = await outcome(
      ec2.send(new RunInstancesCommand({ ...launch, MinCount: 1, MaxCount: 1 })),
    );

    seen['error-wrong-secret'] = await outcome(wrongKey.send(new DescribeInstancesCommand({})));
    return seen;
  } finally {
    ec2.destroy();
    wrongKey.destroy();
  }
}
