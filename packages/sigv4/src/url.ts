// Splits an absolute http(s) URL into the parts SigV4 signs: host, raw path, raw query.
// The path and query are kept exactly as written (no WHATWG re-encoding); only the host is
// normalized the way an HTTP client will send it (lower case, default port dropped, IDN to ASCII).

import { SigningError } from './errors.js';

export interface UrlParts {
  /** The `Host` header an HTTP client sends for this URL: `example.com`, `127.0.0.1:8080`. */
  readonly host: string;
  /** Raw path, `/` when the URL has none. */
  readonly path: string;
  /** Raw query without the `?`, `''` when there is none. */
  readonly query: string;
  /** The URL up to the end of its path (scheme, authority, path), fragment and query cut off. */
  readonly base: string;
}

/** 1 for characters a plain ASCII host name or IPv4 address (and `:port`) is made of. */
const PLAIN_HOST = new Uint8Array(128);
for (const c of 'abcdefghijklmnopqrstuvwxyz0123456789.-:') PLAIN_HOST[c.charCodeAt(0)] = 1;

/**
 * Splits `url`. Plain ASCII hosts take a fast path; anything else (IPv6, IDN, user info, upper
 * case) goes through `new URL` for the host alone. Throws SigningError (field `url`) when the URL
 * is not absolute http(s) or has no valid host.
 */
export function splitUrl(url: string): UrlParts {
  if (url === lastUrl && lastParts !== undefined) return lastParts;
  const parts = split(url);
  lastUrl = url;
  lastParts = parts;
  return parts;
}

/** The last URL split: a client sends most requests to one endpoint URL. */
let lastUrl: string | undefined;
let lastParts: UrlParts | undefined;

function split(url: string): UrlParts {
  if (typeof url !== 'string') throw new SigningError('url', 'must be a string (an absolute http(s) URL).');
  const schemeEnd = url.indexOf('://');
  const scheme = schemeEnd > 0 ? url.slice(0, schemeEnd).toLowerCase() : '';
  if (scheme !== 'https' && scheme !== 'http') {
    throw new SigningError('url', 'must be an absolute URL starting with https:// or http://.');
  }
  const authorityStart = schemeEnd + 3;
  let authorityEnd = authorityStart;
  const length = url.length;
  let plain = true;
  while (authorityEnd < length) {
    const code = url.charCodeAt(authorityEnd);
    if (code === 0x2f /* / */ || code === 0x3f /* ? */ || code === 0x23 /* # */) break;
    if (code >= 128 || PLAIN_HOST[code] !== 1) plain = false;
    authorityEnd++;
  }
  let queryStart = url.indexOf('?', authorityEnd);
  let fragmentStart = url.indexOf('#', authorityEnd);
  if (fragmentStart < 0) fragmentStart = length;
  if (queryStart > fragmentStart) queryStart = -1;
  const pathEnd = queryStart < 0 ? fragmentStart : queryStart;
  const path = pathEnd > authorityEnd ? url.slice(authorityEnd, pathEnd) : '/';
  const query = queryStart < 0 ? '' : url.slice(queryStart + 1, fragmentStart);
  const authority = url.slice(authorityStart, authorityEnd);
  // A last label starting with a digit makes a URL parser read the host as IPv4 (`127.1` is
  // 127.0.0.1, `a.0` is invalid): leave those to it.
  const host = plain && !endsWithNumericLabel(authority) ? plainHost(authority, scheme) : parsedHost(url);
  return { host, path, query, base: url.slice(0, pathEnd) };
}

function endsWithNumericLabel(authority: string): boolean {
  const colon = authority.indexOf(':');
  const name = colon < 0 ? authority : authority.slice(0, colon);
  const code = name.charCodeAt(name.lastIndexOf('.', name.length - 2) + 1);
  return code >= 0x30 && code <= 0x39;
}

/** `host[:port]` made of `[a-z0-9.-]`, with the scheme's default port dropped. */
function plainHost(authority: string, scheme: string): string {
  const colon = authority.indexOf(':');
  const name = colon < 0 ? authority : authority.slice(0, colon);
  if (name.length === 0 || name.charCodeAt(0) === 0x2e || name.charCodeAt(0) === 0x2d) {
    throw new SigningError('url', 'has no valid host name.');
  }
  if (colon < 0) return authority;
  const port = authority.slice(colon + 1);
  if (port.length === 0) return name;
  if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) {
    throw new SigningError('url', 'has an invalid port (expected 0-65535).');
  }
  const defaultPort = scheme === 'https' ? 443 : 80;
  return Number(port) === defaultPort ? name : `${name}:${Number(port)}`;
}

/** The host as a WHATWG URL parser (and so the HTTP client) sends it. */
function parsedHost(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    // The parser's error quotes the URL, which may hold a token: it is not attached.
    throw new SigningError('url', 'cannot be parsed as a URL.');
  }
  if (parsed.hostname === '') throw new SigningError('url', 'has no host.');
  return parsed.host;
}
