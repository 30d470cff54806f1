// What a paginator spec says about one operation: which members carry the tokens, the page size and
// the results. Generated specs (src/generated/) are plain data of this shape; the engine reads nothing else.

import type { SchemaSource } from './client.js';

export interface PaginatorSpec<
  Input extends object = object,
  Output extends object = object,
  Item = unknown,
  ResultKey extends string = string,
  NonAggregateKey extends string = never,
  Method extends string = string,
> {
  /** The model operation (`DescribeInstances`). */
  readonly operation: string;
  /** The client method that calls it (`describeInstances`). */
  readonly method: Method;
  /**
   * The operation's schema (or its loader), for clients that only have `send(operation, input)`
   * (a bare ServiceClient). Clients with the method never need it.
   */
  readonly schema?: SchemaSource | undefined;
  /** Input members that take the previous page's tokens (`NextToken`). */
  readonly inputToken: readonly string[];
  /** Output members holding the next page's tokens, in the same order as `inputToken`. */
  readonly outputToken: readonly string[];
  /** Input member that sets the page size (`MaxResults`), when the operation has one. */
  readonly limitKey?: string | undefined;
  /** Output members holding the results; the first is the one `maxItems` counts. */
  readonly resultKeys: readonly ResultKey[];
  /**
   * A list member of each primary result element whose entries are the items users mean
   * (DescribeInstances: each Reservation's `Instances`). Absent: the result elements are the items.
   */
  readonly itemKey?: string | undefined;
  /** An output boolean that, when false, means there are no more pages (whatever the token says). */
  readonly moreResults?: string | undefined;
  /** Output members that are not merged across pages; `buildFullResult` keeps the first page's. */
  readonly nonAggregateKeys?: readonly NonAggregateKey[] | undefined;
  /** Never set: carries the input, output and item types for `createPaginator`. */
  readonly types?: { readonly input: Input; readonly output: Output; readonly item: Item };
}

/** Any spec, whatever its types (every spec is assignable to this). */
export type AnyPaginatorSpec = PaginatorSpec<object, object, unknown, string, string, string>;

/** The element type of list member `Key` of `Shape` (`ListItem<DescribeInstancesResult, 'Reservations'>` is Reservation). */
export type ListItem<Shape, Key extends keyof NonNullable<Shape>> =
  NonNullable<NonNullable<Shape>[Key]> extends readonly (infer Element)[] ? Element : never;
