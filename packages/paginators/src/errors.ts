// The one error class the paginator engine throws on purpose (service errors pass through untouched).

import { BotoError } from '@boto-ts/core';

/**
 * A pagination problem that retrying will not fix: a token the service repeated (a cycle), a starting
 * token that cannot be used, or an option the operation does not support. `code` says which.
 */
export class PaginationError extends BotoError {
  override readonly name: string = 'PaginationError';
  /** The model operation being paginated (`DescribeInstances`). */
  readonly operation: string;

  constructor(
    code:
      | 'PaginationTokenCycle'
      | 'InvalidStartingToken'
      | 'InvalidPaginationOption'
      | 'InvalidJmespath'
      | 'PaginatorClientMismatch'
      | 'UnknownPaginator',
    operation: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(code, `${operation}: ${message}`, options);
    this.operation = operation;
  }
}
