import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { DEFAULT_IMAGE_ID } from '../state/images.js';
import { harness, pick } from '../test-support/harness.js';

describe('default network', () => {
  it('gives every account a default VPC with one default subnet per zone and a default security group', async () => {
    const h = harness({ region: 'eu-west-1' });
    const vpcs = (await h.call('DescribeVpcs')).vpcSet as Array<Record<string, unknown>>;
    expect(vpcs).toHaveLength(1);
    expect(vpcs[0]).toMatchObject({ isDefault: true, cidrBlock: '172.31.0.0/16', state: 'available' });
    const subnets = (
      await h.call('DescribeSubnets', { 'Filter.1.Name': 'default-for-az', 'Filter.1.Value.1': 'true' })
    ).subnetSet as Array<Record<string, unknown>>;
    expect(subnets.map((s) => [s.availabilityZone, s.availabilityZoneId, s.cidrBlock])).toEqual([
      ['eu-west-1a', 'euw1-az1', '172.31.0.0/20'],
      ['eu-west-1b', 'euw1-az2', '172.31.16.0/20'],
      ['eu-west-1c', 'euw1-az3', '172.31.32.0/20'],
    ]);
    expect(subnets[0]!.availableIpAddressCount).toBe(4091);
    const zones = (await h.call('DescribeAvailabilityZones')).availabilityZoneInfo as Array<
      Record<string, unknown>
    >;
    expect(zones.map((z) => z.zoneName)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    expect((await h.fail('DescribeSubnets', { 'SubnetId.1': 'subnet-0123456789abcdef0' })).code).toBe(
      'InvalidSubnetID.NotFound',
    );
    expect((await h.fail('DescribeVpcs', { 'VpcId.1': 'vpc-nope' })).code).toBe('InvalidVpcID.Malformed');
  });

  it('lists enabled regions, and opt-in ones only with AllRegions', async () => {
    const h = harness();
    const names = async (params: Record<string, string | boolean> = {}) =>
      ((await h.call('DescribeRegions', params)).regionInfo as Array<{ regionName: string }>).map(
        (r) => r.regionName,
      );
    expect(await names()).toContain('us-east-1');
    expect(await names()).not.toContain('af-south-1');
    expect(await names({ AllRegions: true })).toContain('af-south-1');
    expect(await names({ 'Filter.1.Name': 'region-name', 'Filter.1.Value.1': 'eu-*' })).toEqual([
      'eu-central-1',
      'eu-north-1',
      'eu-west-1',
      'eu-west-2',
      'eu-west-3',
    ]);
    expect((await h.fail('DescribeRegions', { 'RegionName.1': 'mars-east-1' })).code).toBe(
      'InvalidParameterValue',
    );
  });
});

describe('security groups', () => {
  it('creates, authorizes, describes grouped permissions, revokes and deletes', async () => {
    const h = harness();
    const created = await h.call('CreateSecurityGroup', { GroupName: 'web', GroupDescription: 'web tier' });
    const groupId = created.groupId as string;
    expect(groupId).toMatch(/^sg-[0-9a-f]{17}$/);
    const auth = await h.call('AuthorizeSecurityGroupIngress', {
      GroupId: groupId,
      'IpPermissions.1.IpProtocol': 'tcp',
      'IpPermissions.1.FromPort': 443,
      'IpPermissions.1.ToPort': 443,
      'IpPermissions.1.IpRanges.1.CidrIp': '0.0.0.0/0',
      'IpPermissions.1.IpRanges.2.CidrIp': '10.0.0.0/8',
      'IpPermissions.1.IpRanges.2.Description': 'office',
      'IpPermissions.2.IpProtocol': '6',
      'IpPermissions.2.FromPort': 22,
      'IpPermissions.2.ToPort': 22,
      'IpPermissions.2.Groups.1.GroupName': 'default',
    });
    expect((auth.securityGroupRuleSet as unknown[]).length).toBe(3);
    const described = await h.call('DescribeSecurityGroups', { 'GroupId.1': groupId });
    const group = pick(described, 'securityGroupInfo.0') as Record<string, unknown>;
    expect(group.groupDescription).toBe('web tier');
    expect(group.ipPermissions).toEqual([
      {
        ipProtocol: 'tcp',
        fromPort: 443,
        toPort: 443,
        groups: [],
        ipRanges: [
          { description: undefined, cidrIp: '0.0.0.0/0' },
          { description: 'office', cidrIp: '10.0.0.0/8' },
        ],
        ipv6Ranges: [],
        prefixListIds: [],
      },
      {
        ipProtocol: 'tcp',
        fromPort: 22,
        toPort: 22,
        groups: [
          {
            description: undefined,
            userId: '123456789012',
            groupId: h.state.securityGroupByName(h.state.defaultVpcId, 'default')!.id,
          },
        ],
        ipRanges: [],
        ipv6Ranges: [],
        prefixListIds: [],
      },
    ]);
    expect(pick(group, 'ipPermissionsEgress.0.ipRanges.0.cidrIp')).toBe('0.0.0.0/0');
    const duplicate = await h.fail('AuthorizeSecurityGroupIngress', {
      GroupId: groupId,
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      CidrIp: '0.0.0.0/0',
    });
    expect(duplicate.code).toBe('InvalidPermission.Duplicate');
    expect(duplicate.message).toContain('peer: 0.0.0.0/0, TCP, from port: 443, to port: 443, ALLOW');
    const filtered = await h.call('DescribeSecurityGroups', {
      'Filter.1.Name': 'ip-permission.from-port',
      'Filter.1.Value.1': '22',
    });
    expect((filtered.securityGroupInfo as unknown[]).length).toBe(1);
    await h.call('RevokeSecurityGroupIngress', {
      GroupId: groupId,
      IpProtocol: 'tcp',
      FromPort: 443,
      ToPort: 443,
      CidrIp: '0.0.0.0/0',
    });
    const notThere = await h.fail('RevokeSecurityGroupIngress', {
      GroupId: groupId,
      IpProtocol: 'udp',
      FromPort: 1,
      ToPort: 2,
      CidrIp: '1.2.3.4/32',
    });
    expect(notThere.code).toBe('InvalidPermission.NotFound');
    await h.call('DeleteSecurityGroup', { GroupId: groupId });
    expect((await h.fail('DescribeSecurityGroups', { 'GroupId.1': groupId })).code).toBe(
      'InvalidGroup.NotFound',
    );
  });

  it('enforces names, ports, protocols and deletion rules', async () => {
    const h = harness();
    await h.call('CreateSecurityGroup', { GroupName: 'app', GroupDescription: 'x' });
    expect((await h.fail('CreateSecurityGroup', { GroupName: 'app', GroupDescription: 'x' })).code).toBe(
      'InvalidGroup.Duplicate',
    );
    expect((await h.fail('CreateSecurityGroup', { GroupName: 'sg-1', GroupDescription: 'x' })).code).toBe(
      'InvalidParameterValue',
    );
    expect((await h.fail('CreateSecurityGroup', { GroupName: 'b' })).code).toBe('MissingParameter');
    const app = h.state.securityGroupByName(h.state.defaultVpcId, 'app')!.id;
    expect(
      (
        await h.fail('AuthorizeSecurityGroupIngress', {
          GroupId: app,
          IpProtocol: 'tcp',
          CidrIp: '0.0.0.0/0',
        })
      ).message,
    ).toMatch(/from and to ports/);
    expect(
      (
        await h.fail('AuthorizeSecurityGroupIngress', {
          GroupId: app,
          IpProtocol: 'tcpx',
          CidrIp: '0.0.0.0/0',
        })
      ).code,
    ).toBe('InvalidParameterValue');
    expect(
      (
        await h.fail('AuthorizeSecurityGroupIngress', {
          GroupId: app,
          IpProtocol: '-1',
          CidrIp: '300.0.0.0/0',
        })
      ).message,
    ).toMatch(/malformed/);
    expect((await h.fail('DeleteSecurityGroup', { GroupName: 'default' })).code).toBe('CannotDelete');
    await h.call('RunInstances', {
      ImageId: DEFAULT_IMAGE_ID,
      MinCount: 1,
      MaxCount: 1,
      'SecurityGroupId.1': app,
    });
    expect((await h.fail('DeleteSecurityGroup', { GroupId: app })).code).toBe('DependencyViolation');
  });
});

describe('key pairs', () => {
  it('creates real RSA and ED25519 keys whose fingerprints EC2-style recomputation confirms', async () => {
    const { createHash, createPrivateKey } = await import('node:crypto');
    const h = harness();
    const rsa = await h.call('CreateKeyPair', { KeyName: 'rsa-key' });
    const key = createPrivateKey(rsa.keyMaterial as string);
    expect(key.asymmetricKeyType).toBe('rsa');
    const der = key.export({ format: 'der', type: 'pkcs8' });
    const expected = [...createHash('sha1').update(der).digest()]
      .map((b) => b.toString(16).padStart(2, '0'))
      .join(':');
    expect(rsa.keyFingerprint).toBe(expected);
    expect(rsa.keyPairId).toMatch(/^key-[0-9a-f]{17}$/);
    const ed = await h.call('CreateKeyPair', { KeyName: 'ed-key', KeyType: 'ed25519' });
    expect(ed.keyMaterial).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----\n/);
    expect(ed.keyFingerprint).toMatch(/^[A-Za-z0-9+/]{43}$/);
    expect((await h.fail('CreateKeyPair', { KeyName: 'rsa-key' })).code).toBe('InvalidKeyPair.Duplicate');
    const described = await h.call('DescribeKeyPairs', {
      IncludePublicKey: true,
      'Filter.1.Name': 'key-type',
      'Filter.1.Value.1': 'ed25519',
    });
    expect(pick(described, 'keySet.0.keyName')).toBe('ed-key');
    expect(pick(described, 'keySet.0.publicKey')).toMatch(/^ssh-ed25519 AAAA\S+ ed-key$/);
    expect((await h.fail('DescribeKeyPairs', { 'KeyName.1': 'missing' })).code).toBe(
      'InvalidKeyPair.NotFound',
    );
    await h.call('DeleteKeyPair', { KeyName: 'rsa-key' });
    await h.call('DeleteKeyPair', { KeyName: 'rsa-key' });
    expect(h.state.keyPairs.has('rsa-key')).toBe(false);
  });

  it('imports an OpenSSH public key and rejects anything else', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    const h = harness();
    const { publicKey } = generateKeyPairSync('ed25519');
    const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url');
    const str = (b: Buffer) => Buffer.concat([Buffer.from([0, 0, 0, b.length]), b]);
    const blob = Buffer.concat([str(Buffer.from('ssh-ed25519')), str(raw)]);
    const line = `ssh-ed25519 ${blob.toString('base64')} me@host`;
    const imported = await h.call('ImportKeyPair', {
      KeyName: 'mine',
      PublicKeyMaterial: Buffer.from(line).toString('base64'),
    });
    const { createHash } = await import('node:crypto');
    expect(imported.keyFingerprint).toBe(
      createHash('sha256').update(blob).digest('base64').replace(/=+$/, ''),
    );
    const bad = await h.fail('ImportKeyPair', {
      KeyName: 'bad',
      PublicKeyMaterial: Buffer.from('hello').toString('base64'),
    });
    expect(bad.code).toBe('InvalidKey.Format');
  });
});

describe('volumes', () => {
  it('creates, attaches, detaches and deletes through their transitional states', async () => {
    const h = harness({ stateDelays: { pending: 0, volume: 100 } });
    const volume = await h.call('CreateVolume', {
      AvailabilityZone: 'us-east-1a',
      Size: 10,
      VolumeType: 'gp3',
    });
    expect(volume).toMatchObject({
      status: 'creating',
      size: 10,
      iops: 3000,
      throughput: 125,
      volumeType: 'gp3',
    });
    const volumeId = volume.volumeId as string;
    const run = await h.call('RunInstances', { ImageId: DEFAULT_IMAGE_ID, MinCount: 1, MaxCount: 1 });
    const instanceId = pick(run, 'instancesSet.0.instanceId') as string;
    expect(
      (await h.fail('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdf' })).code,
    ).toBe('IncorrectState');
    h.tick(100);
    expect(
      (await h.fail('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: 'sdf' })).code,
    ).toBe('InvalidParameterValue');
    const attached = await h.call('AttachVolume', {
      VolumeId: volumeId,
      InstanceId: instanceId,
      Device: '/dev/sdf',
    });
    expect(attached.status).toBe('attaching');
    expect((await h.fail('DeleteVolume', { VolumeId: volumeId })).code).toBe('VolumeInUse');
    h.tick(100);
    const inUse = await h.call('DescribeVolumes', {
      'Filter.1.Name': 'attachment.instance-id',
      'Filter.1.Value.1': instanceId,
    });
    expect(
      (inUse.volumeSet as Array<Record<string, unknown>>).map((v) => [
        v.status,
        pick(v, 'attachmentSet.0.status'),
      ]),
    ).toEqual([
      ['in-use', 'attached'],
      ['in-use', 'attached'],
    ]);
    const rootId = [...h.state.volumes.values()].find((v) => v.attachment?.device === '/dev/xvda')!.id;
    expect((await h.fail('DetachVolume', { VolumeId: rootId })).code).toBe('OperationNotPermitted');
    expect((await h.call('DetachVolume', { VolumeId: volumeId })).status).toBe('detaching');
    h.tick(100);
    expect(pick(await h.call('DescribeVolumes', { 'VolumeId.1': volumeId }), 'volumeSet.0.status')).toBe(
      'available',
    );
    await h.call('DeleteVolume', { VolumeId: volumeId });
    expect((await h.fail('DescribeVolumes', { 'VolumeId.1': volumeId })).code).toBe('InvalidVolume.NotFound');
  });

  it('validates zone, size and type', async () => {
    const h = harness();
    expect((await h.fail('CreateVolume', { Size: 10 })).code).toBe('MissingParameter');
    expect((await h.fail('CreateVolume', { AvailabilityZone: 'us-east-1z', Size: 10 })).code).toBe(
      'InvalidParameterValue',
    );
    expect((await h.fail('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 20000 })).code).toBe(
      'InvalidParameterValue',
    );
    expect(
      (await h.fail('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'io2' })).code,
    ).toBe('MissingParameter');
    expect(
      (await h.fail('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 10, VolumeType: 'ssd' })).code,
    ).toBe('InvalidParameterValue');
  });
});

describe('tags', () => {
  it('tags any resource type, deletes by key or key and value, and describes with filters', async () => {
    const h = harness();
    const run = await h.call('RunInstances', { ImageId: DEFAULT_IMAGE_ID, MinCount: 1, MaxCount: 1 });
    const instanceId = pick(run, 'instancesSet.0.instanceId') as string;
    const groupId = h.state.securityGroupByName(h.state.defaultVpcId, 'default')!.id;
    await h.call('CreateTags', {
      'ResourceId.1': instanceId,
      'ResourceId.2': groupId,
      'ResourceId.3': h.state.defaultVpcId,
      'Tag.1.Key': 'env',
      'Tag.1.Value': 'dev',
      'Tag.2.Key': 'owner',
      'Tag.2.Value': 'ann',
    });
    const rows = async (params: Record<string, string> = {}) =>
      (
        (await h.call('DescribeTags', params)).tagSet as Array<{
          resourceId: string;
          resourceType: string;
          key: string;
        }>
      ).map((t) => `${t.resourceType}:${t.key}`);
    expect((await rows()).sort()).toEqual([
      'instance:env',
      'instance:owner',
      'security-group:env',
      'security-group:owner',
      'vpc:env',
      'vpc:owner',
    ]);
    expect(await rows({ 'Filter.1.Name': 'resource-type', 'Filter.1.Value.1': 'instance' })).toEqual([
      'instance:env',
      'instance:owner',
    ]);
    await h.call('DeleteTags', { 'ResourceId.1': instanceId, 'Tag.1.Key': 'env', 'Tag.1.Value': 'prod' });
    expect(await rows({ 'Filter.1.Name': 'resource-id', 'Filter.1.Value.1': instanceId })).toEqual([
      'instance:env',
      'instance:owner',
    ]);
    await h.call('DeleteTags', { 'ResourceId.1': instanceId, 'Tag.1.Key': 'env' });
    expect(await rows({ 'Filter.1.Name': 'resource-id', 'Filter.1.Value.1': instanceId })).toEqual([
      'instance:owner',
    ]);
    await h.call('DeleteTags', { 'ResourceId.1': groupId });
    expect(await rows({ 'Filter.1.Name': 'resource-id', 'Filter.1.Value.1': groupId })).toEqual([]);
  });

  it('refuses unknown ids, missing resources, reserved keys and more than 50 tags', async () => {
    const h = harness();
    expect((await h.fail('CreateTags', { 'ResourceId.1': 'bucket-1', 'Tag.1.Key': 'a' })).code).toBe(
      'InvalidID',
    );
    expect(
      (await h.fail('CreateTags', { 'ResourceId.1': 'i-0123456789abcdef0', 'Tag.1.Key': 'a' })).code,
    ).toBe('InvalidInstanceID.NotFound');
    const vpc = h.state.defaultVpcId;
    expect((await h.fail('CreateTags', { 'ResourceId.1': vpc, 'Tag.1.Key': 'aws:name' })).code).toBe(
      'InvalidParameterValue',
    );
    const many: Record<string, string> = { 'ResourceId.1': vpc };
    for (let i = 1; i <= 51; i++) many[`Tag.${i}.Key`] = `k${i}`;
    expect((await h.fail('CreateTags', many)).code).toBe('TagLimitExceeded');
    expect(h.state.tags.list(vpc)).toEqual([]);
  });
});

describe('images', () => {
  it('lists canned and added images by owner alias, owner id, name and architecture filters', async () => {
    const h = harness({
      images: [
        {
          imageId: 'ami-0abcdef0123456789',
          name: 'team-golden-2025',
          ownerId: '123456789012',
          public: false,
        },
      ],
    });
    const ids = async (params: Record<string, string>) =>
      ((await h.call('DescribeImages', params)).imagesSet as Array<{ imageId: string }>).map(
        (i) => i.imageId,
      );
    expect(await ids({ 'Owner.1': 'self' })).toEqual(['ami-0abcdef0123456789']);
    const amazonArm = await ids({
      'Owner.1': 'amazon',
      'Filter.1.Name': 'architecture',
      'Filter.1.Value.1': 'arm64',
    });
    expect(amazonArm).toEqual(['ami-0ec2100000000a002']);
    expect(await ids({ 'Filter.1.Name': 'name', 'Filter.1.Value.1': 'ubuntu/images/*noble*amd64*' })).toEqual(
      ['ami-0ec2100000000c001'],
    );
    expect(await ids({ 'Owner.1': '099720109477' })).toHaveLength(2);
    expect((await h.fail('DescribeImages', { 'ImageId.1': 'ami-0000000000000000f' })).code).toBe(
      'InvalidAMIID.NotFound',
    );
    expect((await h.fail('DescribeImages', { 'ImageId.1': 'image-1' })).code).toBe('InvalidAMIID.Malformed');
    const run = await h.call('RunInstances', { ImageId: 'ami-0abcdef0123456789', MinCount: 1, MaxCount: 1 });
    expect(pick(run, 'instancesSet.0.imageId')).toBe('ami-0abcdef0123456789');
  });
});

describe('key material read by OpenSSH', () => {
  const sshKeygen = spawnSync('ssh-keygen', ['-?'], { stdio: 'ignore' }).error === undefined;

  it.skipIf(!sshKeygen)(
    'ssh-keygen derives the same public key and fingerprint from the private keys ec2-local hands out',
    async () => {
      const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
      const { join } = await import('node:path');
      const { tmpdir } = await import('node:os');
      const dir = mkdtempSync(join(tmpdir(), 'ec2-local-keys-'));
      try {
        const h = harness();
        for (const type of ['ed25519', 'rsa'] as const) {
          const created = await h.call('CreateKeyPair', { KeyName: type, KeyType: type });
          const file = join(dir, type);
          writeFileSync(file, created.keyMaterial as string, { mode: 0o600 });
          const derived = spawnSync('ssh-keygen', ['-y', '-f', file], { encoding: 'utf8' });
          expect(derived.status, derived.stderr).toBe(0);
          const described = await h.call('DescribeKeyPairs', { 'KeyName.1': type, IncludePublicKey: true });
          const publicKey = pick(described, 'keySet.0.publicKey') as string;
          expect(publicKey.split(' ').slice(0, 2).join(' ')).toBe(
            derived.stdout.trim().split(' ').slice(0, 2).join(' '),
          );
          if (type === 'ed25519') {
            const fingerprint = spawnSync('ssh-keygen', ['-l', '-f', file], { encoding: 'utf8' }).stdout;
            expect(fingerprint).toContain(`SHA256:${created.keyFingerprint as string}`);
          }
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
