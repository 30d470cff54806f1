// A sweep across accounts and regions: for every (account, region), assume the account's role, count
// the instances (DescribeInstances through the paginator, resumable page by page) and launch one
// tagged instance whose ClientToken comes from the sweep's idempotency key, so a sweep that is
// killed and run again never launches twice. Run through fanOut with bounds and a checkpoint.
//
//   pnpm exec tsx --conditions=@boto-ts/source examples/sweep/sweep.ts 111111111111,222222222222 us-east-1,eu-west-1
//
// (AWS_PROFILE names the hub account's profile; each account must have a role named SweepRole that the
// hub may assume. It launches one t3.micro per target on real AWS: run it against moto or ec2-local.)

import { fileURLToPath } from 'node:url';
import { EC2Client } from '@boto-ts/client-ec2';
import {
  type Checkpoint,
  type ClientConfig,
  type FanOutOptions,
  type FanOutResult,
  fanOut,
  fileCheckpoint,
  Session,
  type TargetContext,
} from '@boto-ts/core';
import { getPaginator } from '@boto-ts/paginators';

export interface SweepTarget {
  readonly accountId: string;
  readonly region: string;
}

export interface SweepValue {
  readonly accountId: string;
  readonly region: string;
  /** Instances that were there before this sweep launched its own. */
  readonly instancesBefore: number;
  readonly launchedInstanceId: string;
}

export interface SweepOptions {
  /** The hub session the roles are assumed from. */
  readonly session: Session;
  /**
   * The role assumed in each account. Default `arn:aws:iam::<account>:role/SweepRole`; null: the hub
   * session itself works in every target (one account, or credentials that reach them all).
   */
  readonly roleArn?: ((accountId: string) => string) | null | undefined;
  readonly imageId?: string | undefined;
  /** Extra client settings per target (an endpoint per region for local servers, fault injection). */
  readonly clientConfig?: ((target: SweepTarget) => ClientConfig) | undefined;
  /** Called right after RunInstances answered, before the checkpoint records the target. */
  readonly onLaunched?: ((target: SweepTarget, instanceId: string) => void | Promise<void>) | undefined;
}

/** The work of one target: what a fanOut function or a queue's job does. */
export async function sweepTarget(
  target: SweepTarget,
  context: TargetContext,
  options: SweepOptions,
): Promise<SweepValue> {
  const roleArn =
    options.roleArn === null
      ? undefined
      : (options.roleArn?.(target.accountId) ?? `arn:aws:iam::${target.accountId}:role/SweepRole`);
  const account =
    roleArn === undefined
      ? options.session
      : options.session.assumeRole({ RoleArn: roleArn, RoleSessionName: 'sweep' });
  const session = account.withRegion(target.region);
  const ec2 = new EC2Client({ session, ...options.clientConfig?.(target) });
  try {
    // Count what is there, page by page; a resumed run continues after the last page it counted.
    const counted = context.resumeToken('counted');
    let instancesBefore = counted === undefined ? 0 : Number(JSON.parse(counted).count);
    const items = getPaginator(ec2, 'describeInstances').items(
      { Filters: [{ Name: 'tag:sweep', Values: ['example'] }] },
      {
        pageSize: 5,
        signal: context.signal,
        startingToken: counted === undefined ? undefined : JSON.parse(counted).token,
      },
    );
    for await (const _instance of items) {
      instancesBefore++;
      if (items.resumeToken !== undefined)
        await context.saveResumeToken(
          'counted',
          JSON.stringify({ count: instancesBefore, token: items.resumeToken }),
        );
    }

    const reservation = await ec2.runInstances(
      {
        ImageId: options.imageId ?? 'ami-12c6146b',
        InstanceType: 't3.micro',
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: [
              { Key: 'sweep', Value: 'example' },
              { Key: 'sweep-target', Value: context.key },
            ],
          },
        ],
      },
      { signal: context.signal, idempotencyKey: context.idempotencyKey('launch') },
    );
    const launchedInstanceId = reservation.Instances?.[0]?.InstanceId;
    if (launchedInstanceId === undefined)
      throw new Error(`RunInstances in ${target.region} returned no instance`);
    await options.onLaunched?.(target, launchedInstanceId);
    return { accountId: target.accountId, region: target.region, instancesBefore, launchedInstanceId };
  } finally {
    await ec2.destroy();
  }
}

/** Every account x region pair, accounts first. */
export function sweepTargets(accounts: readonly string[], regions: readonly string[]): SweepTarget[] {
  return accounts.flatMap((accountId) => regions.map((region) => ({ accountId, region })));
}

/** The sweep through fanOut: 4 at once, 2 per account, resumable through `checkpoint`. */
export function runSweep(
  targets: readonly SweepTarget[],
  options: SweepOptions & {
    readonly checkpoint?: Checkpoint | undefined;
    readonly concurrency?: number | undefined;
    readonly signal?: AbortSignal | undefined;
    readonly onProgress?: FanOutOptions<SweepTarget>['onProgress'];
  },
): Promise<FanOutResult<SweepTarget, SweepValue>[]> {
  return fanOut(targets, (target, context) => sweepTarget(target, context, options), {
    concurrency: options.concurrency ?? 4,
    perAccount: 2,
    signal: options.signal,
    checkpoint: options.checkpoint,
    onProgress: options.onProgress,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [accounts = '', regions = ''] = process.argv.slice(2);
  const session = new Session({ profile: process.env.AWS_PROFILE });
  const results = await runSweep(sweepTargets(accounts.split(','), regions.split(',')), {
    session,
    checkpoint: fileCheckpoint('sweep-checkpoint.json'),
    onProgress: ({ done, failed, total, target }) =>
      console.error(`${done + failed}/${total} (${failed} failed): ${target.accountId} ${target.region}`),
  });
  for (const result of results) {
    const where = `${result.target.accountId} ${result.target.region}`;
    console.log(
      result.ok
        ? `${where}: launched ${result.value.launchedInstanceId}`
        : `${where}: ${String(result.error)}`,
    );
  }
}
