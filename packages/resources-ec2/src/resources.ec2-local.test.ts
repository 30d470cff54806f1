// Resources against ec2-local on loopback, through the real client and pipeline: collections paging
// instances (limit counts instances across reservations), batch actions in page-sized requests,
// waiters keeping the final data, references, key pairs, security groups, volumes and tags.

import {
  DEFAULT_IMAGE_ID,
  type Ec2LocalServer,
  type RequestLogEntry,
  startEc2Local,
} from '@boto-ts/ec2-local';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EC2Resource, type Instance } from './index.js';

const fast = { minDelay: 0.05, maxDelay: 0.2, maxWaitTime: 20 };
let local: Ec2LocalServer;
let resource: EC2Resource;
const log: RequestLogEntry[] = [];
const actions = (name: string) => log.filter((entry) => entry.action === name);

async function launch(count: number, tag: string): Promise<Instance[]> {
  return resource.createInstances({
    ImageId: DEFAULT_IMAGE_ID,
    MinCount: count,
    MaxCount: count,
    InstanceType: 't3.micro',
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'suite', Value: tag }] }],
  });
}
const tagged = (tag: string) => ({ Filters: [{ Name: 'tag:suite', Values: [tag] }] });

describe('resources against ec2-local', () => {
  beforeAll(async () => {
    local = await startEc2Local({
      stateDelays: { pending: 100, stopping: 100, shuttingDown: 100, volume: 50 },
      log: (entry) => log.push(entry),
    });
    resource = new EC2Resource({
      region: local.region,
      credentials: local.credentials,
      endpointUrl: local.endpoint,
    });
  });
  afterAll(async () => {
    await resource?.destroy();
    await local?.close();
  });
  beforeEach(() => {
    log.length = 0;
  });

  it('creates loaded instances, waits until running with the final data kept, and reads references', async () => {
    const [instance] = await launch(1, 'refs');
    expect(instance!.state?.Name).toBe('pending');
    await instance!.waitUntilRunning({}, fast);
    expect(instance!.state?.Name).toBe('running');
    expect(actions('DescribeInstances').length).toBeGreaterThanOrEqual(1);
    const vpc = await instance!.vpc!.load();
    expect(vpc.isDefault).toBe(true);
    const subnet = await instance!.subnet!.load();
    expect(subnet.vpc?.id).toBe(vpc.id);
    expect((await vpc.subnets.toArray()).map((s) => s.id)).toContain(subnet.id);
    expect((await subnet.instances.toArray()).map((i) => i.id)).toContain(instance!.id);
    const image = await instance!.image!.load();
    expect(image.imageId).toBe(DEFAULT_IMAGE_ID);
    expect(image.state).toBe('available');
  });

  it('pages a collection: limit counts instances across reservations, pageSize sets MaxResults', async () => {
    await launch(3, 'paging');
    await launch(2, 'paging');
    await launch(3, 'paging');
    const all = await resource.instances.filter(tagged('paging')).pageSize(5).toArray();
    expect(all).toHaveLength(8);
    expect(new Set(all.map((i) => i.id)).size).toBe(8);
    expect(actions('DescribeInstances')).toHaveLength(2);
    log.length = 0;
    const six = await resource.instances.filter(tagged('paging')).pageSize(5).limit(6).toArray();
    expect(six.map((i) => i.id)).toEqual(all.slice(0, 6).map((i) => i.id));
    const pages: number[] = [];
    for await (const page of resource.instances.filter(tagged('paging')).pageSize(5).pages())
      pages.push(page.length);
    expect(pages).toEqual([5, 3]);
  });

  it('sends batch actions one request per page and sees them through', async () => {
    await launch(7, 'batch');
    const running = resource.instances.filter(tagged('batch'));
    for (const instance of await running.toArray()) await instance.waitUntilRunning({}, fast);
    log.length = 0;
    const stopped = await running.pageSize(5).stop();
    expect(actions('StopInstances')).toHaveLength(2);
    expect(stopped.flatMap((output) => output.StoppingInstances ?? [])).toHaveLength(7);
    const [first] = await running.limit(1).toArray();
    await first!.waitUntilStopped({}, fast);
    expect(first!.state?.Name).toBe('stopped');
    log.length = 0;
    await running.pageSize(5).terminate();
    expect(actions('TerminateInstances')).toHaveLength(2);
    await first!.waitUntilTerminated({}, fast);
    expect(first!.state?.Name).toBe('terminated');
  });

  it('tags through the instance and deletes a tag through its Tag object', async () => {
    const [instance] = await launch(1, 'tags');
    const tags = await instance!.createTags({ Tags: [{ Key: 'owner', Value: 'team-a' }] });
    expect(tags.map(String)).toEqual([`Tag(resourceId='${instance!.id}', key='owner', value='team-a')`]);
    const loaded = await tags[0]!.load();
    expect(loaded.resourceType).toBe('instance');
    await instance!.reload();
    expect(instance!.tags).toContainEqual({ Key: 'owner', Value: 'team-a' });
    await tags[0]!.delete();
    await instance!.reload();
    expect(instance!.tags).not.toContainEqual({ Key: 'owner', Value: 'team-a' });
  });

  it('creates a key pair with its material, lists it, and deletes it', async () => {
    const key = await resource.createKeyPair({ KeyName: 'resources-test' });
    expect(key.keyMaterial).toMatch(/BEGIN/);
    const listed = await resource.keyPairs.filter({ KeyNames: ['resources-test'] }).toArray();
    expect(listed.map((k) => [k.name, k.keyFingerprint])).toEqual([['resources-test', key.keyFingerprint]]);
    await key.delete();
    expect(
      await resource.keyPairs
        .filter({ Filters: [{ Name: 'key-name', Values: ['resources-test'] }] })
        .toArray(),
    ).toEqual([]);
  });

  it('creates a security group in the default VPC, loads it, authorizes ingress and deletes it', async () => {
    const [vpc] = await resource.vpcs
      .filter({ Filters: [{ Name: 'is-default', Values: ['true'] }] })
      .toArray();
    const group = await vpc!.createSecurityGroup({ GroupName: 'web', Description: 'web tier' });
    expect(group.loaded).toBe(false);
    await group.load();
    expect(group.groupName).toBe('web');
    expect(group.vpc?.id).toBe(vpc!.id);
    await group.authorizeIngress({
      IpPermissions: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }],
    });
    await group.reload();
    expect(group.ipPermissions?.[0]).toMatchObject({ IpProtocol: 'tcp', FromPort: 443 });
    expect((await vpc!.securityGroups.toArray()).map((g) => g.id)).toContain(group.id);
    await group.delete();
    await expect(group.load()).rejects.toMatchObject({ code: 'InvalidGroup.NotFound' });
  });

  it('creates a volume, attaches it to an instance, and finds it in instance.volumes', async () => {
    const [instance] = await launch(1, 'volumes');
    await instance!.waitUntilRunning({}, fast);
    const volume = await resource.createVolume({
      AvailabilityZone: instance!.placement!.AvailabilityZone!,
      Size: 8,
    });
    expect(volume.size).toBe(8);
    for (let i = 0; i < 50 && (await volume.reload()).state !== 'available'; i++)
      await new Promise((r) => setTimeout(r, 20));
    await volume.attachToInstance({ InstanceId: instance!.id, Device: '/dev/sdf' });
    const attached = (await instance!.volumes.toArray()).map((v) => v.id);
    expect(attached).toContain(volume.id);
  });
});
