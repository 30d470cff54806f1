// @boto-ts/paginators: the paginator engine, and typed paginators for every EC2 operation that pages.
export type { MethodClient, PaginatorClient, SchemaSource, SendClient } from './client.js';
export { type EC2Paginator, type EC2PaginatorSpec, getPaginator } from './ec2.js';
export { PaginationError } from './errors.js';
export type { FullResult } from './full-result.js';
export * from './generated/ec2/index.js';
export type { PaginateOptions } from './page-walk.js';
export {
  type ClientFor,
  createPaginator,
  type PageIterable,
  type PaginateArgs,
  type Paginator,
  type PaginatorOf,
  type ResumableIterable,
} from './paginator.js';
export type { AnyPaginatorSpec, ListItem, PaginatorSpec } from './spec.js';
