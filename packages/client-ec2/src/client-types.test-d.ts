// Compile-time checks of the generated signatures (vitest typecheck).

import type { DryRunOutcome, WithMetadata } from '@boto-ts/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type DescribeInstancesResult,
  EC2Client,
  type EC2MethodName,
  type EC2OperationName,
  type EC2Operations,
  type InstanceType,
  type Reservation,
  type RunInstancesRequest,
} from './index.js';
import { createEC2BareClient, describeInstances, runInstances } from './operations.js';

const client = new EC2Client({ region: 'us-east-1' });

describe('generated EC2 types', () => {
  it('makes the input optional only when nothing is required', () => {
    expectTypeOf(client.describeInstances).toBeCallableWith();
    expectTypeOf(client.describeInstances()).toEqualTypeOf<Promise<WithMetadata<DescribeInstancesResult>>>();
    // @ts-expect-error RunInstances requires MinCount and MaxCount
    client.runInstances();
    // @ts-expect-error CreateTags requires Resources and Tags
    client.createTags({});
    // @ts-expect-error a misspelled member is an error, not a silently ignored key
    client.describeInstances({ MaxResult: 5 });
    // @ts-expect-error MaxResults is a number
    client.describeInstances({ MaxResults: '5' });
  });

  it('resolves a DryRun: true call to a DryRunOutcome and a plain call to the output', () => {
    expectTypeOf(client.terminateInstances({ InstanceIds: ['i-1'], DryRun: true })).toEqualTypeOf<
      Promise<DryRunOutcome>
    >();
    expectTypeOf(client.runInstances({ MinCount: 1, MaxCount: 1 })).toEqualTypeOf<
      Promise<WithMetadata<Reservation>>
    >();
    const flag = Math.random() > 0.5;
    expectTypeOf(client.describeInstances({ DryRun: flag })).toEqualTypeOf<
      Promise<WithMetadata<DescribeInstancesResult> | DryRunOutcome>
    >();
  });

  it('accepts the RunInstances UserData option only on runInstances', () => {
    expectTypeOf(client.runInstances).toBeCallableWith(
      { MinCount: 1, MaxCount: 1, UserData: 'abc' },
      { userDataEncoding: 'base64' },
    );
    // @ts-expect-error userDataEncoding is a RunInstances option
    client.describeInstances({}, { userDataEncoding: 'base64' });
  });

  it('keeps enums open to new values while listing the known ones', () => {
    expectTypeOf<'t2.micro'>().toExtend<InstanceType>();
    expectTypeOf<'a-type-from-next-year'>().toExtend<InstanceType>();
    expectTypeOf<RunInstancesRequest['InstanceType']>().toEqualTypeOf<InstanceType | undefined>();
  });

  it('types the per-operation functions like the methods, client first', () => {
    const bare = createEC2BareClient({ region: 'us-east-1' });
    expectTypeOf(describeInstances(bare)).toEqualTypeOf<Promise<WithMetadata<DescribeInstancesResult>>>();
    expectTypeOf(runInstances(client, { MinCount: 1, MaxCount: 1, DryRun: true })).toEqualTypeOf<
      Promise<DryRunOutcome>
    >();
  });

  it('maps method names to operation names and their input and output types', () => {
    expectTypeOf<'describeInstances'>().toExtend<EC2MethodName>();
    expectTypeOf<'DescribeInstances'>().toExtend<EC2OperationName>();
    expectTypeOf<EC2Operations['runInstances']['input']>().toExtend<RunInstancesRequest>();
    expectTypeOf<RunInstancesRequest>().toExtend<EC2Operations['runInstances']['input']>();
    expectTypeOf<EC2Operations['runInstances']['output']>().toEqualTypeOf<Reservation>();
    expectTypeOf<EC2Operations['createTags']['input']>().toExtend<{ Resources: string[] }>();
    expectTypeOf<EC2Operations['describeInstances']['output']>().toEqualTypeOf<DescribeInstancesResult>();
  });
});
