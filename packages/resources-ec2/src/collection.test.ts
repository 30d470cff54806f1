import { describe, expect, it } from 'vitest';
import { MAX_BATCH_SIZE } from './collection.js';
import { ResourceError } from './errors.js';
import { EC2Resource } from './index.js';
import { scriptedClient } from './test-support/scripted-client.js';

/** Reservations of `sizes[i]` instances each, paged by MaxResults reservations (default 2). */
function pagedInstances(sizes: readonly number[]) {
  let next = 0;
  const reservations = sizes.map((size, r) => ({
    ReservationId: `r-${r}`,
    Instances: Array.from({ length: size }, () => {
      const id = `i-${next++}`;
      return { InstanceId: id, State: { Code: 16, Name: 'running' } };
    }),
  }));
  return (input: Record<string, unknown>) => {
    const start = Number(input.NextToken ?? 0);
    const size = Number(input.MaxResults ?? 2);
    const page = reservations.slice(start, start + size);
    const end = start + page.length;
    return { Reservations: page, ...(end < reservations.length ? { NextToken: String(end) } : {}) };
  };
}

const ids = (instances: readonly { id: string }[]) => instances.map((instance) => instance.id);

describe('collections', () => {
  it('iterates every instance across pages and reservations, loaded with its data', async () => {
    const { client, callsOf } = scriptedClient({ describeInstances: pagedInstances([2, 1, 3, 1, 2]) });
    const resource = new EC2Resource({ client });
    const all = await resource.instances.all().toArray();
    expect(ids(all)).toEqual(['i-0', 'i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6', 'i-7', 'i-8']);
    expect(all.every((instance) => instance.loaded && instance.state?.Name === 'running')).toBe(true);
    expect(callsOf('describeInstances').map((call) => call.input.NextToken)).toEqual([undefined, '2', '4']);
  });

  it('counts instances, not reservations, for limit() and stops asking for pages', async () => {
    const { client, callsOf } = scriptedClient({ describeInstances: pagedInstances([3, 3, 3, 3]) });
    const resource = new EC2Resource({ client });
    const limited: string[] = [];
    for await (const instance of resource.instances.limit(4)) limited.push(instance.id);
    expect(limited).toEqual(['i-0', 'i-1', 'i-2', 'i-3']);
    // Page 1 holds 6 instances: enough, so page 2 is never asked for.
    expect(callsOf('describeInstances')).toHaveLength(1);
  });

  it('asks for pageSize() items per page and pages() yields them page by page', async () => {
    const { client, callsOf } = scriptedClient({ describeInstances: pagedInstances([1, 1, 1, 1, 1]) });
    const resource = new EC2Resource({ client });
    const pages: string[][] = [];
    for await (const page of resource.instances.pageSize(3).pages()) pages.push(ids(page));
    expect(pages).toEqual([
      ['i-0', 'i-1', 'i-2'],
      ['i-3', 'i-4'],
    ]);
    expect(callsOf('describeInstances').map((call) => call.input.MaxResults)).toEqual([3, 3]);
  });

  it('keeps each step immutable: filter, limit and pageSize return new collections', async () => {
    const { client, callsOf } = scriptedClient({ describeInstances: pagedInstances([2, 2]) });
    const resource = new EC2Resource({ client });
    const base = resource.instances;
    const running = base.filter({ Filters: [{ Name: 'instance-state-name', Values: ['running'] }] });
    const limited = running.limit(1);
    expect(running).not.toBe(base);
    expect(base.query).toEqual({ input: {} });
    expect(running.query.limit).toBeUndefined();
    expect(limited.query).toMatchObject({ limit: 1, input: running.query.input });
    expect(limited.constructor).toBe(base.constructor);
    expect(ids(await limited.toArray())).toEqual(['i-0']);
    expect(callsOf('describeInstances')[0]!.input).toEqual({
      Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
    });
    // A later filter() replaces members given earlier (boto3's rule).
    const other = running.filter({ InstanceIds: ['i-9'] });
    expect(other.query.input).toEqual({ Filters: running.query.input.Filters, InstanceIds: ['i-9'] });
  });

  it("adds the caller's filters to a sub-collection's own (vpc.instances keeps vpc-id)", async () => {
    const { client, callsOf } = scriptedClient({ describeInstances: () => ({ Reservations: [] }) });
    const resource = new EC2Resource({ client });
    await resource
      .Vpc('vpc-1')
      .instances.filter({ Filters: [{ Name: 'instance-type', Values: ['t3.micro'] }], InstanceIds: ['i-1'] })
      .toArray();
    expect(callsOf('describeInstances')[0]!.input).toEqual({
      Filters: [
        { Name: 'vpc-id', Values: ['vpc-1'] },
        { Name: 'instance-type', Values: ['t3.micro'] },
      ],
      InstanceIds: ['i-1'],
    });
  });

  it('answers in one request for operations that do not page, and refuses pageSize() there', async () => {
    const { client, callsOf } = scriptedClient({
      describeKeyPairs: () => ({ KeyPairs: [{ KeyName: 'a' }, { KeyName: 'b' }] }),
    });
    const resource = new EC2Resource({ client });
    expect((await resource.keyPairs.all().toArray()).map((key) => key.name)).toEqual(['a', 'b']);
    expect((await resource.keyPairs.limit(1).toArray()).map((key) => key.name)).toEqual(['a']);
    await expect(resource.keyPairs.pageSize(5).toArray()).rejects.toThrow(
      /DescribeKeyPairs answers in one response/,
    );
    expect(callsOf('describeKeyPairs')).toHaveLength(2);
  });

  it('refuses a limit or page size that is not a positive integer', () => {
    const { client } = scriptedClient();
    const resource = new EC2Resource({ client });
    expect(() => resource.instances.limit(0)).toThrow(ResourceError);
    expect(() => resource.instances.pageSize(2.5)).toThrow(/integer >= 1/);
  });

  it('sends one batch request per page, after reading all pages, with the limit respected', async () => {
    const { client, calls } = scriptedClient({
      describeInstances: pagedInstances([1, 1, 1, 1, 1, 1, 1]),
      terminateInstances: (input) => ({
        TerminatingInstances: (input.InstanceIds as string[]).map((InstanceId) => ({ InstanceId })),
      }),
    });
    const resource = new EC2Resource({ client });
    const outputs = await resource.instances
      .filter({ Filters: [{ Name: 'tag:env', Values: ['dev'] }] })
      .pageSize(3)
      .limit(7)
      .terminate();
    expect(calls.map((call) => call.method)).toEqual([
      'describeInstances',
      'describeInstances',
      'describeInstances',
      'terminateInstances',
      'terminateInstances',
      'terminateInstances',
    ]);
    expect(calls.slice(3).map((call) => call.input)).toEqual([
      { InstanceIds: ['i-0', 'i-1', 'i-2'] },
      { InstanceIds: ['i-3', 'i-4', 'i-5'] },
      { InstanceIds: ['i-6'] },
    ]);
    expect(outputs).toHaveLength(3);
    expect(outputs[2]!.TerminatingInstances).toEqual([{ InstanceId: 'i-6' }]);
  });

  it('caps a batch at MAX_BATCH_SIZE resources and sends nothing for an empty collection', async () => {
    const { client, callsOf } = scriptedClient({
      describeInstances: pagedInstances([MAX_BATCH_SIZE + 5]),
      stopInstances: () => ({}),
      createTags: () => ({}),
    });
    const resource = new EC2Resource({ client });
    await resource.instances.stop({ Force: true });
    expect(callsOf('stopInstances').map((call) => (call.input.InstanceIds as string[]).length)).toEqual([
      MAX_BATCH_SIZE,
      5,
    ]);
    expect(callsOf('stopInstances')[0]!.input.Force).toBe(true);
    const empty = scriptedClient({ describeInstances: () => ({ Reservations: [] }) });
    expect(await new EC2Resource({ client: empty.client }).instances.createTags({ Tags: [] })).toEqual([]);
    expect(empty.callsOf('createTags')).toEqual([]);
  });

  it('resolves a batch dry run to one DryRunOutcome per batch', async () => {
    const dryRun = { $dryRun: { code: 'DryRunOperation', message: 'would have succeeded' } };
    const { client } = scriptedClient({
      describeInstances: pagedInstances([2]),
      rebootInstances: () => dryRun,
    });
    const outcomes = await new EC2Resource({ client }).instances.reboot({ DryRun: true });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]!.$dryRun.code).toBe('DryRunOperation');
  });
});
