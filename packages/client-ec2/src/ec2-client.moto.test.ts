// Integration: EC2Client against moto's EC2 server on loopback, through the whole pipeline
// (validation, serializer, SigV4, transport, XML decoder). Skips without moto on a developer
// machine; CI requires it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../../../scripts/lib/moto.js';
import { EC2Client, type Instance, isDryRunOutcome, isServiceError, ValidationError } from './index.js';
import { createEC2BareClient, describeInstances, terminateInstances } from './operations.js';

const available = motoAvailable();
let moto: MotoServer;
let ec2: EC2Client;
let imageId: string;

const userData = '#!/bin/bash\necho "héllo from boto-ts" > /tmp/hello\n';

async function allInstances(filters: { Name: string; Values: string[] }[], pageSize: number) {
  const pages: Instance[][] = [];
  let NextToken: string | undefined;
  do {
    const page = await ec2.describeInstances({ Filters: filters, MaxResults: pageSize, NextToken });
    pages.push((page.Reservations ?? []).flatMap((reservation) => reservation.Instances ?? []));
    NextToken = page.NextToken;
  } while (NextToken);
  return pages;
}

describe.skipIf(!available)('EC2Client against moto', () => {
  beforeAll(async () => {
    moto = await startMoto();
    ec2 = new EC2Client({ region: 'us-east-1', credentials: moto.credentials, endpointUrl: moto.endpoint });
    const images = await ec2.describeImages({ Owners: ['amazon'] });
    imageId = images.Images?.[0]?.ImageId ?? '';
  }, 60_000);
  afterAll(async () => {
    await ec2?.destroy();
    await moto?.stop();
  });

  it('runs, describes with filters page by page, tags, and terminates instances', async () => {
    expect(imageId).toMatch(/^ami-/);
    const run = await ec2.runInstances({
      ImageId: imageId,
      InstanceType: 't3.nano',
      MinCount: 2,
      MaxCount: 2,
      UserData: userData,
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'suite', Value: 'moto-roundtrip' }] }],
    });
    expect(run.$metadata.httpStatusCode).toBe(200);
    expect(run.$metadata.requestId).toBeTruthy();
    expect(run.ReservationId).toMatch(/^r-/);
    const ids = (run.Instances ?? []).map((instance) => instance.InstanceId as string);
    expect(ids).toHaveLength(2);
    for (const instance of run.Instances ?? []) {
      expect(instance.ImageId).toBe(imageId);
      expect(instance.InstanceType).toBe('t3.nano');
      expect(instance.LaunchTime).toBeInstanceOf(Date);
      expect(instance.Tags).toEqual([{ Key: 'suite', Value: 'moto-roundtrip' }]);
    }

    // The user data went out base64-encoded once: EC2 hands it back as base64 of the script.
    const attribute = await ec2.describeInstanceAttribute({
      InstanceId: ids[0] as string,
      Attribute: 'userData',
    });
    expect(Buffer.from(attribute.UserData?.Value ?? '', 'base64').toString('utf8')).toBe(userData);

    // Five more reservations of one instance each (moto pages DescribeInstances by reservation).
    for (let i = 0; i < 5; i++) {
      const more = await ec2.runInstances({
        ImageId: imageId,
        MinCount: 1,
        MaxCount: 1,
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'suite', Value: 'moto-roundtrip' }] }],
      });
      ids.push(more.Instances?.[0]?.InstanceId as string);
    }
    await ec2.runInstances({ ImageId: imageId, MinCount: 1, MaxCount: 1 }); // not in the filter

    // Filters and MaxResults/NextToken: 6 reservations (7 instances) in pages of 5.
    const pages = await allInstances([{ Name: 'tag:suite', Values: ['moto-roundtrip'] }], 5);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(
      pages
        .flat()
        .map((instance) => instance.InstanceId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(new Set(pages.flat().map((instance) => instance.InstanceId)).size).toBe(7);

    const [first, second] = ids as [string, string];
    const tagged = await ec2.createTags({ Resources: [first], Tags: [{ Key: 'Name', Value: 'web-1' }] });
    expect(tagged.$metadata.httpStatusCode).toBe(200);
    const named = await allInstances([{ Name: 'tag:Name', Values: ['web-1'] }], 5);
    expect(named.flat().map((instance) => instance.InstanceId)).toEqual([first]);

    // The per-operation path on a bare client reaches the same endpoint.
    const bare = createEC2BareClient({
      region: 'us-east-1',
      credentials: moto.credentials,
      endpointUrl: moto.endpoint,
    });
    try {
      const byId = await describeInstances(bare, { InstanceIds: [second] });
      expect(byId.Reservations?.[0]?.Instances?.[0]?.InstanceId).toBe(second);
      const terminated = await terminateInstances(bare, { InstanceIds: ids });
      expect(terminated.TerminatingInstances?.map((change) => change.InstanceId).sort()).toEqual(
        [...ids].sort(),
      );
      for (const change of terminated.TerminatingInstances ?? []) {
        expect(change.PreviousState?.Name).toMatch(/^(pending|running)$/);
        expect(change.CurrentState?.Name).toMatch(/^(shutting-down|terminated)$/);
      }
    } finally {
      await bare.destroy();
    }
  }, 60_000);

  it('resolves a DryRun call to a DryRunOutcome instead of rejecting', async () => {
    const outcome = await ec2.runInstances({ ImageId: imageId, MinCount: 1, MaxCount: 1, DryRun: true });
    expect(isDryRunOutcome(outcome)).toBe(true);
    expect(outcome.$dryRun.code).toBe('DryRunOperation');
    const none = await ec2.describeInstances({ Filters: [{ Name: 'tag:suite', Values: ['dry-run'] }] });
    expect(none.Reservations ?? []).toEqual([]);
  });

  it('rejects with a ServiceError carrying the EC2 error code, and validates before sending', async () => {
    const missing = await ec2
      .describeInstances({ InstanceIds: ['i-0123456789abcdef0'] })
      .catch((error: unknown) => error);
    expect(isServiceError(missing, 'InvalidInstanceID.NotFound')).toBe(true);
    const invalid = await ec2
      .runInstances({ ImageId: imageId, MinCount: '1' as unknown as number, MaxCount: 1 })
      .catch((error: unknown) => error);
    expect(invalid).toBeInstanceOf(ValidationError);
    expect((invalid as ValidationError).problems.map((problem) => problem.path)).toContain('MinCount');
  });
});
