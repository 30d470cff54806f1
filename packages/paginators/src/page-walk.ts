// The pagination loop: fetch a page, cut it to the items still wanted, work out the next tokens, stop
// at `maxItems`, at the last page, on abort, or on a token the service already gave (a cycle).
// It yields each page with where it came from, so callers can make resume tokens at any item.

import { type CallOptions, TimeoutError, untilAborted } from '@boto-ts/core';
import { callOperation } from './client.js';
import { PaginationError } from './errors.js';
import { countItems, slicePage } from './page-items.js';
import { decodeResumeToken, encodeResumeToken, type TokenSet } from './resume-token.js';
import type { AnyPaginatorSpec } from './spec.js';

export interface PaginateOptions {
  /** Page size sent as the operation's limit member (`MaxResults`). Default: the service's. */
  readonly pageSize?: number | undefined;
  /** Stop after this many items (Instances for DescribeInstances, not Reservations). Default: all. */
  readonly maxItems?: number | undefined;
  /** A `resumeToken` from an earlier run (or a service NextToken) to continue from. */
  readonly startingToken?: string | undefined;
  /** Aborts the request in flight and stops the iteration. */
  readonly signal?: AbortSignal | undefined;
}

/** One fetched page and where it sits: items [from, to) of the page's `total` were delivered. */
export interface WalkStep<P> {
  readonly page: P;
  readonly tokens: TokenSet;
  readonly from: number;
  readonly to: number;
  readonly total: number;
  /** Tokens for the following page; undefined on the last page. */
  readonly next: TokenSet | undefined;
  readonly pageSize: number | undefined;
}

/** The resume token for "continue after `position` items of this step's page", or undefined when nothing is left. */
export function resumeTokenAt(
  spec: AnyPaginatorSpec,
  step: WalkStep<unknown>,
  position: number,
): string | undefined {
  if (position < step.total) {
    return encodeResumeToken(spec.operation, {
      tokens: step.tokens,
      skip: position,
      pageSize: step.pageSize,
    });
  }
  if (step.next)
    return encodeResumeToken(spec.operation, { tokens: step.next, skip: 0, pageSize: step.pageSize });
  return undefined;
}

function positiveInteger(spec: AnyPaginatorSpec, name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
    throw new PaginationError(
      'InvalidPaginationOption',
      spec.operation,
      `${name} must be an integer >= 1, got ${value}`,
    );
  }
}

function nextTokens(page: Readonly<Record<string, unknown>>, spec: AnyPaginatorSpec): TokenSet | undefined {
  if (spec.moreResults !== undefined && !page[spec.moreResults]) return undefined;
  const tokens: Record<string, unknown> = {};
  let found = false;
  spec.outputToken.forEach((outputKey, i) => {
    const value = page[outputKey];
    // Like botocore, an empty string is no token.
    if (value !== undefined && value !== null && value !== '') {
      tokens[spec.inputToken[i]!] = value;
      found = true;
    }
  });
  return found ? tokens : undefined;
}

const tokenKey = (spec: AnyPaginatorSpec, tokens: TokenSet): string =>
  JSON.stringify(spec.inputToken.map((key) => tokens[key] ?? null));

function abortError(spec: AnyPaginatorSpec, signal: AbortSignal, pages: number): TimeoutError {
  return new TimeoutError('aborted', `${spec.operation} pagination was aborted after ${pages} page(s)`, {
    cause: signal.reason,
  });
}

export async function* walkPages<P extends object>(
  client: object,
  spec: AnyPaginatorSpec,
  input: object,
  options: PaginateOptions = {},
): AsyncGenerator<WalkStep<P>, void, undefined> {
  const { maxItems, signal } = options;
  positiveInteger(spec, 'pageSize', options.pageSize);
  positiveInteger(spec, 'maxItems', maxItems);
  if (options.pageSize !== undefined && spec.limitKey === undefined) {
    throw new PaginationError(
      'InvalidPaginationOption',
      spec.operation,
      'the operation has no page size member; leave pageSize out (maxItems still works)',
    );
  }
  const fields = input as Readonly<Record<string, unknown>>;
  const start = options.startingToken
    ? decodeResumeToken(spec.operation, spec.inputToken, options.startingToken)
    : {
        tokens: Object.fromEntries(
          spec.inputToken.filter((key) => fields[key] != null).map((key) => [key, fields[key]]),
        ),
        skip: 0,
        pageSize: undefined,
      };
  if (
    options.pageSize !== undefined &&
    start.pageSize !== undefined &&
    options.pageSize !== start.pageSize &&
    start.skip > 0
  ) {
    throw new PaginationError(
      'InvalidStartingToken',
      spec.operation,
      `the starting token stopped inside a page of ${start.pageSize}; resume with pageSize ${start.pageSize} (or leave pageSize out) so no item is skipped or repeated`,
    );
  }
  const limit = spec.limitKey === undefined ? undefined : fields[spec.limitKey];
  const pageSize = options.pageSize ?? start.pageSize ?? (typeof limit === 'number' ? limit : undefined);
  const base: Record<string, unknown> = { ...fields };
  for (const key of spec.inputToken) delete base[key];
  if (spec.limitKey !== undefined && pageSize !== undefined) base[spec.limitKey] = pageSize;

  let tokens = start.tokens;
  let skip = start.skip;
  let delivered = 0;
  let pages = 0;
  const seen = new Map<string, number>();
  if (Object.keys(tokens).length > 0) seen.set(tokenKey(spec, tokens), 0);
  const callOptions: CallOptions = signal ? { signal } : {};

  for (;;) {
    if (signal?.aborted) throw abortError(spec, signal, pages);
    let page: P;
    try {
      page = (await untilAborted(
        callOperation(client, spec, { ...base, ...tokens }, callOptions),
        signal,
      )) as P;
    } catch (error) {
      if (signal?.aborted) throw abortError(spec, signal, pages);
      throw error;
    }
    pages++;
    if (signal?.aborted) throw abortError(spec, signal, pages);
    const fieldsOfPage = page as unknown as Readonly<Record<string, unknown>>;
    const total = countItems(fieldsOfPage, spec);
    const from = Math.min(skip, total);
    const to = maxItems === undefined ? total : Math.min(total, from + (maxItems - delivered));
    const next = nextTokens(fieldsOfPage, spec);
    yield { page: slicePage(page, spec, from, to, total), tokens, from, to, total, next, pageSize };
    delivered += to - from;
    if (next === undefined || (maxItems !== undefined && delivered >= maxItems)) return;
    const key = tokenKey(spec, next);
    const firstSeen = seen.get(key);
    if (firstSeen !== undefined) {
      const shown = key.length > 60 ? `${key.slice(0, 57)}...` : key;
      throw new PaginationError(
        'PaginationTokenCycle',
        spec.operation,
        `page ${pages} returned the same ${spec.outputToken.join('/')} as ${firstSeen === 0 ? 'the starting token' : `page ${firstSeen}`} (${shown}); stopping instead of looping forever. The pages read so far were delivered; retry later from their resumeToken`,
      );
    }
    seen.set(key, pages);
    tokens = next;
    skip = 0;
  }
}
