// Header rules of SigV4: which headers are signed, how names are checked and lower-cased, how values
// are folded, and the canonical header block (`name:value\n` lines) with its signed-header list.

import { SigningError } from './errors.js';
import type { HeaderValue } from './types.js';

/**
 * Headers the AWS SDKs never sign, because proxies and HTTP clients add, change or drop them on
 * the way (the v3 SDK's list; botocore's is a subset). Names starting `proxy-` or `sec-` too.
 */
export const UNSIGNABLE_HEADERS: ReadonlySet<string> = new Set([
  'authorization',
  'cache-control',
  'connection',
  'expect',
  'from',
  'keep-alive',
  'max-forwards',
  'pragma',
  'referer',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'user-agent',
  'x-amzn-trace-id',
]);

/** Answers of `isSignableHeader` for names already seen (a client sends the same few names). */
const signable = new Map<string, boolean>();
const SIGNABLE_MEMO_SIZE = 512;

/** True when a lower-case header name is signed. */
export function isSignableHeader(name: string): boolean {
  let answer = signable.get(name);
  if (answer === undefined) {
    answer = !UNSIGNABLE_HEADERS.has(name) && !name.startsWith('proxy-') && !name.startsWith('sec-');
    if (signable.size >= SIGNABLE_MEMO_SIZE) signable.clear();
    signable.set(name, answer);
  }
  return answer;
}

/** 1 for RFC 9110 token characters, 2 for upper-case letters (also tokens), indexed by ASCII code. */
const TOKEN = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~0123456789abcdefghijklmnopqrstuvwxyz") TOKEN[c.charCodeAt(0)] = 1;
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') TOKEN[c.charCodeAt(0)] = 2;

/**
 * The lower-case form of a header name, after checking it is an HTTP token (ASCII letters, digits
 * and ``!#$%&'*+-.^_`|~``). Throws SigningError naming `headers["<name>"]` otherwise.
 */
export function lowerHeaderName(name: string): string {
  let upper = false;
  const length = name.length;
  for (let i = 0; i < length; i++) {
    const code = name.charCodeAt(i);
    const kind = code < 128 ? TOKEN[code] : 0;
    if (kind === 2) upper = true;
    else if (kind !== 1) {
      throw new SigningError(
        `headers[${JSON.stringify(name)}]`,
        "is not a valid header name (ASCII letters, digits and !#$%&'*+-.^_`|~ only).",
      );
    }
  }
  if (length === 0) throw new SigningError('headers[""]', 'is an empty header name.');
  return upper ? name.toLowerCase() : name;
}

/** A header value as one string: a list is joined with `,` (the way SigV4 combines repeats). */
export function joinHeaderValue(value: Exclude<HeaderValue, undefined>): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.join(',');
  return String(value);
}

/**
 * The canonical form of a value: leading and trailing spaces/tabs removed and every run of
 * spaces, tabs and line breaks (obs-fold) folded to one space. `"  a \t b  "` -> `"a b"`.
 * Returns `value` itself when it is already canonical.
 */
export function foldHeaderValue(value: string): string {
  return NEEDS_FOLDING.test(value) ? value.replace(/[ \t\r\n]+/g, ' ').replace(/^ | $/g, '') : value;
}

/** A tab or line break anywhere, a space at either end, or two spaces in a row. */
const NEEDS_FOLDING = /[\t\n\r]|^ | $| {2}/;

/** The canonical header block and the signed-header list that goes with it. */
export interface CanonicalHeaders {
  /** `host:example.com\nx-amz-date:20150830T123600Z\n`: one line per signed header, sorted. */
  readonly canonicalHeaders: string;
  /** `host;x-amz-date` */
  readonly signedHeaders: string;
}

/**
 * Builds the canonical header block from headers whose names are already lower case and merged
 * (see `mergeHeaders`). Unsignable headers and `skip` (a header added after signing) are left out.
 * `host` signs the URL's host when `headers` has no `host` of its own.
 */
export function formatCanonicalHeaders(
  headers: Readonly<Record<string, string>>,
  host?: string,
  skip?: string,
): CanonicalHeaders {
  const names: string[] = [];
  let hasHost = false;
  for (const name in headers) {
    if (name === 'host') hasHost = true;
    if (name !== skip && isSignableHeader(name)) insertSorted(names, name);
  }
  if (!hasHost && host !== undefined) insertSorted(names, 'host');
  let canonicalHeaders = '';
  let signedHeaders = '';
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const value = name === 'host' && !hasHost ? host! : headers[name]!;
    canonicalHeaders += `${name}:${foldHeaderValue(value)}\n`;
    signedHeaders += i === 0 ? name : `;${name}`;
  }
  return { canonicalHeaders, signedHeaders };
}

/** Inserts into a sorted array (insertion sort: requests have a handful of headers). */
function insertSorted(names: string[], name: string): void {
  let i = names.length;
  names.push(name);
  while (i > 0 && names[i - 1]! > name) {
    names[i] = names[i - 1]!;
    i--;
  }
  names[i] = name;
}

/** Sets `record[name]`, also when the name is `__proto__` (which plain assignment would not store). */
export function setHeader(record: Record<string, string>, name: string, value: string): void {
  if (name === '__proto__') {
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  } else {
    record[name] = value;
  }
}

/**
 * Lower-cases and merges a request's headers: `{ 'X-A': '1', 'x-a': '2' }` -> `{ 'x-a': '1,2' }`.
 * Headers whose value is `undefined`, and any named in `drop` (lower case), are left out.
 */
export function mergeHeaders(
  headers: Readonly<Record<string, HeaderValue>> | undefined,
  drop?: ReadonlySet<string>,
): Record<string, string> {
  const merged: Record<string, string> = {};
  if (headers === undefined || headers === null) return merged;
  const prototype = typeof headers === 'object' ? Object.getPrototypeOf(headers) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    // A Headers or Map instance has no own enumerable entries: it would sign as "no headers".
    throw new SigningError(
      'headers',
      'must be a plain object of name -> value (use Object.fromEntries for a Headers or Map).',
    );
  }
  for (const rawName of Object.keys(headers)) {
    const value = headers[rawName];
    if (value === undefined || value === null) continue;
    const name = lowerHeaderName(rawName);
    if (drop?.has(name)) continue;
    const text = joinHeaderValue(value);
    const previous = Object.hasOwn(merged, name) ? merged[name] : undefined;
    setHeader(merged, name, previous === undefined ? text : `${previous},${text}`);
  }
  return merged;
}
