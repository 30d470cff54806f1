// Percent-encoding as SigV4 wants it (RFC 3986, upper-case hex, UTF-8 bytes), from lookup tables.
// Owns: `uriEncode` (encode every byte but the unreserved ones) and `recodePercent` (bring text
// that is already partly percent-encoded to that same canonical form). Knows nothing of URLs.

/** `%00` .. `%FF`, upper-case, indexed by byte. */
const PERCENT: readonly string[] = Array.from(
  { length: 256 },
  (_, byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
);

/** 1 for the RFC 3986 unreserved characters `A-Z a-z 0-9 - . _ ~`, indexed by ASCII code. */
const UNRESERVED = new Uint8Array(128);
for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~') {
  UNRESERVED[c.charCodeAt(0)] = 1;
}

/** Value of an ASCII hex digit, or -1. */
const HEX_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  HEX_VALUE['0123456789abcdef'.charCodeAt(i)] = i;
  HEX_VALUE['0123456789ABCDEF'.charCodeAt(i)] = i;
}

const SLASH = 0x2f;
const PERCENT_SIGN = 0x25;

/** True when the character code is unreserved, or a `/` that the caller keeps. */
function isKept(code: number, keepSlash: boolean): boolean {
  return code < 128 && (UNRESERVED[code] === 1 || (keepSlash && code === SLASH));
}

/**
 * The UTF-8 bytes of one code point, percent-encoded. A lone surrogate is written as U+FFFD, as a
 * URL parser or TextEncoder would send it.
 */
function encodeCodePoint(codePoint: number): string {
  const code = codePoint >= 0xd800 && codePoint <= 0xdfff ? 0xfffd : codePoint;
  if (code < 0x80) return PERCENT[code]!;
  if (code < 0x800) return PERCENT[0xc0 | (code >> 6)]! + PERCENT[0x80 | (code & 0x3f)]!;
  if (code < 0x10000) {
    return (
      PERCENT[0xe0 | (code >> 12)]! + PERCENT[0x80 | ((code >> 6) & 0x3f)]! + PERCENT[0x80 | (code & 0x3f)]!
    );
  }
  return (
    PERCENT[0xf0 | (code >> 18)]! +
    PERCENT[0x80 | ((code >> 12) & 0x3f)]! +
    PERCENT[0x80 | ((code >> 6) & 0x3f)]! +
    PERCENT[0x80 | (code & 0x3f)]!
  );
}

/**
 * URI-encodes `value` the SigV4 way: every UTF-8 byte except `A-Z a-z 0-9 - . _ ~` becomes `%XY`
 * (a space is `%20`, never `+`). With `keepSlash`, `/` stays as it is (for paths).
 * Returns `value` itself when nothing needs encoding.
 */
export function uriEncode(value: string, keepSlash = false): string {
  const length = value.length;
  let i = 0;
  while (i < length && isKept(value.charCodeAt(i), keepSlash)) i++;
  if (i === length) return value;
  let out = value.slice(0, i);
  while (i < length) {
    const code = value.charCodeAt(i);
    if (isKept(code, keepSlash)) {
      out += value[i];
      i++;
    } else {
      const codePoint = value.codePointAt(i)!;
      out += encodeCodePoint(codePoint);
      i += codePoint > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/**
 * Canonical form of text that may already be percent-encoded (a query key or value, an S3 path):
 * each valid `%XY` is read as the byte it stands for, then every byte is written as `uriEncode`
 * would write it (so `%7e` -> `~`, `%2f` -> `%2F`, `a b` -> `a%20b`, `%zz` -> `%25zz`).
 * Returns `value` itself when it is already canonical.
 */
export function recodePercent(value: string, keepSlash = false): string {
  const length = value.length;
  let i = 0;
  while (i < length && isKept(value.charCodeAt(i), keepSlash)) i++;
  if (i === length) return value;
  let out = value.slice(0, i);
  while (i < length) {
    const code = value.charCodeAt(i);
    if (isKept(code, keepSlash)) {
      out += value[i];
      i++;
      continue;
    }
    if (code === PERCENT_SIGN && i + 2 < length) {
      const high = hexValue(value.charCodeAt(i + 1));
      const low = hexValue(value.charCodeAt(i + 2));
      if (high >= 0 && low >= 0) {
        const byte = (high << 4) | low;
        // An escaped unreserved character is written plainly; every other byte stays escaped.
        // `keepSlash` is about literal separators: an escaped slash (%2F) stays escaped.
        out += byte < 128 && UNRESERVED[byte] === 1 ? String.fromCharCode(byte) : PERCENT[byte];
        i += 3;
        continue;
      }
    }
    const codePoint = value.codePointAt(i)!;
    out += encodeCodePoint(codePoint);
    i += codePoint > 0xffff ? 2 : 1;
  }
  return out;
}

function hexValue(code: number): number {
  return code < 128 ? HEX_VALUE[code]! : -1;
}
