// The AWS SDK for JavaScript v3 (@aws-sdk/client-ec2), a client nobody here wrote, pointed at
// ec2-local: launch, describe with filters and paging, its own waiters, tags, terminate, DryRun,
// a wrong secret key, and its retries against injected throttling and clock skew.

import {
  CreateTagsCommand,
  DeleteTagsCommand,
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeTagsCommand,
  EC2Client,
  type EC2ServiceException,
  paginateDescribeInstances,
  RunInstancesCommand,
  TerminateInstancesCommand,
  waitUntilInstanceRunning,
  waitUntilInstanceTerminated,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ec2LocalServer, RequestLogEntry } from '../server/options.js';
import { startEc2Local } from '../server/start.js';
import { DEFAULT_IMAGE_ID } from '../state/images.js';

async function rejection(promise: Promise<unknown>): Promise<EC2ServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as EC2ServiceException;
  }
  throw new Error('expected the call to fail');
}

describe('@aws-sdk/client-ec2 against ec2-local', () => {
  let local: Ec2LocalServer;
  let ec2: EC2Client;
  const log: RequestLogEntry[] = [];

  beforeAll(async () => {
    local = await startEc2Local({
      stateDelays: { pending: 400, stopping: 300, shuttingDown: 300 },
      log: (entry) => log.push(entry),
    });
    ec2 = new EC2Client({ endpoint: local.endpoint, region: local.region, credentials: local.credentials });
  });
  afterAll(async () => {
    ec2.destroy();
    await local.close();
  });

  it('runs instances, waits for running with waitUntilInstanceRunning, and describes them with filters', async () => {
    const run = await ec2.send(
      new RunInstancesCommand({
        ImageId: DEFAULT_IMAGE_ID,
        InstanceType: 't3.micro',
        MinCount: 2,
        MaxCount: 2,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'v3-web' }] }],
      }),
    );
    const ids = run.Instances!.map((i) => i.InstanceId!);
    expect(run.ReservationId).toMatch(/^r-/);
    expect(run.Instances!.map((i) => i.State?.Name)).toEqual(['pending', 'pending']);
    expect(run.Instances![0]!.LaunchTime).toBeInstanceOf(Date);
    expect(run.Instances![0]!.Tags).toEqual([{ Key: 'Name', Value: 'v3-web' }]);

    const before = log.filter((e) => e.action === 'DescribeInstances').length;
    const waited = await waitUntilInstanceRunning(
      { client: ec2, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { InstanceIds: ids },
    );
    expect(waited.state).toBe('SUCCESS');
    expect(log.filter((e) => e.action === 'DescribeInstances').length - before).toBeGreaterThanOrEqual(2);

    const described = await ec2.send(
      new DescribeInstancesCommand({
        Filters: [
          { Name: 'tag:Name', Values: ['v3-*'] },
          { Name: 'instance-state-name', Values: ['running'] },
          { Name: 'instance-type', Values: ['t3.micro'] },
        ],
      }),
    );
    expect(described.Reservations).toHaveLength(1);
    const instances = described.Reservations![0]!.Instances!;
    expect(instances.map((i) => i.InstanceId)).toEqual(ids);
    expect(instances.every((i) => i.PublicIpAddress && i.PrivateIpAddress && i.VpcId && i.SubnetId)).toBe(
      true,
    );
    const none = await ec2.send(
      new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['db-*'] }] }),
    );
    expect(none.Reservations).toEqual([]);
  });

  it('pages DescribeInstances with the SDK paginator, reservation by reservation', async () => {
    await ec2.send(
      new RunInstancesCommand({
        ImageId: DEFAULT_IMAGE_ID,
        MinCount: 4,
        MaxCount: 4,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'batch', Value: 'p' }] }],
      }),
    );
    await ec2.send(
      new RunInstancesCommand({
        ImageId: DEFAULT_IMAGE_ID,
        MinCount: 3,
        MaxCount: 3,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'batch', Value: 'p' }] }],
      }),
    );
    const pages: string[][] = [];
    for await (const page of paginateDescribeInstances(
      { client: ec2, pageSize: 5 },
      { Filters: [{ Name: 'tag:batch', Values: ['p'] }] },
    )) {
      pages.push(page.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!)));
    }
    expect(pages.map((p) => p.length)).toEqual([5, 2]);
    expect(new Set(pages.flat()).size).toBe(7);
    const bad = await rejection(ec2.send(new DescribeInstancesCommand({ MaxResults: 3 })));
    expect([bad.name, bad.$metadata.httpStatusCode]).toEqual(['InvalidParameterValue', 400]);
  });

  it('creates, filters and deletes tags', async () => {
    const [reservation] = (
      await ec2.send(new DescribeInstancesCommand({ Filters: [{ Name: 'tag:Name', Values: ['v3-web'] }] }))
    ).Reservations!;
    const id = reservation!.Instances![0]!.InstanceId!;
    await ec2.send(
      new CreateTagsCommand({
        Resources: [id],
        Tags: [
          { Key: 'team', Value: 'blue' },
          { Key: 'cost', Value: '42' },
        ],
      }),
    );
    const tags = await ec2.send(
      new DescribeTagsCommand({ Filters: [{ Name: 'resource-id', Values: [id] }] }),
    );
    expect(tags.Tags!.map((t) => `${t.Key}=${t.Value}`).sort()).toEqual([
      'Name=v3-web',
      'cost=42',
      'team=blue',
    ]);
    expect(tags.Tags![0]!.ResourceType).toBe('instance');
    await ec2.send(new DeleteTagsCommand({ Resources: [id], Tags: [{ Key: 'team' }] }));
    const after = await ec2.send(new DescribeTagsCommand({ Filters: [{ Name: 'key', Values: ['team'] }] }));
    expect(after.Tags).toEqual([]);
  });

  it('terminates and waits with waitUntilInstanceTerminated', async () => {
    const all = await ec2.send(new DescribeInstancesCommand({}));
    const ids = all.Reservations!.flatMap((r) => r.Instances!.map((i) => i.InstanceId!));
    const terminated = await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids }));
    expect(new Set(terminated.TerminatingInstances!.map((t) => t.CurrentState?.Name))).toEqual(
      new Set(['shutting-down']),
    );
    const waited = await waitUntilInstanceTerminated(
      { client: ec2, maxWaitTime: 30, minDelay: 1, maxDelay: 1 },
      { InstanceIds: ids },
    );
    expect(waited.state).toBe('SUCCESS');
  });

  it('answers DryRun with DryRunOperation (412) and an invalid DryRun with its real error', async () => {
    const dry = await rejection(
      ec2.send(
        new RunInstancesCommand({ ImageId: DEFAULT_IMAGE_ID, MinCount: 1, MaxCount: 1, DryRun: true }),
      ),
    );
    expect([dry.name, dry.$metadata.httpStatusCode, dry.message]).toEqual([
      'DryRunOperation',
      412,
      'Request would have succeeded, but DryRun flag is set.',
    ]);
    const invalid = await rejection(
      ec2.send(
        new RunInstancesCommand({ ImageId: 'ami-0000000000000000f', MinCount: 1, MaxCount: 1, DryRun: true }),
      ),
    );
    expect(invalid.name).toBe('InvalidAMIID.NotFound');
    const images = await ec2.send(
      new DescribeImagesCommand({
        Owners: ['amazon'],
        Filters: [{ Name: 'name', Values: ['al2023-ami-*-x86_64'] }],
      }),
    );
    expect(images.Images!.map((i) => i.ImageId)).toEqual([DEFAULT_IMAGE_ID]);
  });

  it('rejects a wrong secret key with SignatureDoesNotMatch that shows the canonical request and string to sign', async () => {
    const wrong = new EC2Client({
      endpoint: local.endpoint,
      region: local.region,
      credentials: { accessKeyId: local.credentials.accessKeyId, secretAccessKey: 'not-the-secret-key' },
      maxAttempts: 1,
    });
    try {
      const error = await rejection(wrong.send(new DescribeInstancesCommand({})));
      expect([error.name, error.$metadata.httpStatusCode]).toEqual(['SignatureDoesNotMatch', 403]);
      expect(error.message).toContain('The canonical request ec2-local computed:');
      expect(error.message).toContain(`host:${new URL(local.endpoint).host}`);
      expect(error.message).toMatch(/x-amz-date:\d{8}T\d{6}Z/);
      expect(error.message).toContain('The string to sign ec2-local computed:');
      expect(error.message).toMatch(
        /AWS4-HMAC-SHA256\n\d{8}T\d{6}Z\n\d{8}\/us-east-1\/ec2\/aws4_request\n[0-9a-f]{64}/,
      );
      expect(error.message).not.toContain('not-the-secret-key');
      const stranger = new EC2Client({
        endpoint: local.endpoint,
        region: local.region,
        credentials: { accessKeyId: 'AKIANOBODY', secretAccessKey: 'x' },
        maxAttempts: 1,
      });
      const unknown = await rejection(stranger.send(new DescribeInstancesCommand({})));
      expect([unknown.name, unknown.$metadata.httpStatusCode]).toEqual(['AuthFailure', 401]);
      stranger.destroy();
    } finally {
      wrong.destroy();
    }
  });

  it('retries through injected throttling and a 500, and corrects its clock from the Date header', async () => {
    local.setFaults({ next: ['throttle', 'server-error'] });
    const regions = await ec2.send(new DescribeInstancesCommand({}));
    expect(regions.$metadata.attempts).toBe(3);
    local.setFaults({ clockSkewMs: 20 * 60_000 });
    const skewed = new EC2Client({
      endpoint: local.endpoint,
      region: local.region,
      credentials: local.credentials,
    });
    try {
      const result = await skewed.send(new DescribeInstancesCommand({}));
      expect(result.$metadata.attempts).toBe(2);
      expect(log.some((e) => e.code === 'RequestExpired')).toBe(true);
    } finally {
      skewed.destroy();
      local.setFaults({});
    }
  });
});
