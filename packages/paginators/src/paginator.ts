// createPaginator: binds a client to a paginator spec. `paginate()` gives the pages, `items()` the
// items, `search()` a JMESPath view, `buildFullResult()` one merged output; each run keeps a
// `resumeToken` that continues right after the last page or item the caller received.

import type { WithMetadata } from '@boto-ts/core';
import type { JSONValue } from '@jmespath-community/jmespath';
import type { PaginatorClient } from './client.js';
import { PaginationError } from './errors.js';
import { type FullResult, FullResultBuilder } from './full-result.js';
import { pageItems } from './page-items.js';
import { type PaginateOptions, resumeTokenAt, walkPages } from './page-walk.js';
import type { AnyPaginatorSpec, PaginatorSpec } from './spec.js';

/** Pages or items, plus where to continue. Each `for await` starts a new run from the input. */
export interface ResumableIterable<T> extends AsyncIterable<T> {
  /**
   * After (or during) a run: a token that continues right after the last page or item received, for
   * `startingToken`; undefined when nothing remains (or nothing was read yet).
   */
  readonly resumeToken: string | undefined;
}

export interface PageIterable<Page, Item, Full> extends ResumableIterable<Page> {
  /** The items of these pages, one by one (for DescribeInstances: Instances, across Reservations). */
  items(): ResumableIterable<Item>;
  /**
   * Evaluates a JMESPath expression on each page and yields the results, lists spread (boto3's
   * `search`), with @jmespath-community/jmespath (loaded on first use). The expression is checked when
   * iteration starts, before any request is sent.
   */
  search(expression: string): AsyncIterable<unknown>;
  /** Reads every page and merges them (boto3's `build_full_result`). */
  buildFullResult(): Promise<Full>;
}

/** `paginate(input, options)`: the input may be left out when the operation requires nothing. */
export type PaginateArgs<Input> = object extends Input
  ? [input?: Input, options?: PaginateOptions]
  : [input: Input, options?: PaginateOptions];

export interface Paginator<Input extends object, Output extends object, Item, Full> {
  /** The model operation (`DescribeInstances`). */
  readonly operation: string;
  paginate(...args: PaginateArgs<Input>): PageIterable<WithMetadata<Output>, Item, Full>;
  /** Shorthand for `paginate(input, options).items()`. */
  items(...args: PaginateArgs<Input>): ResumableIterable<Item>;
}

/** The Paginator type a spec gives. */
export type PaginatorOf<Spec> =
  Spec extends PaginatorSpec<
    infer Input,
    infer Output,
    infer Item,
    infer ResultKey,
    infer NonAggregateKey,
    string
  >
    ? Paginator<Input, Output, Item, FullResult<Output, ResultKey, NonAggregateKey>>
    : never;

/** The clients a spec can run on: one with its method, or one with `send`. */
export type ClientFor<Spec> =
  Spec extends PaginatorSpec<infer Input, infer Output, unknown, string, string, infer Method>
    ? PaginatorClient<Method, Input, Output>
    : never;

class PageRun<Page extends object, Item, Full> implements PageIterable<Page, Item, Full> {
  #resumeToken: string | undefined;

  constructor(
    readonly client: object,
    readonly spec: AnyPaginatorSpec,
    readonly input: object,
    readonly options: PaginateOptions,
  ) {}

  get resumeToken(): string | undefined {
    return this.#resumeToken;
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Page, void, undefined> {
    this.#resumeToken = undefined;
    for await (const step of walkPages<Page>(this.client, this.spec, this.input, this.options)) {
      this.#resumeToken = resumeTokenAt(this.spec, step, step.to);
      yield step.page;
    }
  }

  items(): ResumableIterable<Item> {
    const { client, spec, input, options } = this;
    let resumeToken: string | undefined;
    return {
      get resumeToken() {
        return resumeToken;
      },
      async *[Symbol.asyncIterator]() {
        resumeToken = undefined;
        for await (const step of walkPages<Page>(client, spec, input, options)) {
          const items = pageItems(step.page as Readonly<Record<string, unknown>>, spec);
          if (items.length === 0) resumeToken = resumeTokenAt(spec, step, step.to);
          for (let i = 0; i < items.length; i++) {
            resumeToken = resumeTokenAt(spec, step, step.from + i + 1);
            yield items[i] as Item;
          }
        }
      },
    };
  }

  search(expression: string): AsyncIterable<unknown> {
    const pages = this;
    const operation = this.spec.operation;
    return {
      async *[Symbol.asyncIterator]() {
        // Loaded on first use, so bundles that never search carry no JMESPath library.
        const { compile, TreeInterpreter } = await import('@jmespath-community/jmespath');
        let tree: ReturnType<typeof compile>;
        try {
          tree = compile(expression);
        } catch (error) {
          throw new PaginationError(
            'InvalidJmespath',
            operation,
            `search(${JSON.stringify(expression)}) is not valid JMESPath: ${(error as Error).message}`,
            { cause: error },
          );
        }
        for await (const page of pages) {
          const result = TreeInterpreter.search(tree, page as unknown as JSONValue);
          if (Array.isArray(result)) yield* result;
          else yield result;
        }
      },
    };
  }

  async buildFullResult(): Promise<Full> {
    const builder = new FullResultBuilder(this.spec);
    for await (const page of this) builder.add(page as unknown as Readonly<Record<string, unknown>>);
    return builder.finish(this.#resumeToken) as Full;
  }
}

/**
 * A paginator for `spec` on `client`: an EC2Client (or any object with the operation's method), or a
 * bare ServiceClient when the spec carries the operation's schema. Importing one spec and this
 * function keeps a bundle to that operation alone.
 */
export function createPaginator<Spec extends AnyPaginatorSpec>(
  client: ClientFor<Spec>,
  spec: Spec,
): PaginatorOf<Spec> {
  const paginate = (input: object = {}, options: PaginateOptions = {}) =>
    new PageRun(client, spec, input, options);
  const paginator = {
    operation: spec.operation,
    paginate,
    items: (input?: object, options?: PaginateOptions) => paginate(input, options).items(),
  };
  return paginator as unknown as PaginatorOf<Spec>;
}
