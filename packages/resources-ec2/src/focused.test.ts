// Focused behaviour of the resources users meet first: creating instances, actions with identifiers
// filled in, tags, references between resources, sub-resources without a load operation.

import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  EC2Resource,
  Instance,
  NetworkInterfaceAssociation,
  ResourceError,
  ResourceNotLoadedError,
  Route,
  Tag,
} from './index.js';
import { scriptedClient } from './test-support/scripted-client.js';

const launched = (id: string) => ({
  InstanceId: id,
  State: { Code: 0, Name: 'pending' },
  VpcId: 'vpc-1',
  SubnetId: 'subnet-1',
  ImageId: 'ami-1',
  KeyName: 'deploy',
  Placement: { AvailabilityZone: 'us-east-1a' },
  NetworkInterfaces: [
    { NetworkInterfaceId: 'eni-1', Attachment: { AttachmentId: 'eni-attach-1' } },
    { NetworkInterfaceId: 'eni-2' },
  ],
});

describe('EC2Resource.createInstances', () => {
  it('returns one loaded Instance per instance RunInstances started, passing options through', async () => {
    const { client, calls } = scriptedClient({
      runInstances: () => ({ ReservationId: 'r-1', Instances: [launched('i-1'), launched('i-2')] }),
    });
    const resource = new EC2Resource({ client });
    const instances = await resource.createInstances(
      { ImageId: 'ami-1', MinCount: 2, MaxCount: 2, UserData: 'IyEvYmluL3NoCg==' },
      { userDataEncoding: 'base64' },
    );
    expect(instances.map((instance) => instance.id)).toEqual(['i-1', 'i-2']);
    expect(instances[0]).toBeInstanceOf(Instance);
    expect(instances[0]!.state).toEqual({ Code: 0, Name: 'pending' });
    expect(instances[1]!.placement?.AvailabilityZone).toBe('us-east-1a');
    expect(calls[0]!.options).toEqual({ userDataEncoding: 'base64' });
  });

  it('resolves a dry run to the DryRunOutcome instead of objects', async () => {
    const outcome = { $dryRun: { code: 'DryRunOperation', message: 'Request would have succeeded' } };
    const { client } = scriptedClient({ runInstances: () => outcome });
    const result = await new EC2Resource({ client }).createInstances({
      ImageId: 'ami-1',
      MinCount: 1,
      MaxCount: 1,
      DryRun: true,
    });
    expect(result.$dryRun.code).toBe('DryRunOperation');
  });
});

describe('Instance', () => {
  it('fills its id into start, stop, reboot and terminate, merging the rest of the input', async () => {
    const { client, calls } = scriptedClient({}, { lenient: true });
    const instance = new EC2Resource({ client }).Instance('i-1');
    await instance.start();
    await instance.stop({ Force: true, Hibernate: false });
    await instance.reboot();
    await instance.terminate();
    await instance.modifyAttribute({ InstanceType: { Value: 't3.large' } });
    await instance.attachVolume({ VolumeId: 'vol-1', Device: '/dev/sdf' });
    expect(calls.map(({ method, input }) => [method, input])).toEqual([
      ['startInstances', { InstanceIds: ['i-1'] }],
      ['stopInstances', { InstanceIds: ['i-1'], Force: true, Hibernate: false }],
      ['rebootInstances', { InstanceIds: ['i-1'] }],
      ['terminateInstances', { InstanceIds: ['i-1'] }],
      ['modifyInstanceAttribute', { InstanceId: 'i-1', InstanceType: { Value: 't3.large' } }],
      ['attachVolume', { InstanceId: 'i-1', VolumeId: 'vol-1', Device: '/dev/sdf' }],
    ]);
  });

  it('returns the Tag objects createTags made, and each can delete itself', async () => {
    const { client, calls } = scriptedClient({ createTags: () => ({}), deleteTags: () => ({}) });
    const instance = new EC2Resource({ client }).Instance('i-1');
    const tags = await instance.createTags({
      Tags: [
        { Key: 'env', Value: 'dev' },
        { Key: 'team', Value: 'core' },
      ],
    });
    expect(tags.map((tag) => tag.identifiers)).toEqual([
      { ResourceId: 'i-1', Key: 'env', Value: 'dev' },
      { ResourceId: 'i-1', Key: 'team', Value: 'core' },
    ]);
    expect(tags[0]).toBeInstanceOf(Tag);
    await tags[1]!.delete();
    expect(calls[1]).toMatchObject({
      method: 'deleteTags',
      input: { Resources: ['i-1'], Tags: [{ Key: 'team', Value: 'core' }] },
    });
  });

  it('names its vpc, subnet, image and key pair from its data, and its network interfaces loaded', () => {
    const { client, calls } = scriptedClient();
    const resource = new EC2Resource({ client });
    const instance = new Instance(
      (resource as unknown as { context: never }).context,
      { Id: 'i-1' },
      launched('i-1') as never,
    );
    expect(instance.vpc?.id).toBe('vpc-1');
    expect(instance.subnet?.id).toBe('subnet-1');
    expect(instance.image?.id).toBe('ami-1');
    expect(instance.keyPair?.name).toBe('deploy');
    expect(instance.placementGroup).toBeUndefined();
    expect(instance.classicAddress).toBeUndefined();
    const interfaces = instance.networkInterfaces;
    expect(interfaces.map((eni) => [eni.id, eni.loaded])).toEqual([
      ['eni-1', true],
      ['eni-2', true],
    ]);
    expect(interfaces[0]!.attachment?.AttachmentId).toBe('eni-attach-1');
    expect(instance.networkInterfacesAttribute).toHaveLength(2);
    expect(instance.vpc?.loaded).toBe(false);
    expect(calls).toEqual([]);
  });

  it('prints as its identifiers and says whether it is loaded', () => {
    const { client } = scriptedClient();
    const instance = new EC2Resource({ client }).Instance('i-1');
    expect(String(instance)).toBe("Instance(id='i-1')");
    expect(inspect(instance)).toBe("Instance(id='i-1') (not loaded)");
    expect(JSON.parse(JSON.stringify(instance))).toEqual({ type: 'Instance', identifiers: { Id: 'i-1' } });
    expect(instance.meta.name).toBe('Instance');
    expect(instance.meta.client).toBe(client);
  });
});

describe('relations between resources', () => {
  it('scopes vpc.subnets, vpc.instances, subnet.instances and volume.snapshots by their filters', async () => {
    const { client, calls } = scriptedClient({
      describeSubnets: () => ({ Subnets: [{ SubnetId: 'subnet-1', VpcId: 'vpc-1' }] }),
      describeInstances: () => ({ Reservations: [{ Instances: [{ InstanceId: 'i-1' }] }] }),
      describeSnapshots: () => ({ Snapshots: [{ SnapshotId: 'snap-1', VolumeId: 'vol-1' }] }),
    });
    const resource = new EC2Resource({ client });
    const vpc = resource.Vpc('vpc-1');
    const [subnet] = await vpc.subnets.toArray();
    expect(subnet!.vpc?.id).toBe('vpc-1');
    await vpc.instances.toArray();
    await subnet!.instances.toArray();
    const [snapshot] = await resource.Volume('vol-1').snapshots.toArray();
    expect(snapshot!.volume?.id).toBe('vol-1');
    expect(calls.map(({ method, input }) => [method, input])).toEqual([
      ['describeSubnets', { Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }] }],
      ['describeInstances', { Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }] }],
      ['describeInstances', { Filters: [{ Name: 'subnet-id', Values: ['subnet-1'] }] }],
      ['describeSnapshots', { Filters: [{ Name: 'volume-id', Values: ['vol-1'] }] }],
    ]);
  });

  it('reads securityGroup.vpc from its data after a load', async () => {
    const { client } = scriptedClient({
      describeSecurityGroups: () => ({
        SecurityGroups: [{ GroupId: 'sg-1', GroupName: 'web', VpcId: 'vpc-9' }],
      }),
    });
    const group = new EC2Resource({ client }).SecurityGroup('sg-1');
    expect(() => group.vpc).toThrow(ResourceNotLoadedError);
    await group.load();
    expect(group.groupName).toBe('web');
    expect(group.groupId).toBe('sg-1');
    expect(group.vpc?.id).toBe('vpc-9');
  });

  it('needs loaded data for actions whose parameters come from data (NetworkInterface.detach)', async () => {
    const { client, calls } = scriptedClient({
      describeNetworkInterfaces: () => ({
        NetworkInterfaces: [
          {
            NetworkInterfaceId: 'eni-1',
            Attachment: { AttachmentId: 'eni-attach-7' },
            Association: { AssociationId: 'eipassoc-1', PublicIp: '203.0.113.5', AllocationId: 'eipalloc-1' },
          },
        ],
      }),
      detachNetworkInterface: () => ({}),
      disassociateAddress: () => ({}),
    });
    const eni = new EC2Resource({ client }).NetworkInterface('eni-1');
    await expect(eni.detach()).rejects.toThrow(ResourceNotLoadedError);
    expect(calls).toEqual([]);
    await eni.load();
    await eni.detach({ Force: true });
    expect(calls[1]).toMatchObject({
      method: 'detachNetworkInterface',
      input: { AttachmentId: 'eni-attach-7', Force: true },
    });
    const association = eni.association!;
    expect(association).toBeInstanceOf(NetworkInterfaceAssociation);
    expect(association.id).toBe('eipassoc-1');
    expect(association.publicIp).toBe('203.0.113.5');
    expect(eni.associationAttribute?.PublicIp).toBe('203.0.113.5');
    await association.delete();
    expect(calls[2]).toMatchObject({ method: 'disassociateAddress', input: { AssociationId: 'eipassoc-1' } });
  });

  it('gives RouteTable.routes as loaded Route objects that act on their table', async () => {
    const { client, calls } = scriptedClient({
      describeRouteTables: () => ({
        RouteTables: [
          {
            RouteTableId: 'rtb-1',
            Routes: [
              { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
              { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1' },
              { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' },
            ],
            Associations: [
              { RouteTableAssociationId: 'rtbassoc-1', SubnetId: 'subnet-1', RouteTableId: 'rtb-1' },
            ],
          },
        ],
      }),
      replaceRoute: () => ({}),
    });
    const table = await new EC2Resource({ client }).RouteTable('rtb-1').load();
    const routes = table.routes;
    expect(routes.map((route) => route.destinationCidrBlock)).toEqual(['10.0.0.0/16', '0.0.0.0/0']);
    expect(routes[1]!.gatewayId).toBe('igw-1');
    expect(routes[1]!.routeTable.id).toBe('rtb-1');
    await routes[1]!.replace({ GatewayId: 'igw-2' });
    expect(calls[1]!.input).toEqual({
      RouteTableId: 'rtb-1',
      DestinationCidrBlock: '0.0.0.0/0',
      GatewayId: 'igw-2',
    });
    const [association] = table.associations;
    expect(association!.subnet?.id).toBe('subnet-1');
    expect(association!.main).toBeUndefined();
  });

  it('says where a Route gets its data, since EC2 cannot load one alone', async () => {
    const { client } = scriptedClient();
    const route = new EC2Resource({ client }).Route('rtb-1', '0.0.0.0/0');
    expect(route).toBeInstanceOf(Route);
    expect(() => route.gatewayId).toThrow(/routeTable\.routes/);
    await expect(route.load()).rejects.toThrow(ResourceError);
    await expect(route.load()).rejects.toThrow(/no operation that describes one Route/);
  });

  it('keeps the key material of createKeyPair on the KeyPair it returns', async () => {
    const { client, calls } = scriptedClient({
      createKeyPair: () => ({
        KeyName: 'deploy',
        KeyPairId: 'key-1',
        KeyMaterial: '-----BEGIN RSA PRIVATE KEY-----',
      }),
      deleteKeyPair: () => ({}),
    });
    const key = await new EC2Resource({ client }).createKeyPair({ KeyName: 'deploy' });
    expect(key.name).toBe('deploy');
    expect(key.keyMaterial).toMatch(/BEGIN RSA/);
    expect(key.data).not.toHaveProperty('$metadata');
    await key.delete();
    expect(calls[1]).toMatchObject({ method: 'deleteKeyPair', input: { KeyName: 'deploy' } });
  });

  it('returns unloaded objects when the response carries only an id (createSecurityGroup)', async () => {
    const { client } = scriptedClient({ createSecurityGroup: () => ({ GroupId: 'sg-9' }) });
    const group = await new EC2Resource({ client }).Vpc('vpc-1').createSecurityGroup({
      GroupName: 'web',
      Description: 'web tier',
    });
    expect(group.id).toBe('sg-9');
    expect(group.loaded).toBe(false);
  });
});

describe('EC2Resource options', () => {
  it('makes its own client from client options and closes it on destroy()', async () => {
    const resource = new EC2Resource({
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 's' },
    });
    expect(resource.client.config.region).toBe('eu-west-1');
    await resource.destroy();
    await expect(resource.client.describeRegions()).rejects.toMatchObject({ code: 'ClientDestroyed' });
  });

  it('leaves a client it was given open', async () => {
    const { client } = scriptedClient({ describeVpcs: () => ({ Vpcs: [] }) });
    const resource = new EC2Resource({ client });
    await resource.destroy();
    expect(resource.client).toBe(client);
    await expect(resource.vpcs.toArray()).resolves.toEqual([]);
  });
});
