// What the SigV4 suites' cases are made of and how results are compared with them: raw HTTP
// request text, header sets, line diffs, aws-c-auth's context, and the per-case tally. Shared by
// the SigV4 (sigv4.ts) and SigV4a (sigv4a.ts) sets.

import { type CommonSigningOptions, foldHeaderValue, type SignableRequest } from '@boto-ts/sigv4';
import type { SetResult } from './types.js';

/** A raw HTTP/1.1 request file, read as the suites' README describes. */
export interface RawRequest {
  readonly method: string;
  /** Request target: path and query, raw (may hold spaces and UTF-8). */
  readonly target: string;
  /** Names as written; a repeated name gives a list; obs-fold lines are kept after a `\n`. */
  readonly headers: Record<string, string | string[]>;
  readonly body: string;
}

export function parseRawRequest(text: string): RawRequest {
  const split = text.indexOf('\n\n');
  const head = (split < 0 ? text : text.slice(0, split)).replace(/\n$/, '');
  const body = split < 0 ? '' : text.slice(split + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const first = requestLine.indexOf(' ');
  const last = requestLine.lastIndexOf(' ');
  const headers: Record<string, string | string[]> = {};
  let previous: string | undefined;
  for (const line of lines) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && previous !== undefined) {
      const value = headers[previous]!;
      if (Array.isArray(value)) value[value.length - 1] += `\n${line}`;
      else headers[previous] = `${value}\n${line}`;
      continue;
    }
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1);
    const existing = headers[name];
    headers[name] =
      existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
    previous = name;
  }
  return { method: requestLine.slice(0, first), target: requestLine.slice(first + 1, last), headers, body };
}

export function headerValue(request: RawRequest, lowerName: string): string | undefined {
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === lowerName) return Array.isArray(value) ? value.join(',') : value;
  }
  return undefined;
}

export function toSignable(raw: RawRequest): SignableRequest {
  const host = headerValue(raw, 'host')?.trim() ?? 'example.amazonaws.com';
  return { method: raw.method, url: `https://${host}${raw.target}`, headers: raw.headers, body: raw.body };
}

/** Lower-case name -> folded value, repeats joined with `,`: how two header sets are compared. */
export function headerSet(
  headers: Readonly<Record<string, string | readonly string[] | undefined>>,
): Map<string, string> {
  const set = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = foldHeaderValue(Array.isArray(value) ? value.join(',') : (value as string));
    const key = name.toLowerCase();
    set.set(key, set.has(key) ? `${set.get(key)},${text}` : text);
  }
  return set;
}

/** `''` when equal, else where the two differ. */
export function diff(what: string, expected: string, actual: string): string {
  if (expected === actual) return '';
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i])
      return `${what} line ${i + 1}: expected ${JSON.stringify(e[i])}, got ${JSON.stringify(a[i])}`;
  }
  return `${what} differs`;
}

export function diffHeaders(expected: Map<string, string>, actual: Map<string, string>): string {
  for (const [name, value] of expected) {
    if (actual.get(name) !== value)
      return `header ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual.get(name))}`;
  }
  for (const name of actual.keys()) if (!expected.has(name)) return `unexpected header ${name}`;
  return '';
}

export function tally(name: string, cases: Array<{ id: string; problems: string[] }>): SetResult {
  const failures = cases.filter((c) => c.problems.length > 0).map((c) => `${c.id}: ${c.problems.join('; ')}`);
  return { name, passed: cases.length - failures.length, failed: failures.length, failures };
}

/** Runs one case, turning a thrown error into a failure rather than a crash. */
export function runCase(id: string, check: () => string[]): { id: string; problems: string[] } {
  try {
    return { id, problems: check().filter((p) => p !== '') };
  } catch (error) {
    return { id, problems: [`threw ${(error as Error).name}: ${(error as Error).message}`] };
  }
}

export interface AwsCContext {
  credentials: { access_key_id: string; secret_access_key: string; token?: string };
  region: string;
  service: string;
  timestamp: string;
  expiration_in_seconds: number;
  normalize: boolean;
  sign_body: boolean;
  omit_session_token?: boolean;
}

/** A case of aws-c-auth's suite: its context, and each text file under its name without `.txt`. */
export type AwsCCase = { readonly name: string; readonly context: AwsCContext } & Readonly<
  Record<string, unknown>
>;

export function text(suiteCase: AwsCCase, file: string): string {
  const value = suiteCase[file];
  if (typeof value !== 'string') throw new Error(`the case has no ${file} file`);
  return value;
}

/** The options an aws-c-auth context asks for, but where the signature is good (region or region set). */
export function awsCCommonOptions(context: AwsCContext): CommonSigningOptions {
  return {
    credentials: {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      sessionToken: context.credentials.token,
    },
    service: context.service,
    signingDate: new Date(context.timestamp),
    normalizePath: context.normalize,
    doubleEscapePath: true,
    contentSha256Header: context.sign_body,
    signSessionToken: context.omit_session_token !== true,
  };
}

/** The query of a request target as sorted raw `name=value` pieces, and its path. */
export function targetParts(target: string): { path: string; params: string } {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const params = q < 0 ? [] : target.slice(q + 1).split('&');
  return { path, params: params.sort().join('&') };
}
