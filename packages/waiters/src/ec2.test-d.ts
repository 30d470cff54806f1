import type {
  DescribeInstancesResult,
  DescribeVolumesResult,
  EC2Client,
  ServiceError,
  WithMetadata,
} from '@boto-ts/client-ec2';
import type { ServiceClient } from '@boto-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import { getWaiter, waitUntil } from './ec2.js';
import { instanceRunningWaiter } from './generated/ec2/index.js';
import { createWaiter } from './waiter.js';

declare const ec2: EC2Client;
declare const bare: ServiceClient;

describe('getWaiter types', () => {
  it('resolves to the final output for waiters that succeed on an output', async () => {
    const result = await getWaiter(ec2, 'instanceRunning').wait(
      { InstanceIds: ['i-1'] },
      { maxWaitTime: 600 },
    );
    expectTypeOf(result.output).toEqualTypeOf<WithMetadata<DescribeInstancesResult>>();
    expectTypeOf(result.attempts).toEqualTypeOf<number>();
    const same = await waitUntil(ec2, 'instanceRunning', { InstanceIds: ['i-1'] });
    expectTypeOf(same.output).toEqualTypeOf<WithMetadata<DescribeInstancesResult>>();
  });

  it('may resolve with the error for waiters that succeed on one (volumeDeleted)', async () => {
    const result = await getWaiter(ec2, 'volumeDeleted').wait({ VolumeIds: ['vol-1'] });
    expectTypeOf(result.output).toEqualTypeOf<WithMetadata<DescribeVolumesResult> | undefined>();
    if (result.error) expectTypeOf(result.error).toEqualTypeOf<ServiceError>();
  });

  it('works with a bare client and with a spec', () => {
    expectTypeOf(getWaiter(bare, 'instanceRunning').name).toEqualTypeOf<string>();
    expectTypeOf(createWaiter(ec2, instanceRunningWaiter).wait).returns.resolves.toHaveProperty('output');
  });

  it('rejects unknown waiters, unknown input members and bad options', () => {
    // @ts-expect-error not an EC2 waiter
    getWaiter(ec2, 'instanceFlying');
    // @ts-expect-error not a member of DescribeInstancesRequest
    void getWaiter(ec2, 'instanceRunning').wait({ InstanceId: 'i-1' });
    // @ts-expect-error seconds are numbers
    void waitUntil(ec2, 'instanceRunning', {}, { maxWaitTime: '10m' });
  });
});
