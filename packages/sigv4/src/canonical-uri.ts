// The canonical URI: the request path, dot segments removed (unless S3), URI-encoded once more
// (unless S3, whose paths are signed in their single-encoded form).

import { recodePercent, uriEncode } from './encoding.js';

export interface CanonicalUriOptions {
  /** Remove `.` and `..` segments and empty segments (`//`). Default true; S3: false. */
  readonly normalizePath?: boolean | undefined;
  /** Encode the path as given, so an encoded path ends up encoded twice. Default true; S3: false. */
  readonly doubleEscapePath?: boolean | undefined;
}

/**
 * The canonical URI of a raw request path.
 *
 * - `normalizePath` (default true): `/a/./b/../c//` -> `/a/c/`. A trailing `/` is kept when the
 *   path had one and something is left; `.`/`..` at the end leave none (`/a/b/..` -> `/a`), as
 *   botocore and the v3 SDK do.
 * - `doubleEscapePath` (default true): every byte but `A-Za-z0-9-._~/` is percent-encoded, a `%`
 *   included (`/a%20b` -> `/a%2520b`): what every service but S3 expects.
 *   With false (S3), the path is read as already encoded and only brought to canonical form
 *   (`/a%7eb c` -> `/a~b%20c`); an encoded slash `%2F` stays encoded.
 */
export function canonicalUri(path: string, options?: CanonicalUriOptions): string {
  const normalized = options?.normalizePath === false ? path : normalizePath(path);
  return options?.doubleEscapePath === false ? recodePercent(normalized, true) : uriEncode(normalized, true);
}

/**
 * Removes empty, `.` and `..` segments. Returns `path` itself when there is nothing to remove, so
 * the common `/` or `/a/b` costs one scan.
 */
export function normalizePath(path: string): string {
  if (!needsNormalizing(path)) return path;
  const kept: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') kept.pop();
    else kept.push(segment);
  }
  const leading = path.startsWith('/') ? '/' : '';
  const trailing = kept.length > 0 && path.endsWith('/') ? '/' : '';
  return leading + kept.join('/') + trailing;
}

/** True when a segment is empty (`//`), `.` or `..`, or the path does not start with `/`. */
function needsNormalizing(path: string): boolean {
  if (path.charCodeAt(0) !== 0x2f) return path.length > 0;
  const length = path.length;
  let segmentStart = 1;
  for (let i = 1; i <= length; i++) {
    if (i < length && path.charCodeAt(i) !== 0x2f) continue;
    const segmentLength = i - segmentStart;
    // An empty segment is fine only as the path's trailing slash (or the root itself).
    if (segmentLength === 0 && i < length) return true;
    if (segmentLength === 1 && path.charCodeAt(segmentStart) === 0x2e) return true;
    if (
      segmentLength === 2 &&
      path.charCodeAt(segmentStart) === 0x2e &&
      path.charCodeAt(segmentStart + 1) === 0x2e
    ) {
      return true;
    }
    segmentStart = i + 1;
  }
  return false;
}
