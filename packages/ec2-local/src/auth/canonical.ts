// The pure pieces of SigV4 as a server rebuilds them: canonical URI, query and headers, the canonical
// request, the string to sign and the signing key. Written from the SigV4 specification, on purpose
// independent of any signer in this repository; tests cross-check it against @smithy/signature-v4
// and AWS's own signing test suite.

import { createHash, createHmac } from 'node:crypto';
import { decodeComponent } from '../protocol/form.js';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** RFC 3986 percent-encoding of the UTF-8 bytes of `text`; `/` is kept when `keepSlash`. */
export function uriEncode(text: string, keepSlash: boolean): string {
  let out = '';
  for (const char of text) {
    if (UNRESERVED.test(char) || (keepSlash && char === '/')) {
      out += char;
      continue;
    }
    for (const byte of Buffer.from(char, 'utf8'))
      out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** RFC 3986 dot-segment removal plus collapsing of empty segments, as every non-S3 service does. */
export function normalizePath(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const joined = `/${segments.join('/')}`;
  return path.endsWith('/') && joined !== '/' ? `${joined}/` : joined;
}

/**
 * The canonical URI from the path as it arrived on the wire: normalized, then every byte outside the
 * unreserved set encoded. A path that was already percent-encoded is therefore encoded a second time,
 * which is what SigV4 asks of every service except S3.
 */
export function canonicalUri(rawPath: string): string {
  return uriEncode(normalizePath(rawPath === '' ? '/' : rawPath), true);
}

/**
 * The canonical query string from the raw query (without `?`): each name and value decoded once,
 * re-encoded with RFC 3986 rules, sorted by name then value. `omit` names are left out
 * (`X-Amz-Signature` for presigned requests).
 */
export function canonicalQuery(rawQuery: string, omit: readonly string[] = []): string {
  const pairs: Array<[string, string]> = [];
  for (const segment of rawQuery.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodeComponent(eq < 0 ? segment : segment.slice(0, eq), false);
    if (omit.includes(name)) continue;
    const value = eq < 0 ? '' : decodeComponent(segment.slice(eq + 1), false);
    pairs.push([uriEncode(name, false), uriEncode(value, false)]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([n, v]) => `${n}=${v}`).join('&');
}

/** `name:value\n` for each signed header: values trimmed, inner whitespace runs collapsed, repeats joined by `,`. */
export function canonicalHeaders(
  headers: ReadonlyArray<readonly [string, string]>,
  signedHeaders: readonly string[],
): string {
  const values = new Map<string, string[]>();
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const list = values.get(lower);
    const clean = value.trim().replace(/\s+/g, ' ');
    if (list) list.push(clean);
    else values.set(lower, [clean]);
  }
  return signedHeaders.map((name) => `${name}:${(values.get(name) ?? []).join(',')}\n`).join('');
}

export interface CanonicalRequestParts {
  readonly method: string;
  readonly uri: string;
  readonly query: string;
  readonly headers: string;
  readonly signedHeaders: readonly string[];
  readonly payloadHash: string;
}

export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method,
    parts.uri,
    parts.query,
    parts.headers,
    parts.signedHeaders.join(';'),
    parts.payloadHash,
  ].join('\n');
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function credentialScope(date: string, region: string, service: string): string {
  return `${date}/${region}/${service}/aws4_request`;
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `${ALGORITHM}\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}

/** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
export function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

export function hmacHex(key: Uint8Array, data: string): string {
  return createHmac('sha256', key).update(data).digest('hex');
}
