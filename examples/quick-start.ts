// The README's quick start, kept here so the type-check proves it compiles against today's API.
// It talks to real EC2 with your profile (and launches an instance): read it, do not run it blindly.

import { EC2Client } from '@boto-ts/client-ec2';
import { isServiceError, Session } from '@boto-ts/core';
import { getPaginator } from '@boto-ts/paginators';
import { EC2Resource } from '@boto-ts/resources-ec2';
import { getWaiter } from '@boto-ts/waiters';

export async function quickStart(): Promise<void> {
  const session = new Session({ profile: 'dev', region: 'us-east-1' });
  const ec2 = new EC2Client({ session }); // or new EC2Client({ region, credentials })

  const { Instances = [] } = await ec2.runInstances({
    ImageId: 'ami-0abcdef1234567890',
    InstanceType: 't3.micro',
    MinCount: 1,
    MaxCount: 1,
  });
  const id = Instances[0]?.InstanceId ?? '';

  // Waits with the model's schedule (15 s x 40) and resolves with the last DescribeInstances.
  await getWaiter(ec2, 'instanceRunning').wait({ InstanceIds: [id] });

  // Pages of DescribeInstances, or items() for the instances themselves (not reservations).
  const running = { Filters: [{ Name: 'instance-state-name', Values: ['running'] }] };
  for await (const instance of getPaginator(ec2, 'describeInstances').items(running)) {
    console.log(instance.InstanceId, instance.State?.Name);
  }

  // boto3-style resources over the same client.
  const resource = new EC2Resource({ client: ec2 });
  for await (const instance of resource.instances.all()) console.log(instance.id, instance.state?.Name);

  try {
    await ec2.terminateInstances({ InstanceIds: [id] });
  } catch (error) {
    if (isServiceError(error, 'InvalidInstanceID.NotFound')) console.log('already gone');
    else throw error;
  }
  await ec2.destroy();
}
