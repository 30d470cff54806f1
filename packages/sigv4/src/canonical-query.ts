// The canonical query string: every parameter decoded and re-encoded the SigV4 way, sorted by
// name then value, joined with `&`. Repeated names and empty values are kept.

import { recodePercent } from './encoding.js';

/** One query parameter, both parts in canonical encoding. */
export interface QueryParam {
  readonly name: string;
  readonly value: string;
}

/**
 * The parameters of a raw query string (no `?`), each name and value in canonical encoding:
 * `%XY` escapes are read as bytes, everything outside `A-Za-z0-9-._~` is escaped, `+` is a
 * literal plus (`%2B`). `a` and `a=` both give the empty value; empty pieces (`&&`) are skipped.
 */
export function parseQuery(query: string): QueryParam[] {
  const params: QueryParam[] = [];
  if (query.length === 0) return params;
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    if (end > start) {
      const eq = query.indexOf('=', start);
      const hasValue = eq >= 0 && eq < end;
      const name = recodePercent(query.slice(start, hasValue ? eq : end));
      const value = hasValue ? recodePercent(query.slice(eq + 1, end)) : '';
      params.push({ name, value });
    }
    start = end + 1;
  }
  return params;
}

/** Byte order of canonical (ASCII) text: the order SigV4 sorts by. */
function compareAscii(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts by name, then by value (so `a=2&a=1` signs as `a=1&a=2`), and joins as `name=value&...`. */
export function formatQuery(params: QueryParam[]): string {
  if (params.length === 0) return '';
  if (params.length > 1) {
    params.sort((x, y) => compareAscii(x.name, y.name) || compareAscii(x.value, y.value));
  }
  let out = `${params[0]!.name}=${params[0]!.value}`;
  for (let i = 1; i < params.length; i++) out += `&${params[i]!.name}=${params[i]!.value}`;
  return out;
}

/**
 * The canonical query string of a raw query (what follows `?` in the URL):
 * `b=2&a=&a=1` -> `a=&a=1&b=2`, `k=a b` -> `k=a%20b`.
 */
export function canonicalQueryString(query: string): string {
  return formatQuery(parseQuery(query));
}
