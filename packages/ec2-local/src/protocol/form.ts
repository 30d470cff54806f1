// Decodes `application/x-www-form-urlencoded` bodies and URL query strings into ordered key/value pairs.
// Percent escapes are decoded to bytes and then read as UTF-8; `+` means a space (form semantics).

import { Ec2Error } from './errors.js';

function hexValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/**
 * Decodes one form component. `plusIsSpace` is true for parameters and false for the SigV4 canonical
 * query (where a literal `+` is just a `+`). Throws `MalformedQueryString` on a broken `%` escape.
 */
export function decodeComponent(text: string, plusIsSpace: boolean): string {
  if (!text.includes('%') && !(plusIsSpace && text.includes('+'))) return text;
  const source = Buffer.from(text, 'utf8');
  const bytes = Buffer.alloc(source.length);
  let length = 0;
  for (let i = 0; i < source.length; i++) {
    const byte = source[i]!;
    if (byte === 0x25) {
      const high = hexValue(source[i + 1] ?? -1);
      const low = hexValue(source[i + 2] ?? -1);
      if (high < 0 || low < 0) {
        throw new Ec2Error(
          'MalformedQueryString',
          `The query string contains a broken percent escape near "${text.slice(0, 40)}": a "%" must be followed by two hex digits.`,
        );
      }
      bytes[length++] = high * 16 + low;
      i += 2;
    } else if (byte === 0x2b && plusIsSpace) {
      bytes[length++] = 0x20;
    } else {
      bytes[length++] = byte;
    }
  }
  return bytes.toString('utf8', 0, length);
}

/** Splits `a=1&b=2` into decoded pairs, in order; empty segments are skipped, a bare `k` is `k=""`. */
export function parseForm(text: string, plusIsSpace = true): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  if (text === '') return pairs;
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const rawKey = eq < 0 ? segment : segment.slice(0, eq);
    const rawValue = eq < 0 ? '' : segment.slice(eq + 1);
    pairs.push([decodeComponent(rawKey, plusIsSpace), decodeComponent(rawValue, plusIsSpace)]);
  }
  return pairs;
}
