// ResourceCollection: boto3's collections (`resource.instances.all()`, `vpc.subnets.filter(...)`).
// A collection is an immutable query: filter/limit/pageSize return a new one, and nothing is sent
// until it is iterated. Iterating walks the operation's pages (through @boto-ts/paginators) and turns
// each page into loaded resource objects; `limit` counts resources (instances, not reservations).

import type { CallOptions } from '@boto-ts/core';
import { createPaginator, type PaginateOptions } from '@boto-ts/paginators';
import { type BuiltResource, buildResources } from './build-resources.js';
import type { CollectionSource } from './collection-source.js';
import { callMethod } from './context.js';
import type { RequestDefinition } from './definitions.js';
import { ResourceError } from './errors.js';
import { buildBatchParams, buildParams, mergeInput } from './request-params.js';
import { paramOwner, type Resource } from './resource.js';

/** The most resources one batch request names (EC2's limit for TerminateInstances, CreateTags, ...). */
export const MAX_BATCH_SIZE = 1000;

/** The query a collection stands for. */
export interface CollectionQuery {
  /** The operation input given through filter(), merged over the collection's own parameters. */
  readonly input: Readonly<Record<string, unknown>>;
  readonly limit?: number | undefined;
  readonly pageSize?: number | undefined;
}

export interface CollectionIterateOptions {
  /** Aborts the request in flight and ends the iteration. */
  readonly signal?: AbortSignal | undefined;
}

type AnyResource = Resource<object, object>;

function positiveInteger(name: string, value: number): void {
  if (!(Number.isInteger(value) && value >= 1)) {
    throw new ResourceError('InvalidCollectionOption', `${name}(n) takes an integer >= 1, got ${value}`);
  }
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}

export class ResourceCollection<R extends AnyResource, Input extends object> implements AsyncIterable<R> {
  readonly #source: CollectionSource;
  readonly #create: (built: BuiltResource) => R;
  readonly #query: CollectionQuery;

  constructor(source: CollectionSource, create: (built: BuiltResource) => R, query?: CollectionQuery) {
    this.#source = source;
    this.#create = create;
    this.#query = query ?? { input: {} };
  }

  /** The query so far (input given to filter(), limit, pageSize). */
  get query(): CollectionQuery {
    return this.#query;
  }

  /** Every resource (a new collection; boto3's `all()`). */
  all(): this {
    return this.#derive(this.#query);
  }

  /**
   * The resources matching `input` (the operation's input: `Filters`, `InstanceIds`, ...). Members
   * replace those of an earlier filter(); `Filters` are added to the collection's own (a vpc's
   * instances keep their vpc-id filter).
   */
  filter(input: Input): this {
    return this.#derive({
      ...this.#query,
      input: { ...this.#query.input, ...(input as Record<string, unknown>) },
    });
  }

  /** At most `count` resources (counting resources: instances, not reservations). */
  limit(count: number): this {
    positiveInteger('limit', count);
    return this.#derive({ ...this.#query, limit: count });
  }

  /** Asks for pages of `size` items (the operation's MaxResults); batch actions send one request per page. */
  pageSize(size: number): this {
    positiveInteger('pageSize', size);
    return this.#derive({ ...this.#query, pageSize: size });
  }

  /** The resources page by page, as the service returned them (cut at the limit). */
  pages(options: CollectionIterateOptions = {}): AsyncIterable<R[]> {
    return { [Symbol.asyncIterator]: () => this.#walk(options.signal) };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<R> {
    for await (const page of this.#walk(undefined)) yield* page;
  }

  /** Reads every page and returns the resources in one array. */
  async toArray(options: CollectionIterateOptions = {}): Promise<R[]> {
    const all: R[] = [];
    for await (const page of this.#walk(options.signal)) all.push(...page);
    return all;
  }

  /**
   * Runs a batch action: first reads the selected resources (so acting on them cannot move later
   * pages), then sends one request per page, at most MAX_BATCH_SIZE resources each. Resolves to the
   * responses in order; an empty collection sends nothing.
   */
  protected async runBatchAction(
    definition: RequestDefinition,
    input: object | undefined,
    options: CallOptions | undefined,
  ): Promise<unknown[]> {
    const batches: R[][] = [];
    for await (const page of this.#walk(options?.signal)) batches.push(...chunk(page, MAX_BATCH_SIZE));
    const responses: unknown[] = [];
    for (const batch of batches) {
      const params = buildBatchParams(
        definition.params,
        batch.map((resource) => resource[paramOwner]()),
      );
      const request = mergeInput(params, input as Record<string, unknown> | undefined);
      responses.push(await callMethod(this.#source.context, definition.method, request, options));
    }
    return responses;
  }

  #derive(query: CollectionQuery): this {
    const Derived = this.constructor as new (source: CollectionSource, query: CollectionQuery) => this;
    return new Derived(this.#source, query);
  }

  async *#walk(signal: AbortSignal | undefined): AsyncGenerator<R[], void, undefined> {
    const { context, definition, owner } = this.#source;
    const { limit, pageSize } = this.#query;
    const request = mergeInput(buildParams(definition.params, owner), this.#query.input);
    let remaining = limit;
    const take = (response: unknown): R[] => {
      let built = buildResources(definition.result, { source: response, request, parent: owner.identifiers });
      if (remaining !== undefined) {
        built = built.slice(0, remaining);
        remaining -= built.length;
      }
      return built.map(this.#create);
    };
    if (definition.paginator === undefined) {
      if (pageSize !== undefined) {
        throw new ResourceError(
          'InvalidCollectionOption',
          `${definition.operation} answers in one response and has no page size; leave pageSize() out (limit() still works)`,
        );
      }
      yield take(await callMethod(context, definition.method, request, signal ? { signal } : undefined));
      return;
    }
    const paginator = createPaginator(context.client as never, definition.paginator) as unknown as {
      paginate(input: object, options: PaginateOptions): AsyncIterable<unknown>;
    };
    for await (const page of paginator.paginate(request, { pageSize, signal })) {
      yield take(page);
      if (remaining === 0) return;
    }
  }
}
