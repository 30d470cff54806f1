// Resources against moto's EC2 server on loopback: the networking resources ec2-local does not model
// (VPCs, subnets, route tables and routes, internet gateways, network ACLs, DHCP options, network
// interfaces, addresses, peering) and volumes, snapshots and images, each created,
// loaded, related and deleted through the resource API. Skips without moto; CI requires it.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../../../scripts/lib/moto.js';
import { EC2Resource } from './index.js';

const available = motoAvailable();
const fast = { minDelay: 0.05, maxDelay: 0.2, maxWaitTime: 20 };
let moto: MotoServer;
let resource: EC2Resource;

// moto answers its first requests slowly (it loads its data on first use).
vi.setConfig({ testTimeout: 30_000 });

describe.skipIf(!available)('resources against moto', () => {
  beforeAll(async () => {
    moto = await startMoto();
    resource = new EC2Resource({
      region: 'us-east-1',
      credentials: moto.credentials,
      endpointUrl: moto.endpoint,
    });
  }, 60_000);
  afterAll(async () => {
    await resource?.destroy();
    await moto?.stop();
  });

  it('builds a VPC with a subnet, an internet gateway, a route table and a route, then takes it apart', async () => {
    const vpc = await resource.createVpc({ CidrBlock: '10.10.0.0/16' });
    expect(vpc.loaded).toBe(true);
    await vpc.waitUntilAvailable({}, fast);
    expect(vpc.state).toBe('available');
    const subnet = await vpc.createSubnet({ CidrBlock: '10.10.1.0/24' });
    expect(subnet.vpc?.id).toBe(vpc.id);
    expect((await vpc.subnets.toArray()).map((s) => s.id)).toEqual([subnet.id]);

    const gateway = await resource.createInternetGateway();
    await gateway.attachToVpc({ VpcId: vpc.id });
    expect((await vpc.internetGateways.toArray()).map((g) => g.id)).toEqual([gateway.id]);

    const table = await vpc.createRouteTable();
    expect(table.vpc?.id).toBe(vpc.id);
    const route = await table.createRoute({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: gateway.id });
    expect(route.identifiers).toEqual({ RouteTableId: table.id, DestinationCidrBlock: '0.0.0.0/0' });
    const association = await table.associateWithSubnet({ SubnetId: subnet.id });
    await table.reload();
    const routes = table.routes;
    expect(routes.map((r) => r.destinationCidrBlock)).toContain('0.0.0.0/0');
    expect(routes.find((r) => r.destinationCidrBlock === '0.0.0.0/0')?.gatewayId).toBe(gateway.id);
    expect(table.associations.map((a) => a.id)).toContain(association.id);
    expect(table.associations.find((a) => a.id === association.id)?.subnet?.id).toBe(subnet.id);

    await association.delete();
    await route.delete();
    await table.delete();
    await gateway.detachFromVpc({ VpcId: vpc.id });
    await gateway.delete();
    await subnet.delete();
    await vpc.delete();
    await expect(vpc.reload()).rejects.toMatchObject({ code: 'InvalidVpcID.NotFound' });
  });

  it('manages network ACLs, DHCP options and security groups of a VPC', async () => {
    const vpc = await resource.createVpc({ CidrBlock: '10.20.0.0/16' });
    const acl = await vpc.createNetworkAcl();
    await acl.createEntry({
      RuleNumber: 100,
      Protocol: '6',
      RuleAction: 'allow',
      Egress: false,
      CidrBlock: '0.0.0.0/0',
      PortRange: { From: 443, To: 443 },
    });
    await acl.reload();
    expect(acl.entries?.some((entry) => entry.RuleNumber === 100)).toBe(true);
    expect(acl.vpc?.id).toBe(vpc.id);
    expect((await vpc.networkAcls.toArray()).map((a) => a.id)).toContain(acl.id);

    const options = await resource.createDhcpOptions({
      DhcpConfigurations: [{ Key: 'domain-name', Values: ['example.internal'] }],
    });
    await options.associateWithVpc({ VpcId: vpc.id });
    await vpc.reload();
    expect(vpc.dhcpOptions?.id).toBe(options.id);
    expect((await vpc.dhcpOptions!.load()).dhcpConfigurations?.[0]?.Key).toBe('domain-name');

    const group = await vpc.createSecurityGroup({ GroupName: 'app', Description: 'app tier' });
    await group.load();
    expect(group.vpc?.id).toBe(vpc.id);
    const tags = await group.createTags({ Tags: [{ Key: 'tier', Value: 'app' }] });
    expect(tags[0]!.resourceId).toBe(group.id);
    expect(
      (await vpc.securityGroups.filter({ Filters: [{ Name: 'tag:tier', Values: ['app'] }] }).toArray()).map(
        (g) => g.id,
      ),
    ).toEqual([group.id]);
  });

  it('creates a network interface in a subnet, gives it an address, and follows the association', async () => {
    const vpc = await resource.createVpc({ CidrBlock: '10.30.0.0/16' });
    const subnet = await vpc.createSubnet({ CidrBlock: '10.30.1.0/24' });
    const eni = await subnet.createNetworkInterface({ Description: 'app' });
    expect(eni.loaded).toBe(true);
    expect(eni.subnet?.id).toBe(subnet.id);
    expect((await subnet.networkInterfaces.toArray()).map((n) => n.id)).toEqual([eni.id]);

    const allocation = await resource.client.allocateAddress({ Domain: 'vpc' });
    const address = await resource.VpcAddress(allocation.AllocationId!).load();
    expect(address.publicIp).toBe(allocation.PublicIp);
    await address.associate({ NetworkInterfaceId: eni.id });
    await eni.reload();
    const association = eni.association!;
    expect(association.publicIp).toBe(allocation.PublicIp);
    await address.reload();
    expect(address.association?.id).toBe(association.id);
    expect((await resource.vpcAddresses.toArray()).map((a) => a.allocationId)).toContain(
      address.allocationId,
    );
    await association.delete();
    await address.release();
    await eni.delete();
  });

  it('requests a VPC peering connection, waits for it to exist and accepts it', async () => {
    const requester = await resource.createVpc({ CidrBlock: '10.40.0.0/16' });
    const accepter = await resource.createVpc({ CidrBlock: '10.41.0.0/16' });
    const peering = await requester.requestVpcPeeringConnection({ PeerVpcId: accepter.id });
    await peering.waitUntilExists({}, fast);
    expect(peering.requesterVpc?.id).toBe(requester.id);
    expect(peering.accepterVpc?.id).toBe(accepter.id);
    await peering.accept();
    await peering.reload();
    expect(peering.status?.Code).toBe('active');
    expect((await requester.requestedVpcPeeringConnections.toArray()).map((p) => p.id)).toContain(peering.id);
    expect((await accepter.acceptedVpcPeeringConnections.toArray()).map((p) => p.id)).toContain(peering.id);
  });

  it('snapshots a volume and waits until the snapshot completes', async () => {
    const volume = await resource.createVolume({ AvailabilityZone: 'us-east-1a', Size: 4 });
    expect(volume.size).toBe(4);
    const snapshot = await volume.createSnapshot({ Description: 'nightly' });
    await snapshot.waitUntilCompleted({}, fast);
    expect(snapshot.state).toBe('completed');
    expect(snapshot.volume?.id).toBe(volume.id);
    expect((await volume.snapshots.toArray()).map((s) => s.id)).toEqual([snapshot.id]);
    await snapshot.delete();
    await volume.delete();
  });

  it('launches from an image, makes an image of the instance and waits for it to exist', async () => {
    const [image] = await resource.images
      .filter({ Owners: ['amazon'] })
      .limit(1)
      .toArray();
    await image!.waitUntilExists({}, fast);
    const [instance] = await resource.createInstances({ ImageId: image!.id, MinCount: 1, MaxCount: 1 });
    await instance!.waitUntilRunning({}, fast);
    expect(instance!.image?.id).toBe(image!.id);
    const created = await instance!.createImage({ Name: 'from-instance' });
    expect(created.loaded).toBe(false);
    await created.waitUntilExists({}, fast);
    expect(created.name).toBe('from-instance');
    expect(created.sourceInstanceId ?? instance!.id).toBe(instance!.id);
    await instance!.terminate();
    await instance!.waitUntilTerminated({}, fast);
    expect(instance!.state?.Name).toBe('terminated');
    await created.deregister();
  });
});
