import type { OperationSchema } from '@boto-ts/core';
import { describe, expect, it } from 'vitest';
import { getPaginator } from './ec2.js';
import { PaginationError } from './errors.js';
import { ec2Paginators } from './generated/ec2/index.js';
import { buildPages, collect, ids, scriptedService } from './test-support/scripted-service.js';

describe('getPaginator', () => {
  it('pages DescribeInstances through the client method and yields instances', async () => {
    const service = scriptedService(buildPages([[2, 1], [1]]));
    // The scripted service's shapes are a subset of the EC2 ones.
    const client = service.client as unknown as Parameters<typeof getPaginator<'describeInstances'>>[0];
    const items = await collect(getPaginator(client, 'describeInstances').items({}, { pageSize: 5 }));
    expect(ids(items as { InstanceId: string }[])).toEqual(['i-1', 'i-2', 'i-3', 'i-4']);
    expect(service.calls.map((call) => call.input)).toEqual([
      { MaxResults: 5 },
      { MaxResults: 5, NextToken: 't1' },
    ]);
  });

  it('runs on a bare client with only send(), loading the operation schema by name', async () => {
    const pages = buildPages([[1], [1]]);
    const schemas: OperationSchema[] = [];
    const bare = {
      async send(schema: OperationSchema, input: object) {
        schemas.push(schema);
        return structuredClone(pages[(input as { NextToken?: string }).NextToken ? 1 : 0]!);
      },
    };
    const items = await collect(getPaginator(bare, 'describeInstances').items());
    expect(items).toHaveLength(2);
    expect(schemas.map((schema) => schema.name)).toEqual(['DescribeInstances', 'DescribeInstances']);
    expect(schemas[0]!.output?.name).toBe('DescribeInstancesResult');
  });

  it('names a paginator that does not exist', () => {
    const call = () => getPaginator({ send: async () => ({}) }, 'runInstances' as 'describeInstances');
    expect(call).toThrow(PaginationError);
    expect(call).toThrow(/no EC2 paginator has this name/);
  });

  it('has a spec for every paginated EC2 operation, keyed by method name', () => {
    const names = Object.keys(ec2Paginators);
    expect(names.length).toBeGreaterThanOrEqual(154);
    for (const [name, spec] of Object.entries(ec2Paginators)) {
      expect(spec.method).toBe(name);
      expect(spec.operation.charAt(0).toLowerCase() + spec.operation.slice(1)).toBe(name);
    }
  });
});
