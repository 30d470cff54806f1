import type {
  DescribeInstancesResult,
  DescribeVpcEndpointServicesResult,
  EC2Client,
  Instance,
  ServiceDetail,
  Volume,
  WithMetadata,
} from '@boto-ts/client-ec2';
import type { ServiceClient } from '@boto-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import { getPaginator } from './ec2.js';
import { describeInstancesPaginator } from './generated/ec2/index.js';
import { createPaginator, type ResumableIterable } from './paginator.js';

declare const ec2: EC2Client;
declare const bare: ServiceClient;

describe('getPaginator types', () => {
  it('types pages as the operation output and items as instances', () => {
    const paginator = getPaginator(ec2, 'describeInstances');
    const pages = paginator.paginate({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] });
    expectTypeOf(pages[Symbol.asyncIterator]().next()).resolves.toMatchTypeOf<
      IteratorResult<WithMetadata<DescribeInstancesResult>>
    >();
    expectTypeOf(paginator.items()).toEqualTypeOf<ResumableIterable<Instance>>();
    expectTypeOf(getPaginator(ec2, 'describeVolumes').items()).toEqualTypeOf<ResumableIterable<Volume>>();
  });

  it('types the full result with every result key present and the resume token', async () => {
    const full = await getPaginator(ec2, 'describeVpcEndpointServices').paginate().buildFullResult();
    expectTypeOf(full.ServiceDetails).toEqualTypeOf<
      NonNullable<DescribeVpcEndpointServicesResult['ServiceDetails']>
    >();
    expectTypeOf(full.ServiceDetails[0]!).toEqualTypeOf<ServiceDetail>();
    expectTypeOf(full.NextToken).toEqualTypeOf<string | undefined>();
  });

  it('accepts a bare ServiceClient and a spec with createPaginator', () => {
    expectTypeOf(getPaginator(bare, 'describeInstances').items()).toEqualTypeOf<
      ResumableIterable<Instance>
    >();
    expectTypeOf(createPaginator(ec2, describeInstancesPaginator).items()).toEqualTypeOf<
      ResumableIterable<Instance>
    >();
  });

  it('rejects unknown paginators, unknown input members and a client without the operation', () => {
    // @ts-expect-error not a paginated operation
    getPaginator(ec2, 'runInstances');
    // @ts-expect-error not a member of DescribeInstancesRequest
    getPaginator(ec2, 'describeInstances').paginate({ InstanceId: 'i-1' });
    // @ts-expect-error neither describeInstances nor send
    getPaginator({ describeVolumes: async () => ({}) }, 'describeInstances');
  });
});
