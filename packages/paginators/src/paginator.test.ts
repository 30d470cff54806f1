import { TimeoutError } from '@boto-ts/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PaginationError } from './errors.js';
import { createPaginator } from './paginator.js';
import type { PaginatorSpec } from './spec.js';
import {
  buildPages,
  collect,
  ids,
  reservationsSpec,
  scriptedService,
  type TestInput,
  type TestOutput,
} from './test-support/scripted-service.js';

const allIds = (layout: readonly (readonly number[])[]): string[] =>
  ids(buildPages(layout).flatMap((page) => page.Reservations!.flatMap((r) => r.Instances)));

describe('paginate', () => {
  it('follows NextToken page after page and keeps the caller input on every request', async () => {
    const service = scriptedService(buildPages([[2], [1, 1], [3]]));
    const paginator = createPaginator(service.client, reservationsSpec);
    const pages = await collect(paginator.paginate({ Filters: ['x'] }, { pageSize: 5 }));
    expect(pages.map((page) => page.Reservations!.length)).toEqual([1, 2, 1]);
    expect(service.calls.map((call) => call.input)).toEqual([
      { Filters: ['x'], MaxResults: 5 },
      { Filters: ['x'], MaxResults: 5, NextToken: 't1' },
      { Filters: ['x'], MaxResults: 5, NextToken: 't2' },
    ]);
  });

  it('stops on an empty-string token, as botocore does', async () => {
    const service = scriptedService([{ Reservations: [], NextToken: '' }]);
    expect(await collect(createPaginator(service.client, reservationsSpec).paginate())).toHaveLength(1);
    expect(service.calls).toHaveLength(1);
  });

  it('stops when the more-results flag is false even if a token is present', async () => {
    const spec = { ...reservationsSpec, moreResults: 'More' };
    const service = scriptedService([], (_input, call) => ({
      Reservations: [],
      NextToken: `t${call}`,
      More: call < 3,
    }));
    await collect(createPaginator(service.client, spec).paginate());
    expect(service.calls).toHaveLength(3);
  });

  it('passes the abort signal to every call and stops between pages once aborted', async () => {
    const controller = new AbortController();
    const service = scriptedService(buildPages([[1], [1], [1]]));
    const seen: string[] = [];
    const run = async () => {
      for await (const page of createPaginator(service.client, reservationsSpec).paginate(
        {},
        { signal: controller.signal },
      )) {
        seen.push(page.Reservations![0]!.ReservationId);
        controller.abort();
      }
    };
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('aborted');
    expect(seen).toEqual(['r-1']);
    expect(service.calls).toHaveLength(1);
    expect(service.calls[0]!.options?.signal).toBe(controller.signal);
  });

  it('stops at once when aborted during a call that ignores the signal', async () => {
    const controller = new AbortController();
    const stuck = { describeInstances: () => new Promise<never>(() => undefined) };
    const pages = createPaginator(stuck, reservationsSpec).paginate({}, { signal: controller.signal });
    const settled = collect(pages).catch((e: unknown) => e);
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const error = await settled;
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('aborted');
  });

  it('sends nothing when the signal is already aborted', async () => {
    const service = scriptedService(buildPages([[1]]));
    const pages = createPaginator(service.client, reservationsSpec).paginate(
      {},
      { signal: AbortSignal.abort() },
    );
    await expect(collect(pages)).rejects.toThrow(/aborted after 0 page/);
    expect(service.calls).toHaveLength(0);
  });

  it.each([
    [{ pageSize: 0 }, /pageSize must be an integer >= 1/],
    [{ pageSize: 2.5 }, /pageSize must be an integer >= 1/],
    [{ maxItems: -1 }, /maxItems must be an integer >= 1/],
  ])('rejects %o before sending', async (options, message) => {
    const service = scriptedService(buildPages([[1]]));
    await expect(
      collect(createPaginator(service.client, reservationsSpec).paginate({}, options)),
    ).rejects.toThrow(message);
    expect(service.calls).toHaveLength(0);
  });

  it('refuses pageSize for an operation without a page size member', async () => {
    const service = scriptedService(buildPages([[1]]));
    const spec = { ...reservationsSpec, limitKey: undefined };
    const error = await collect(createPaginator(service.client, spec).paginate({}, { pageSize: 5 })).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('InvalidPaginationOption');
  });
});

describe('token cycles', () => {
  it('stops with PaginationTokenCycle when the service repeats a token (A, B, A)', async () => {
    const tokens = ['A', 'B', 'A', 'B'];
    const service = scriptedService([], (_input, call) => ({
      Reservations: [],
      NextToken: tokens[call - 1],
    }));
    const error = await collect(createPaginator(service.client, reservationsSpec).paginate()).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('PaginationTokenCycle');
    expect((error as Error).message).toMatch(/page 3 returned the same NextToken as page 1/);
    expect(service.calls).toHaveLength(3);
  });

  it('catches the same token twice in a row', async () => {
    const service = scriptedService([], () => ({ Reservations: [], NextToken: 'same' }));
    await expect(collect(createPaginator(service.client, reservationsSpec).paginate())).rejects.toThrow(
      /page 2 returned the same NextToken as page 1/,
    );
    expect(service.calls).toHaveLength(2);
  });

  it('catches a service that answers the starting token with itself', async () => {
    const service = scriptedService([], () => ({ Reservations: [], NextToken: 'x' }));
    await expect(
      collect(createPaginator(service.client, reservationsSpec).paginate({ NextToken: 'x' })),
    ).rejects.toThrow(/same NextToken as the starting token/);
  });
});

describe('items', () => {
  it('yields instances across reservations, not reservations (the boto3 pitfall)', async () => {
    const service = scriptedService(buildPages([[3, 0, 2], [1]]));
    const items = await collect(createPaginator(service.client, reservationsSpec).items());
    expect(ids(items)).toEqual(['i-1', 'i-2', 'i-3', 'i-4', 'i-5', 'i-6']);
  });

  it('counts maxItems in instances and cuts a reservation in the middle', async () => {
    const service = scriptedService(buildPages([[3, 2], [4]]));
    const paginator = createPaginator(service.client, reservationsSpec);
    const run = paginator.paginate({}, { maxItems: 4 });
    const pages = await collect(run);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.Reservations!.map((r) => [r.ReservationId, ids(r.Instances)])).toEqual([
      ['r-1', ['i-1', 'i-2', 'i-3']],
      ['r-2', ['i-4']],
    ]);
    const rest = await collect(paginator.paginate({}, { startingToken: run.resumeToken! }));
    expect(rest[0]!.Reservations!.map((r) => [r.ReservationId, ids(r.Instances)])).toEqual([
      ['r-2', ['i-5']],
    ]);
    expect(ids(rest.flatMap((page) => page.Reservations!.flatMap((r) => r.Instances)))).toEqual([
      'i-5',
      'i-6',
      'i-7',
      'i-8',
      'i-9',
    ]);
  });

  it('gives a resume token after any item, even when the caller breaks out early', async () => {
    const layout = [[2, 2], [3], [1, 1]];
    const service = scriptedService(buildPages(layout));
    const paginator = createPaginator(service.client, reservationsSpec);
    const first = paginator.items();
    const taken: string[] = [];
    for await (const item of first) {
      taken.push(item.InstanceId);
      if (taken.length === 3) break;
    }
    const rest = ids(await collect(paginator.items({}, { startingToken: first.resumeToken! })));
    expect([...taken, ...rest]).toEqual(allIds(layout));
  });

  it('reports no resume token once everything was read', async () => {
    const service = scriptedService(buildPages([[1], [1]]));
    const run = createPaginator(service.client, reservationsSpec).items({}, { maxItems: 2 });
    expect(ids(await collect(run))).toEqual(['i-1', 'i-2']);
    expect(run.resumeToken).toBeUndefined();
  });

  it('flattens nothing for operations whose result elements are the items', async () => {
    const spec: PaginatorSpec<TestInput, TestOutput, unknown, 'Reservations'> = {
      ...reservationsSpec,
      itemKey: undefined,
    };
    const service = scriptedService(buildPages([[3, 0], [1]]));
    const items = await collect(createPaginator(service.client, spec).items());
    expect(items.map((r) => (r as { ReservationId: string }).ReservationId)).toEqual(['r-1', 'r-2', 'r-3']);
  });
});

// ---- maxItems and resume tokens over random page layouts ----

const layoutArbitrary = fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 4 }), {
  minLength: 1,
  maxLength: 6,
});

describe('resume tokens (property)', () => {
  it('items(): runs of maxItems, each resumed from the last token, see every instance exactly once', async () => {
    await fc.assert(
      fc.asyncProperty(layoutArbitrary, fc.integer({ min: 1, max: 7 }), async (layout, maxItems) => {
        const service = scriptedService(buildPages(layout));
        const paginator = createPaginator(service.client, reservationsSpec);
        const seen: string[] = [];
        let token: string | undefined;
        for (let run = 0; run < 100; run++) {
          const items = paginator.items({}, { maxItems, ...(token ? { startingToken: token } : {}) });
          const got = ids(await collect(items));
          expect(got.length).toBeLessThanOrEqual(maxItems);
          seen.push(...got);
          token = items.resumeToken;
          if (token === undefined) break;
          expect(got).toHaveLength(maxItems);
        }
        expect(seen).toEqual(allIds(layout));
      }),
      { numRuns: 300 },
    );
  });

  it('paginate(): pages cut by maxItems and resumed hold every instance once, reservations in order', async () => {
    await fc.assert(
      fc.asyncProperty(layoutArbitrary, fc.integer({ min: 1, max: 7 }), async (layout, maxItems) => {
        const service = scriptedService(buildPages(layout));
        const paginator = createPaginator(service.client, reservationsSpec);
        const seen: string[] = [];
        const reservations: string[] = [];
        const emptyOnes: string[] = [];
        let token: string | undefined;
        for (let run = 0; run < 100; run++) {
          const pages = paginator.paginate({}, { maxItems, ...(token ? { startingToken: token } : {}) });
          for await (const page of pages) {
            for (const reservation of page.Reservations ?? []) {
              if (reservations.at(-1) !== reservation.ReservationId)
                reservations.push(reservation.ReservationId);
              if (reservation.Instances.length === 0) emptyOnes.push(reservation.ReservationId);
              seen.push(...ids(reservation.Instances));
            }
          }
          token = pages.resumeToken;
          if (token === undefined) break;
        }
        expect(seen).toEqual(allIds(layout));
        const everyReservation = buildPages(layout).flatMap((page) =>
          page.Reservations!.map((r) => r.ReservationId),
        );
        expect(reservations).toEqual(everyReservation);
        // A reservation split across runs shows up in both; one without instances shows up exactly once.
        const withoutInstances = buildPages(layout).flatMap((page) =>
          page.Reservations!.filter((r) => r.Instances.length === 0).map((r) => r.ReservationId),
        );
        expect(emptyOnes).toEqual(withoutInstances);
      }),
      { numRuns: 300 },
    );
  });

  it('items(): breaking after a random number of items and resuming neither repeats nor skips', async () => {
    await fc.assert(
      fc.asyncProperty(
        layoutArbitrary,
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 30 }),
        async (layout, chunks) => {
          const service = scriptedService(buildPages(layout));
          const paginator = createPaginator(service.client, reservationsSpec);
          const seen: string[] = [];
          let token: string | undefined;
          for (const chunk of chunks) {
            const items = paginator.items({}, token ? { startingToken: token } : {});
            let taken = 0;
            for await (const item of items) {
              seen.push(item.InstanceId);
              if (++taken === chunk) break;
            }
            token = items.resumeToken;
            if (token === undefined) break;
          }
          if (token !== undefined)
            seen.push(...ids(await collect(paginator.items({}, { startingToken: token }))));
          expect(seen).toEqual(allIds(layout));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('starting tokens', () => {
  it('accepts a plain service NextToken', async () => {
    const service = scriptedService(buildPages([[1], [1], [1]]));
    const items = await collect(
      createPaginator(service.client, reservationsSpec).items({}, { startingToken: 't2' }),
    );
    expect(ids(items)).toEqual(['i-3']);
  });

  it('rejects a token made for another operation', async () => {
    const service = scriptedService(buildPages([[2], [1]]));
    const run = createPaginator(service.client, reservationsSpec).items({}, { maxItems: 1 });
    await collect(run);
    const other = createPaginator(
      { describeVolumes: service.client.describeInstances },
      { ...reservationsSpec, operation: 'DescribeVolumes', method: 'describeVolumes' },
    );
    await expect(collect(other.items({}, { startingToken: run.resumeToken! }))).rejects.toThrow(
      /made by a DescribeInstances paginator/,
    );
  });

  it('resumes with the page size it stopped at and refuses another one mid-page', async () => {
    const service = scriptedService(buildPages([[3], [1]]));
    const paginator = createPaginator(service.client, reservationsSpec);
    const run = paginator.items({}, { maxItems: 1, pageSize: 7 });
    await collect(run);
    await collect(paginator.items({}, { startingToken: run.resumeToken! }));
    expect(service.calls.at(-1)!.input.MaxResults).toBe(7);
    await expect(
      collect(paginator.items({}, { startingToken: run.resumeToken!, pageSize: 9 })),
    ).rejects.toThrow(/resume with pageSize 7/);
  });

  it('rejects a service token for an operation with several tokens', async () => {
    const spec = {
      ...reservationsSpec,
      inputToken: ['NextToken', 'Marker'],
      outputToken: ['NextToken', 'Marker'],
    };
    const service = scriptedService(buildPages([[1]]));
    await expect(
      collect(createPaginator(service.client, spec).paginate({}, { startingToken: 'abc' })),
    ).rejects.toThrow(/takes several tokens/);
  });
});

describe('buildFullResult', () => {
  it('merges every page and carries the resume token as NextToken when maxItems stops early', async () => {
    const service = scriptedService(buildPages([[2], [2, 1]]));
    const paginator = createPaginator(service.client, reservationsSpec);
    const full = await paginator.paginate({}, { maxItems: 3 }).buildFullResult();
    expect(full.Reservations.map((r) => [r.ReservationId, ids(r.Instances)])).toEqual([
      ['r-1', ['i-1', 'i-2']],
      ['r-2', ['i-3']],
    ]);
    expect(full.NextToken).toBeTypeOf('string');
    const rest = await paginator.paginate({}, { startingToken: full.NextToken! }).buildFullResult();
    expect(rest.Reservations.map((r) => [r.ReservationId, ids(r.Instances)])).toEqual([
      ['r-2', ['i-4']],
      ['r-3', ['i-5']],
    ]);
    expect(rest.NextToken).toBeUndefined();
  });

  it('keeps non-aggregate members from the first page and secondary results once', async () => {
    type Out = { Details?: string[]; Names?: string[]; Status?: string; NextToken?: string };
    const spec: PaginatorSpec<TestInput, Out, string, 'Details' | 'Names', 'Status', 'describeThings'> = {
      operation: 'DescribeThings',
      method: 'describeThings',
      inputToken: ['NextToken'],
      outputToken: ['NextToken'],
      resultKeys: ['Details', 'Names'],
      nonAggregateKeys: ['Status'],
    };
    const pages: Out[] = [
      { Details: ['a', 'b', 'c'], Names: ['n1', 'n2'], Status: 'first', NextToken: 't1' },
      { Details: ['d'], Names: ['n3'], Status: 'second' },
    ];
    const client = { describeThings: async (input: TestInput) => pages[input.NextToken ? 1 : 0]! };
    const paginator = createPaginator(client, spec);
    const cut = paginator.paginate({}, { maxItems: 2 });
    expect(await cut.buildFullResult()).toMatchObject({
      Details: ['a', 'b'],
      Names: ['n1', 'n2'],
      Status: 'first',
    });
    const rest = await paginator.paginate({}, { startingToken: cut.resumeToken! }).buildFullResult();
    expect(rest).toEqual({ Details: ['c', 'd'], Names: ['n3'], Status: 'first' });
  });
});

describe('search', () => {
  it('evaluates JMESPath per page and spreads list results', async () => {
    const service = scriptedService(buildPages([[2], [1]]));
    const found = await collect(
      createPaginator(service.client, reservationsSpec)
        .paginate()
        .search('Reservations[].Instances[].InstanceId'),
    );
    expect(found).toEqual(['i-1', 'i-2', 'i-3']);
  });

  it('yields scalar results as they are, nulls included (boto3 parity)', async () => {
    const service = scriptedService(buildPages([[2], [1]]));
    const found = await collect(
      createPaginator(service.client, reservationsSpec).paginate().search('NextToken'),
    );
    expect(found).toEqual(['t1', null]);
  });

  it('rejects an invalid expression before sending anything', async () => {
    const service = scriptedService(buildPages([[1]]));
    const search = createPaginator(service.client, reservationsSpec).paginate().search('Reservations[');
    const error = await collect(search).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('InvalidJmespath');
    expect(service.calls).toHaveLength(0);
  });
});

describe('clients', () => {
  const schema = { name: 'DescribeInstances' };

  it('uses send(schema, input, options) when the client has no method for the operation', async () => {
    const pages = buildPages([[1], [2]]);
    const sent: unknown[] = [];
    const bare = {
      async send(operation: object, input: object) {
        sent.push(operation);
        return structuredClone(pages[(input as TestInput).NextToken ? 1 : 0]!);
      },
    };
    const items = await collect(createPaginator(bare, { ...reservationsSpec, schema }).items());
    expect(ids(items)).toEqual(['i-1', 'i-2', 'i-3']);
    expect(sent).toEqual([schema, schema]);
  });

  it('says what is missing when the client cannot run the operation', async () => {
    const bare = { send: async () => ({}) };
    await expect(collect(createPaginator(bare, reservationsSpec).paginate())).rejects.toThrow(
      /spec carries no schema/,
    );
    await expect(
      collect(createPaginator({} as unknown as typeof bare, { ...reservationsSpec, schema }).paginate()),
    ).rejects.toThrow(/neither describeInstances\(\) nor send\(\)/);
  });
});
