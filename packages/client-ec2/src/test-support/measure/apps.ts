// The small apps the measurements run: what a user writes, nothing more.

export const coldImportApp = `import { EC2Client } from '@boto-ts/client-ec2';
new EC2Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' } });
`;

export const coldCallApp = `import { EC2Client } from '@boto-ts/client-ec2';
const ec2 = new EC2Client({
  region: 'us-east-1',
  credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
  endpointUrl: process.env.ENDPOINT,
});
const out = await ec2.describeInstances({ MaxResults: 5 });
if (out.Reservations?.length !== 1) throw new Error('unexpected output');
await ec2.destroy();
`;

/** The bundle-size app: three operations through the per-operation path. */
export const threeOperationApp = `import { createEC2BareClient, describeInstances, runInstances, terminateInstances } from '@boto-ts/client-ec2/operations';
const ec2 = createEC2BareClient({ region: process.env.AWS_REGION });
const run = await runInstances(ec2, { ImageId: 'ami-1', MinCount: 1, MaxCount: 1, UserData: 'echo hi' });
const ids = (run.Instances ?? []).map((i) => i.InstanceId);
await describeInstances(ec2, { InstanceIds: ids });
await terminateInstances(ec2, { InstanceIds: ids });
`;

/** The same app on the full client, for comparison. */
export const threeOperationClassApp = `import { EC2Client } from '@boto-ts/client-ec2';
const ec2 = new EC2Client({ region: process.env.AWS_REGION });
const run = await ec2.runInstances({ ImageId: 'ami-1', MinCount: 1, MaxCount: 1, UserData: 'echo hi' });
const ids = (run.Instances ?? []).map((i) => i.InstanceId);
await ec2.describeInstances({ InstanceIds: ids });
await ec2.terminateInstances({ InstanceIds: ids });
`;

/** A consumer project's source, type-checked against the published declarations. */
export const consumerSource = `import { EC2Client, isDryRunOutcome, isServiceError, type Instance, type InstanceType } from '@boto-ts/client-ec2';
import { createEC2BareClient, describeInstances } from '@boto-ts/client-ec2/operations';

const ec2 = new EC2Client({ region: 'eu-west-1' });
const type: InstanceType = 't3.micro';

export async function launch(): Promise<string[]> {
  const run = await ec2.runInstances({ ImageId: 'ami-1', InstanceType: type, MinCount: 1, MaxCount: 2, UserData: '#!/bin/sh' });
  const dry = await ec2.terminateInstances({ InstanceIds: ['i-1'], DryRun: true });
  if (!isDryRunOutcome(dry)) throw new Error('expected a dry run');
  const page = await ec2.describeInstances({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }], MaxResults: 10 });
  const instances: Instance[] = (page.Reservations ?? []).flatMap((r) => r.Instances ?? []);
  const bare = createEC2BareClient({ region: 'eu-west-1' });
  await describeInstances(bare, { InstanceIds: instances.map((i) => i.InstanceId ?? '') });
  try {
    await ec2.createTags({ Resources: ['i-1'], Tags: [{ Key: 'Name', Value: 'web' }] });
  } catch (error) {
    if (isServiceError(error, 'InvalidInstanceID.NotFound')) return [];
    throw error;
  }
  const volumes = await ec2.describeVolumes();
  const vpcs = await ec2.describeVpcs({ VpcIds: ['vpc-1'] });
  return [...(run.Instances ?? []).map((i) => i.InstanceId ?? ''), ...(volumes.Volumes ?? []).map((v) => v.VolumeId ?? ''), ...(vpcs.Vpcs ?? []).map((v) => v.VpcId ?? '')];
}
`;
