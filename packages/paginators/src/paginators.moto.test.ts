// Integration: the EC2 paginators on a real EC2Client against moto's EC2 server on loopback.
// Skips without moto on a developer machine; CI requires it.

import { EC2Client, type Instance } from '@boto-ts/client-ec2';
import { createEC2BareClient, DescribeInstancesOperation } from '@boto-ts/client-ec2/operations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../../../scripts/lib/moto.js';
import { getPaginator } from './ec2.js';
import { describeInstancesPaginator } from './generated/ec2/index.js';
import { createPaginator } from './paginator.js';

const available = motoAvailable();
let moto: MotoServer;
let ec2: EC2Client;
let imageId: string;

const tagged = (suite: string) => [{ Name: 'tag:suite', Values: [suite] }];

/** Runs one reservation of `count` instances tagged `suite`; returns their ids. */
async function reservation(suite: string, count: number): Promise<string[]> {
  const run = await ec2.runInstances({
    ImageId: imageId,
    MinCount: count,
    MaxCount: count,
    TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'suite', Value: suite }] }],
  });
  return (run.Instances ?? []).map((instance) => instance.InstanceId!);
}

const idsOf = (instances: readonly Instance[]) => instances.map((instance) => instance.InstanceId!);

describe.skipIf(!available)('EC2 paginators against moto', () => {
  beforeAll(async () => {
    moto = await startMoto();
    ec2 = new EC2Client({ region: 'us-east-1', credentials: moto.credentials, endpointUrl: moto.endpoint });
    imageId = (await ec2.describeImages({ Owners: ['amazon'] })).Images?.[0]?.ImageId ?? '';
  }, 60_000);
  afterAll(async () => {
    await ec2?.destroy();
    await moto?.stop();
  });

  it('pages DescribeInstances over 12 instances with MaxResults 5: each instance once, at least 3 pages', async () => {
    const launched: string[] = [];
    for (let i = 0; i < 12; i++) launched.push(...(await reservation('twelve', 1)));
    const pages = [];
    for await (const page of getPaginator(ec2, 'describeInstances').paginate(
      { Filters: tagged('twelve') },
      { pageSize: 5 },
    )) {
      pages.push(page);
    }
    expect(pages.length).toBeGreaterThanOrEqual(3);
    for (const page of pages) {
      expect(page.$metadata.httpStatusCode).toBe(200);
      expect(page.Reservations!.length).toBeLessThanOrEqual(5);
    }
    const seen = pages.flatMap((page) => (page.Reservations ?? []).flatMap((r) => idsOf(r.Instances ?? [])));
    expect(seen).toHaveLength(12);
    expect(new Set(seen)).toEqual(new Set(launched));
  }, 60_000);

  it('items() yields instances across reservations holding several, and maxItems resumes mid-reservation', async () => {
    const launched = [
      ...(await reservation('grouped', 3)),
      ...(await reservation('grouped', 4)),
      ...(await reservation('grouped', 2)),
    ];
    const paginator = getPaginator(ec2, 'describeInstances');
    const all = [];
    for await (const instance of paginator.items({ Filters: tagged('grouped') })) all.push(instance);
    expect(new Set(idsOf(all))).toEqual(new Set(launched));
    expect(all).toHaveLength(9);

    // Four instances at a time, pages of 5 reservations: every run resumes exactly at the next instance.
    const seen: string[] = [];
    let token: string | undefined;
    let runs = 0;
    do {
      const run = paginator.items(
        { Filters: tagged('grouped') },
        { maxItems: 4, pageSize: 5, startingToken: token },
      );
      for await (const instance of run) seen.push(instance.InstanceId!);
      token = run.resumeToken;
      runs++;
    } while (token && runs < 10);
    expect(runs).toBe(3);
    expect(seen).toEqual(idsOf(all));

    const full = await paginator.paginate({ Filters: tagged('grouped') }, { maxItems: 5 }).buildFullResult();
    expect(full.Reservations.flatMap((r) => idsOf(r.Instances ?? []))).toEqual(idsOf(all).slice(0, 5));
    expect(full.NextToken).toBeTypeOf('string');
    const states = [];
    for await (const state of paginator
      .paginate({ Filters: tagged('grouped') })
      .search('Reservations[].Instances[].State.Name')) {
      states.push(state);
    }
    expect(states).toHaveLength(9);
  }, 60_000);

  it('runs on a bare client: by name (schema loaded on first use) or with the spec and its schema', async () => {
    const launched = await reservation('bare', 2);
    const bare = createEC2BareClient({
      region: 'us-east-1',
      credentials: moto.credentials,
      endpointUrl: moto.endpoint,
    });
    try {
      const byName = [];
      for await (const instance of getPaginator(bare, 'describeInstances').items({
        Filters: tagged('bare'),
      })) {
        byName.push(instance);
      }
      expect(new Set(idsOf(byName))).toEqual(new Set(launched));
      const withSchema = createPaginator(bare, {
        ...describeInstancesPaginator,
        schema: DescribeInstancesOperation,
      });
      const bySpec = [];
      for await (const instance of withSchema.items({ Filters: tagged('bare') })) bySpec.push(instance);
      expect(idsOf(bySpec)).toEqual(idsOf(byName));
    } finally {
      await bare.destroy();
    }
  }, 60_000);
});
