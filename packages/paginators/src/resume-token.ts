// Resume tokens: where a pagination stopped, as one opaque string the caller can store and hand back.
// Like boto3's, a token names the service tokens that fetch a page and how many of that page's items
// were already delivered, so `maxItems` can stop in the middle of a page and the next run continues at
// exactly the next item. Encoded as base64url JSON: {v, o: operation, t: tokens, s: skip, p?: pageSize}.

import { PaginationError } from './errors.js';

/**
 * The service tokens sent for one page, by input member name (`{ NextToken: '...' }`); `{}` = the first
 * page. Values are whatever JSON the service returned (strings for EC2).
 */
export type TokenSet = Readonly<Record<string, unknown>>;

export interface ResumePoint {
  /** Tokens that fetch the page to resume in. */
  readonly tokens: TokenSet;
  /** Items of that page already delivered (in the flattened item order). */
  readonly skip: number;
  /** The page size the page was fetched with; resuming with another size would shift the items. */
  readonly pageSize?: number | undefined;
}

interface Encoded {
  readonly v: 1;
  readonly o: string;
  readonly t: Record<string, unknown>;
  readonly s: number;
  readonly p?: number;
}

export function encodeResumeToken(operation: string, point: ResumePoint): string {
  const body: Encoded = {
    v: 1,
    o: operation,
    t: { ...point.tokens },
    s: point.skip,
    ...(point.pageSize === undefined ? {} : { p: point.pageSize }),
  };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function parse(token: string): Encoded | undefined {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  try {
    const body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<Encoded>;
    if (
      body === null ||
      typeof body !== 'object' ||
      body.v !== 1 ||
      typeof body.o !== 'string' ||
      typeof body.t !== 'object' ||
      body.t === null ||
      Array.isArray(body.t) ||
      !Number.isInteger(body.s) ||
      (body.s as number) < 0 ||
      (body.p !== undefined && !Number.isInteger(body.p))
    ) {
      return undefined;
    }
    return body as Encoded;
  } catch {
    return undefined;
  }
}

/**
 * Reads a starting token. A token this engine wrote resumes exactly; any other string is taken as the
 * service's own token (a NextToken saved from an earlier call), which only single-token operations accept.
 */
export function decodeResumeToken(
  operation: string,
  inputToken: readonly string[],
  token: string,
): ResumePoint {
  const body = parse(token);
  if (body) {
    if (body.o !== operation) {
      throw new PaginationError(
        'InvalidStartingToken',
        operation,
        `the starting token was made by a ${body.o} paginator; use it with ${body.o}`,
      );
    }
    const unknown = Object.keys(body.t).filter((key) => !inputToken.includes(key));
    if (unknown.length > 0) {
      throw new PaginationError(
        'InvalidStartingToken',
        operation,
        `the starting token names ${unknown.join(', ')}, which ${operation} does not take`,
      );
    }
    return { tokens: body.t, skip: body.s, pageSize: body.p };
  }
  if (inputToken.length !== 1) {
    throw new PaginationError(
      'InvalidStartingToken',
      operation,
      'the starting token is not one this paginator wrote, and the operation takes several tokens; pass the resumeToken of an earlier run',
    );
  }
  return { tokens: { [inputToken[0]!]: token }, skip: 0 };
}
