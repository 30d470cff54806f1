// MaxResults / NextToken paging with EC2's rules: MaxResults between 5 and 1000 (per action), never
// together with an explicit id list, no MaxResults means everything. The token is opaque to clients:
// it records the last item's creation sequence and which request it belongs to, so items created or
// deleted between pages neither repeat nor shift the next page.

import { createHash } from 'node:crypto';
import { invalidParameterCombination, invalidParameterValue, invalidValueFor } from '../protocol/errors.js';
import type { Params } from '../protocol/params.js';

export interface PageRequest {
  readonly maxResults: number | undefined;
  /** The sequence number after which this page starts (0: from the beginning). */
  readonly after: number;
  /** Identifies the request a token belongs to (filters and other parameters). */
  readonly scope: string;
}

export interface PagingRules {
  readonly min?: number;
  readonly max?: number;
  /** The id-list parameter (wire name) that excludes MaxResults, and how EC2 names it in the error. */
  readonly idsGiven?: boolean;
  readonly idsName?: string;
}

function scopeOf(action: string, params: Params): string {
  return createHash('sha256')
    .update(`${action}\n${params.fingerprint(['NextToken', 'MaxResults', 'DryRun', 'Action', 'Version'])}`)
    .digest('base64url')
    .slice(0, 16);
}

/** Reads MaxResults and NextToken, validating bounds, the combination with ids, and the token. */
export function readPaging(action: string, params: Params, rules: PagingRules = {}): PageRequest {
  const { min = 5, max = 1000 } = rules;
  const maxText = params.string('MaxResults');
  if (maxText !== undefined && rules.idsGiven) {
    throw invalidParameterCombination(
      `The parameter ${rules.idsName ?? 'ids'} cannot be used with the parameter maxResults`,
    );
  }
  let maxResults: number | undefined;
  if (maxText !== undefined) {
    maxResults = params.integer('MaxResults');
    if (maxResults !== undefined && (maxResults < min || maxResults > max)) {
      throw invalidValueFor('maxResults', maxText, `Expecting a value between ${min} and ${max}.`);
    }
  }
  const scope = scopeOf(action, params);
  const token = params.string('NextToken');
  if (token === undefined || token === '') return { maxResults, after: 0, scope };
  let decoded: { s?: unknown; a?: unknown } | undefined;
  try {
    decoded = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { s?: unknown; a?: unknown };
  } catch {
    decoded = undefined;
  }
  if (!decoded || typeof decoded.a !== 'number' || decoded.s !== scope) {
    throw invalidParameterValue(
      `The NextToken '${token.slice(0, 60)}' is not valid for this request: pass back the token from the previous page, with the same parameters.`,
    );
  }
  return { maxResults, after: decoded.a, scope };
}

export function makeToken(scope: string, after: number): string {
  return Buffer.from(JSON.stringify({ s: scope, a: after }), 'utf8').toString('base64url');
}

/** One page of `items` (which must be in `seq` order) and the token for the next page, if any. */
export function paginate<T extends { readonly seq: number }>(
  items: readonly T[],
  page: PageRequest,
): { items: T[]; nextToken: string | undefined } {
  const rest = items.filter((item) => item.seq > page.after);
  if (page.maxResults === undefined || rest.length <= page.maxResults)
    return { items: rest, nextToken: undefined };
  const slice = rest.slice(0, page.maxResults);
  return { items: slice, nextToken: makeToken(page.scope, slice[slice.length - 1]!.seq) };
}
