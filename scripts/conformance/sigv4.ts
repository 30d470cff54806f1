// The SigV4 conformance suites (fixtures/conformance/sigv4: one JSON file per suite, a case per
// upstream folder with each file's text under its name), run against
// @boto-ts/sigv4: botocore's copy of the AWS test suite (34 cases, all run, including the four
// botocore itself skips) and aws-c-auth's newer suite in its header and query variants (38 + 38).

import {
  canonicalRequest,
  foldHeaderValue,
  presignUrlWithDetails,
  type SignableRequest,
  type SigningOptions,
  signRequestWithDetails,
} from '@boto-ts/sigv4';
import { readConformanceJson } from '../lib/repo-data.js';
import type { ConformanceSuite, SetResult } from './types.js';

/** A raw HTTP/1.1 request file, read as the suites' README describes. */
interface RawRequest {
  readonly method: string;
  /** Request target: path and query, raw (may hold spaces and UTF-8). */
  readonly target: string;
  /** Names as written; a repeated name gives a list; obs-fold lines are kept after a `\n`. */
  readonly headers: Record<string, string | string[]>;
  readonly body: string;
}

function parseRawRequest(text: string): RawRequest {
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

function headerValue(request: RawRequest, lowerName: string): string | undefined {
  for (const [name, value] of Object.entries(request.headers)) {
    if (name.toLowerCase() === lowerName) return Array.isArray(value) ? value.join(',') : value;
  }
  return undefined;
}

function toSignable(raw: RawRequest): SignableRequest {
  const host = headerValue(raw, 'host')?.trim() ?? 'example.amazonaws.com';
  return { method: raw.method, url: `https://${host}${raw.target}`, headers: raw.headers, body: raw.body };
}

/** Lower-case name -> folded value, repeats joined with `,`: how two header sets are compared. */
function headerSet(
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
function diff(what: string, expected: string, actual: string): string {
  if (expected === actual) return '';
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) {
    if (e[i] !== a[i])
      return `${what} line ${i + 1}: expected ${JSON.stringify(e[i])}, got ${JSON.stringify(a[i])}`;
  }
  return `${what} differs`;
}

function diffHeaders(expected: Map<string, string>, actual: Map<string, string>): string {
  for (const [name, value] of expected) {
    if (actual.get(name) !== value)
      return `header ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual.get(name))}`;
  }
  for (const name of actual.keys()) if (!expected.has(name)) return `unexpected header ${name}`;
  return '';
}

function tally(name: string, cases: Array<{ id: string; problems: string[] }>): SetResult {
  const failures = cases.filter((c) => c.problems.length > 0).map((c) => `${c.id}: ${c.problems.join('; ')}`);
  return { name, passed: cases.length - failures.length, failed: failures.length, failures };
}

/** Runs one case, turning a thrown error into a failure rather than a crash. */
function runCase(id: string, check: () => string[]): { id: string; problems: string[] } {
  try {
    return { id, problems: check().filter((p) => p !== '') };
  } catch (error) {
    return { id, problems: [`threw ${(error as Error).name}: ${(error as Error).message}`] };
  }
}

// botocore's copy: fixed inputs; the session token, when there is one, is read from the expected files.
const BOTOCORE_BASE = {
  region: 'us-east-1',
  service: 'service',
  signingDate: Date.UTC(2015, 7, 30, 12, 36, 0),
} as const;
const BOTOCORE_KEYS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** A case of botocore's copy: the text of its `.req`, `.creq`, `.sts`, `.authz` and `.sreq` files. */
interface BotocoreCase {
  readonly name: string;
  readonly req: string;
  readonly creq: string;
  readonly sts: string;
  readonly authz: string;
  readonly sreq: string;
}

function botocoreCase(suiteCase: BotocoreCase): string[] {
  const file = (ext: 'req' | 'creq' | 'sts' | 'authz' | 'sreq') => suiteCase[ext];
  const raw = parseRawRequest(file('req'));
  const creq = file('creq');
  const sreq = parseRawRequest(file('sreq'));
  const signedToken = /^x-amz-security-token:(.*)$/m.exec(creq)?.[1];
  const lateToken = signedToken === undefined ? headerValue(sreq, 'x-amz-security-token') : undefined;
  const options: SigningOptions = {
    ...BOTOCORE_BASE,
    credentials: { ...BOTOCORE_KEYS, sessionToken: signedToken ?? lateToken },
    signSessionToken: lateToken === undefined,
  };
  const { request, details } = signRequestWithDetails(toSignable(raw), options);
  // The pure function sees the request as signed: with the token header when the token is signed.
  const withToken =
    signedToken === undefined ? raw.headers : { ...raw.headers, 'X-Amz-Security-Token': signedToken };
  // `.authz` is the reference for Authorization: one upstream `.sreq` (get-vanilla-with-session-token)
  // carries a garbled signature, so the other headers are compared against `.sreq`.
  const { authorization, ...otherHeaders } = request.headers;
  const expectedHeaders = headerSet(sreq.headers);
  expectedHeaders.delete('authorization');
  return [
    diff('canonical request', creq, details.canonicalRequest),
    diff('pure canonicalRequest()', creq, canonicalRequest({ ...toSignable(raw), headers: withToken })),
    diff('string to sign', file('sts'), details.stringToSign),
    diff('authorization', file('authz'), authorization ?? ''),
    diffHeaders(expectedHeaders, headerSet(otherHeaders)),
  ];
}

interface AwsCContext {
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
type AwsCCase = { readonly name: string; readonly context: AwsCContext } & Readonly<Record<string, unknown>>;

function text(suiteCase: AwsCCase, file: string): string {
  const value = suiteCase[file];
  if (typeof value !== 'string') throw new Error(`the case has no ${file} file`);
  return value;
}

function awsCOptions(context: AwsCContext): SigningOptions {
  return {
    credentials: {
      accessKeyId: context.credentials.access_key_id,
      secretAccessKey: context.credentials.secret_access_key,
      sessionToken: context.credentials.token,
    },
    region: context.region,
    service: context.service,
    signingDate: new Date(context.timestamp),
    normalizePath: context.normalize,
    doubleEscapePath: true,
    contentSha256Header: context.sign_body,
    signSessionToken: context.omit_session_token !== true,
  };
}

function awsCHeaderCase(suiteCase: AwsCCase): string[] {
  const context = suiteCase.context;
  const raw = parseRawRequest(text(suiteCase, 'request'));
  const expected = parseRawRequest(text(suiteCase, 'header-signed-request'));
  const { request, details } = signRequestWithDetails(toSignable(raw), awsCOptions(context));
  const signature = /Signature=([0-9a-f]+)/.exec(request.headers['authorization'] ?? '')?.[1] ?? '';
  return [
    diff('canonical request', text(suiteCase, 'header-canonical-request'), details.canonicalRequest),
    diff('string to sign', text(suiteCase, 'header-string-to-sign'), details.stringToSign),
    diff('signature', text(suiteCase, 'header-signature'), signature),
    diffHeaders(headerSet(expected.headers), headerSet(request.headers)),
  ];
}

/** The query of a request target as sorted raw `name=value` pieces, and its path. */
function targetParts(target: string): { path: string; params: string } {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  const params = q < 0 ? [] : target.slice(q + 1).split('&');
  return { path, params: params.sort().join('&') };
}

function awsCQueryCase(suiteCase: AwsCCase): string[] {
  const context = suiteCase.context;
  const raw = parseRawRequest(text(suiteCase, 'request'));
  const expected = parseRawRequest(text(suiteCase, 'query-signed-request'));
  const { url, details } = presignUrlWithDetails(toSignable(raw), {
    ...awsCOptions(context),
    contentSha256Header: false,
    expiresIn: context.expiration_in_seconds,
  });
  const target = url.slice(url.indexOf('/', 'https://'.length));
  const ours = targetParts(target);
  const theirs = targetParts(expected.target);
  const signature = /[?&]X-Amz-Signature=([0-9a-f]+)/.exec(url)?.[1] ?? '';
  return [
    diff('canonical request', text(suiteCase, 'query-canonical-request'), details.canonicalRequest),
    diff('string to sign', text(suiteCase, 'query-string-to-sign'), details.stringToSign),
    diff('signature', text(suiteCase, 'query-signature'), signature),
    diff('signed path', theirs.path, ours.path),
    diff('signed query parameters', theirs.params.replaceAll('&', '\n'), ours.params.replaceAll('&', '\n')),
  ];
}

export const run: ConformanceSuite = async () => {
  const botocore = readConformanceJson<BotocoreCase[]>('sigv4/botocore/aws4_testsuite.json').map((c) =>
    runCase(c.name, () => botocoreCase(c)),
  );
  const awsC = readConformanceJson<AwsCCase[]>('sigv4/aws-c-auth/v4.json');
  const header = awsC.map((c) => runCase(c.name, () => awsCHeaderCase(c)));
  const query = awsC.map((c) => runCase(c.name, () => awsCQueryCase(c)));
  return [
    tally('sigv4/botocore', botocore),
    tally('sigv4/aws-c-auth-header', header),
    tally('sigv4/aws-c-auth-query', query),
  ];
};
