// boto3's "full example" in TypeScript with boto-ts: a session with a profile, a client and a
// resource, launch an instance and wait until it runs, list the running instances through the
// paginator (reservations, then instances), list every instance through the resource, then
// terminate it and wait until it is gone.
//
//   AWS_PROFILE=dev pnpm exec tsx --conditions=@boto-ts/source examples/full-example.ts
//
// It talks to whatever endpoint the usual settings name: real EC2 by default, or any other endpoint
// through AWS_ENDPOINT_URL (or endpoint_url in the profile), e.g. ec2-local or moto on loopback.
// EXAMPLE_IMAGE_ID picks the AMI; otherwise the newest Amazon Linux image is used. It launches one
// instance (billed on real AWS) and terminates it before it returns.

import { fileURLToPath } from 'node:url';
import { EC2Client, type InstanceType } from '@boto-ts/client-ec2';
import { Session } from '@boto-ts/core';
import { getPaginator } from '@boto-ts/paginators';
import { EC2Resource } from '@boto-ts/resources-ec2';
import type { WaitOptions } from '@boto-ts/waiters';

export interface FullExampleOptions {
  /** Default: `new Session({ profile: AWS_PROFILE })` (region, credentials and endpoint from the profile). */
  readonly session?: Session | undefined;
  /** Default: EXAMPLE_IMAGE_ID, else the newest Amazon Linux image. */
  readonly imageId?: string | undefined;
  /** Default: t3.micro. */
  readonly instanceType?: InstanceType | undefined;
  /** Waiter options (default: the model's delays, as boto3). */
  readonly wait?: WaitOptions | undefined;
  /** Where each line goes. Default: console.log. */
  readonly print?: ((line: string) => void) | undefined;
}

export interface FullExampleResult {
  readonly instanceId: string;
  /** The state printed after `reload()` (`running`). */
  readonly stateAfterReload: string | undefined;
  /** The state after `waitUntilTerminated()` (`terminated`). */
  readonly finalState: string | undefined;
}

/** Finds a current Amazon Linux image (AL2023, else Amazon Linux 2) when no image id is given. */
async function findImage(ec2: EC2Client): Promise<string> {
  for (const name of ['al2023-ami-2023.*-x86_64', 'amzn2-ami-hvm-*-x86_64-gp2']) {
    const { Images = [] } = await ec2.describeImages({
      Owners: ['amazon'],
      Filters: [{ Name: 'name', Values: [name] }],
    });
    const newest = Images.filter((image) => image.ImageId !== undefined).sort((a, b) =>
      String(b.CreationDate ?? '').localeCompare(String(a.CreationDate ?? '')),
    )[0];
    if (newest?.ImageId) return newest.ImageId;
  }
  throw new Error('No Amazon Linux image found; set EXAMPLE_IMAGE_ID to an AMI id of your region');
}

export async function fullExample(options: FullExampleOptions = {}): Promise<FullExampleResult> {
  const print = options.print ?? ((line: string) => console.log(line));
  const session = options.session ?? new Session({ profile: process.env.AWS_PROFILE });

  // A client and a resource from the same session (the resource shares the client).
  const ec2Client = new EC2Client({ session });
  const ec2Resource = new EC2Resource({ client: ec2Client });
  try {
    const imageId = options.imageId ?? process.env.EXAMPLE_IMAGE_ID ?? (await findImage(ec2Client));

    // Create a new EC2 instance.
    print('== Launch an instance (resource.createInstances)');
    const [instance] = await ec2Resource.createInstances({
      ImageId: imageId,
      MinCount: 1,
      MaxCount: 1,
      InstanceType: options.instanceType ?? 't3.micro',
    });
    if (instance === undefined) throw new Error('RunInstances returned no instance');
    print(`Launched ${instance.id} from ${imageId}`);

    // Wait for the instance to enter the running state, then reload its attributes.
    print('== Wait until it is running (instance.waitUntilRunning), then reload it');
    await instance.waitUntilRunning({}, options.wait);
    await instance.reload();
    const stateAfterReload = instance.state?.Name;
    print(`Instance ${instance.id} is ${stateAfterReload}`);

    // List the running instances with the paginator: reservations, then their instances.
    print('== Running instances through the paginator (filter instance-state-name = running)');
    const paginator = getPaginator(ec2Client, 'describeInstances');
    const running = paginator.paginate({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] });
    for await (const page of running) {
      for (const reservation of page.Reservations ?? []) {
        for (const described of reservation.Instances ?? []) {
          print(`Running instance ${described.InstanceId} (${described.InstanceType})`);
        }
      }
    }

    // The same instance as the raw client response: EC2 wraps instances in reservations.
    print('== The raw DescribeInstances response: reservations wrap instances');
    const described = await ec2Client.describeInstances({ InstanceIds: [instance.id] });
    print(`DescribeInstances for ${instance.id} (request ${described.$metadata.requestId}):`);
    for (const reservation of described.Reservations ?? []) {
      print(`  Reservation ${reservation.ReservationId} (owner ${reservation.OwnerId})`);
      for (const each of reservation.Instances ?? []) {
        print(
          `    Instance ${each.InstanceId}: ${each.State?.Name}, ${each.InstanceType}, ${each.Placement?.AvailabilityZone}`,
        );
      }
    }

    // Every instance through the resource's collection.
    print('== Every instance through the resource (resource.instances.all())');
    for await (const each of ec2Resource.instances.all()) {
      print(`${each.id} ${each.state?.Name}`);
    }

    // Terminate the instance and wait until it is terminated.
    print('== Terminate it and wait until it is terminated');
    await instance.terminate();
    await instance.waitUntilTerminated({}, options.wait);
    const finalState = instance.state?.Name;
    print(`Instance ${instance.id} is ${finalState}`);
    return { instanceId: instance.id, stateAfterReload, finalState };
  } finally {
    await ec2Client.destroy();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  fullExample().catch((error: unknown) => {
    console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
    process.exitCode = 1;
  });
}
