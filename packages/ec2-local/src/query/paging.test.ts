import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ec2Error } from '../protocol/errors.js';
import { Params } from '../protocol/params.js';
import { paginate, readPaging } from './paging.js';

function params(entries: Record<string, string>): Params {
  return Params.fromPairs(Object.entries(entries));
}

function failure(fn: () => unknown): Ec2Error {
  try {
    fn();
  } catch (error) {
    if (error instanceof Ec2Error) return error;
    throw error;
  }
  throw new Error('expected an Ec2Error');
}

describe('readPaging', () => {
  it('accepts MaxResults from 5 to 1000 and rejects values outside', () => {
    expect(readPaging('DescribeInstances', params({ MaxResults: '5' })).maxResults).toBe(5);
    expect(readPaging('DescribeInstances', params({ MaxResults: '1000' })).maxResults).toBe(1000);
    for (const bad of ['4', '1001', '0', '-1']) {
      const error = failure(() => readPaging('DescribeInstances', params({ MaxResults: bad })));
      expect(error.code).toBe('InvalidParameterValue');
      expect(error.message).toContain('between 5 and 1000');
    }
  });

  it('refuses MaxResults together with an id list, as EC2 does', () => {
    const error = failure(() =>
      readPaging('DescribeInstances', params({ MaxResults: '5' }), {
        idsGiven: true,
        idsName: 'instancesSet',
      }),
    );
    expect(error.code).toBe('InvalidParameterCombination');
    expect(error.message).toBe('The parameter instancesSet cannot be used with the parameter maxResults');
  });

  it('rejects a token from another request or a made-up token', () => {
    const items = Array.from({ length: 12 }, (_, i) => ({ seq: i + 1 }));
    const first = paginate(items, readPaging('DescribeInstances', params({ MaxResults: '5' })));
    expect(first.nextToken).toBeDefined();
    const other = params({
      MaxResults: '5',
      NextToken: first.nextToken!,
      'Filter.1.Name': 'x',
      'Filter.1.Value.1': 'y',
    });
    expect(failure(() => readPaging('DescribeInstances', other)).code).toBe('InvalidParameterValue');
    expect(
      failure(() => readPaging('DescribeImages', params({ MaxResults: '5', NextToken: first.nextToken! })))
        .code,
    ).toBe('InvalidParameterValue');
    expect(failure(() => readPaging('DescribeInstances', params({ NextToken: 'bm9wZQ' }))).code).toBe(
      'InvalidParameterValue',
    );
  });
});

describe('paginate', () => {
  it('returns every item exactly once across pages, in order, for any size and page length', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 5, max: 20 }), (count, max) => {
        const items = Array.from({ length: count }, (_, i) => ({ seq: i * 2 + 1 }));
        const seen: number[] = [];
        let token: string | undefined;
        let pages = 0;
        do {
          const request = readPaging(
            'DescribeVolumes',
            params({ MaxResults: String(max), ...(token ? { NextToken: token } : {}) }),
          );
          const page = paginate(items, request);
          expect(page.items.length).toBeLessThanOrEqual(max);
          seen.push(...page.items.map((i) => i.seq));
          token = page.nextToken;
          pages++;
        } while (token && pages < 100);
        expect(seen).toEqual(items.map((i) => i.seq));
      }),
    );
  });

  it('continues after the last item shown even when earlier items disappear between pages', () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ seq: i + 1 }));
    const first = paginate(items, readPaging('DescribeInstances', params({ MaxResults: '5' })));
    const remaining = items.filter((i) => i.seq !== 2 && i.seq !== 3);
    const second = paginate(
      remaining,
      readPaging('DescribeInstances', params({ MaxResults: '5', NextToken: first.nextToken! })),
    );
    expect(second.items.map((i) => i.seq)).toEqual([6, 7, 8, 9, 10]);
    expect(second.nextToken).toBeUndefined();
  });
});
