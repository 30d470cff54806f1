// A scripted paginated service for tests: fixed pages reached by tokens `t1`, `t2`..., a spec that
// matches them, and a record of every call. Layouts are lists of reservations per page, each
// reservation a number of instances, so DescribeInstances' nesting can be exercised.

import type { CallOptions } from '@boto-ts/core';
import type { PaginatorSpec } from '../spec.js';

export interface TestInstance {
  readonly InstanceId: string;
}
export interface TestReservation {
  readonly ReservationId: string;
  readonly Instances: TestInstance[];
}
export interface TestInput {
  readonly Filters?: readonly string[];
  readonly NextToken?: string;
  readonly MaxResults?: number;
}
export interface TestOutput {
  readonly Reservations?: TestReservation[];
  readonly NextToken?: string;
  readonly Marker?: string;
}

export const reservationsSpec: PaginatorSpec<
  TestInput,
  TestOutput,
  TestInstance,
  'Reservations',
  never,
  'describeInstances'
> = {
  operation: 'DescribeInstances',
  method: 'describeInstances',
  inputToken: ['NextToken'],
  outputToken: ['NextToken'],
  limitKey: 'MaxResults',
  resultKeys: ['Reservations'],
  itemKey: 'Instances',
};

/** Builds pages from a layout: layout[page][reservation] = number of instances. Ids are sequential. */
export function buildPages(layout: readonly (readonly number[])[]): TestOutput[] {
  let instance = 0;
  let reservation = 0;
  return layout.map((reservations, page) => ({
    Reservations: reservations.map((count) => ({
      ReservationId: `r-${++reservation}`,
      Instances: Array.from({ length: count }, () => ({ InstanceId: `i-${++instance}` })),
    })),
    ...(page + 1 < layout.length ? { NextToken: `t${page + 1}` } : {}),
  }));
}

export interface ScriptedService {
  readonly client: {
    describeInstances(input: TestInput, options?: CallOptions): Promise<TestOutput>;
  };
  readonly calls: { input: TestInput; options: CallOptions | undefined }[];
}

/** Serves `pages`: no token gives page 0, token `tN` gives page N. */
export function scriptedService(
  pages: readonly TestOutput[],
  respond?: (input: TestInput, call: number) => TestOutput | undefined,
): ScriptedService {
  const calls: ScriptedService['calls'] = [];
  return {
    calls,
    client: {
      async describeInstances(input, options) {
        calls.push({ input, options });
        const scripted = respond?.(input, calls.length);
        if (scripted) return scripted;
        const index = input.NextToken === undefined ? 0 : Number(input.NextToken.slice(1));
        const page = pages[index];
        if (!page) throw new Error(`no page for token ${input.NextToken}`);
        return structuredClone(page);
      },
    },
  };
}

/** All instance ids of a list of items. */
export const ids = (items: readonly TestInstance[]): string[] => items.map((item) => item.InstanceId);

export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}
