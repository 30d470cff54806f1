// Compile-time behaviour: attributes are typed by the model shape, actions take the operation's input
// without the members the resource fills in, identifiers are required, and a typo is an error. Each
// `@ts-expect-error` fails the type check if the error it expects ever disappears.

import type * as T from '@boto-ts/client-ec2';
import type { DryRunOutcome, WithMetadata } from '@boto-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  EC2Resource,
  Instance,
  InstanceCollection,
  KeyPairInfo,
  NetworkInterface,
  Route,
  RouteTable,
  Subnet,
  SubnetCollection,
  Tag,
  Vpc,
} from './index.js';

declare const resource: EC2Resource;
declare const instance: Instance;
declare const vpc: Vpc;
declare const route: Route;

describe('attributes', () => {
  it('are getters typed by the loaded shape, camelCase, read-only', () => {
    expectTypeOf(instance.state).toEqualTypeOf<T.InstanceState | undefined>();
    expectTypeOf(instance.publicIpAddress).toEqualTypeOf<string | undefined>();
    expectTypeOf(instance.launchTime).toEqualTypeOf<Date | undefined>();
    expectTypeOf(instance.data).toEqualTypeOf<T.Instance>();
    expectTypeOf(instance.id).toEqualTypeOf<string>();
    expectTypeOf(instance.instanceId).toEqualTypeOf<string>();
    expectTypeOf(vpc.cidrBlock).toEqualTypeOf<string | undefined>();
    // @ts-expect-error: no such attribute (it is publicIpAddress)
    instance.publicIp;
    // @ts-expect-error: PascalCase is the raw data's spelling, not the attribute's
    instance.State;
    // @ts-expect-error: attributes are read-only
    instance.state = undefined;
  });
});

describe('identifiers', () => {
  it('are required by the constructors', () => {
    expectTypeOf(resource.Instance('i-1')).toEqualTypeOf<Instance>();
    expectTypeOf(resource.KeyPair('deploy')).toEqualTypeOf<KeyPairInfo>();
    expectTypeOf(resource.Route('rtb-1', '0.0.0.0/0')).toEqualTypeOf<Route>();
    // @ts-expect-error: an Instance needs its id
    resource.Instance();
    // @ts-expect-error: a Route needs its route table id and its destination
    resource.Route('rtb-1');
    // @ts-expect-error: identifiers are strings
    resource.Vpc(42);
    // @ts-expect-error: a Tag needs resource id, key and value
    resource.Tag('i-1', 'env');
  });
});

describe('actions', () => {
  it('take the operation input without the members the resource fills in', () => {
    expectTypeOf(instance.terminate()).toEqualTypeOf<Promise<WithMetadata<T.TerminateInstancesResult>>>();
    expectTypeOf(instance.stop({ Force: true })).toEqualTypeOf<
      Promise<WithMetadata<T.StopInstancesResult>>
    >();
    expectTypeOf(instance.terminate({ DryRun: true })).toEqualTypeOf<Promise<DryRunOutcome>>();
    // @ts-expect-error: InstanceIds is filled in by the instance
    instance.terminate({ InstanceIds: ['i-2'] });
    // @ts-expect-error: Force is a boolean
    instance.stop({ Force: 'yes' });
    // @ts-expect-error: CreateTags needs Tags
    instance.createTags();
    // @ts-expect-error: no such action
    instance.destroy();
    // @ts-expect-error: AttachVolume needs Device and VolumeId
    instance.attachVolume({ Device: '/dev/sdf' });
  });

  it('return resource objects for creating actions', () => {
    expectTypeOf(
      resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1, InstanceType: 't3.micro' }),
    ).toEqualTypeOf<Promise<Instance[]>>();
    expectTypeOf(
      resource.createInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1, DryRun: true }),
    ).toEqualTypeOf<Promise<DryRunOutcome>>();
    expectTypeOf(instance.createTags({ Tags: [{ Key: 'a', Value: 'b' }] })).toEqualTypeOf<Promise<Tag[]>>();
    expectTypeOf(vpc.createSubnet({ CidrBlock: '10.0.1.0/24' })).toEqualTypeOf<Promise<Subnet>>();
    // @ts-expect-error: RunInstances requires MinCount and MaxCount
    resource.createInstances({ ImageId: 'ami-1' });
    // @ts-expect-error: MinCount is a number
    resource.createInstances({ ImageId: 'ami-1', MinCount: '1', MaxCount: 1 });
  });
});

describe('waiters', () => {
  it('resolve to the same object and take the rest of the waiter input', () => {
    expectTypeOf(instance.waitUntilRunning()).toEqualTypeOf<Promise<Instance>>();
    expectTypeOf(instance.waitUntilTerminated({}, { maxWaitTime: 60 })).toEqualTypeOf<Promise<Instance>>();
    // @ts-expect-error: the waiter fills InstanceIds in
    instance.waitUntilRunning({ InstanceIds: ['i-2'] });
    // @ts-expect-error: not a waiter of Vpc
    vpc.waitUntilRunning();
  });
});

describe('references and collections', () => {
  it('are typed by the resource they lead to', async () => {
    expectTypeOf(instance.vpc).toEqualTypeOf<Vpc | undefined>();
    expectTypeOf(instance.networkInterfaces).toEqualTypeOf<NetworkInterface[]>();
    expectTypeOf(route.routeTable).toEqualTypeOf<RouteTable>();
    expectTypeOf(vpc.subnets).toEqualTypeOf<SubnetCollection>();
    expectTypeOf(
      resource.instances.filter({ Filters: [] }).limit(3).pageSize(5),
    ).toEqualTypeOf<InstanceCollection>();
    expectTypeOf(resource.instances.terminate()).toEqualTypeOf<
      Promise<WithMetadata<T.TerminateInstancesResult>[]>
    >();
    for await (const item of vpc.instances) expectTypeOf(item).toEqualTypeOf<Instance>();
    for await (const page of resource.instances.pages()) expectTypeOf(page).toEqualTypeOf<Instance[]>();
    // @ts-expect-error: the collection pages for you
    resource.instances.filter({ NextToken: 'abc' });
    // @ts-expect-error: a filter of DescribeInstances, not DescribeVpcs
    resource.instances.filter({ VpcIds: ['vpc-1'] });
    // @ts-expect-error: Instance collections have no delete batch action
    resource.instances.delete();
    // @ts-expect-error: a Route has no vpc
    route.vpc;
  });
});
