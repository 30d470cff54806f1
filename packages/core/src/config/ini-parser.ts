// Parses the text of an AWS config or credentials file into sections, keeping nested sub-sections
// (`s3 =` followed by indented `key = value` lines) and line numbers. Pure: no file access, no profiles.
//
// Rules, as botocore's configparser-based loader applies them:
// - `[name]` opens a section; text after `]` may only be a comment.
// - Lines whose first non-blank character is `#` or `;` are comments. A `#`/`;` inside a value is kept
//   (`credential_process = sh -c "a; b"` means what it says).
// - `key = value` (or `key: value`); keys are case-insensitive (stored lower-cased), values are trimmed.
// - An indented line after `key =` with an empty value is a nested `subkey = value` of `key`; after a
//   non-empty value it continues that value on a new line.
// - A repeated section or key merges, the later value winning.
// Messages never quote a malformed line: it may hold a secret key.

import { ConfigError } from '../errors/errors.js';

/** One `[section]` of a file, in the form the rest of the config code reads. */
export interface IniSection {
  /** The text between the brackets, trimmed (`profile dev`, `default`, `sso-session corp`). */
  readonly name: string;
  /** Plain `key = value` pairs, keys lower-cased. A key with nested lines has the value `''` here. */
  readonly values: ReadonlyMap<string, string>;
  /** Nested sub-sections: `ec2 =` followed by indented lines gives `nested.get('ec2')`. */
  readonly nested: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** 1-based line of the (first) section header, for messages. */
  readonly line: number;
}

interface MutableSection {
  name: string;
  values: Map<string, string>;
  nested: Map<string, Map<string, string>>;
  line: number;
}

function isComment(trimmed: string): boolean {
  return trimmed.startsWith('#') || trimmed.startsWith(';');
}

/** Index of the first `=` or `:` (configparser accepts both delimiters), or -1. */
function delimiterIndex(text: string): number {
  const eq = text.indexOf('=');
  const colon = text.indexOf(':');
  if (eq === -1) return colon;
  if (colon === -1) return eq;
  return Math.min(eq, colon);
}

/**
 * Parses `text` (the contents of `file`). Throws ConfigError naming the file and the 1-based line
 * of the first malformed line. The file name is only used in messages.
 */
export function parseIni(text: string, file: string): IniSection[] {
  const sections = new Map<string, MutableSection>();
  let current: MutableSection | undefined;
  /** The key of the last property line in `current`, for continuation and nested lines. */
  let lastKey: string | undefined;
  const lines = text.split(/\r?\n/);
  const fail = (lineNumber: number, what: string): never => {
    throw new ConfigError(
      `${file}, line ${lineNumber}: ${what}. Fix the file (see "Configuration and credential file settings" in the AWS CLI guide).`,
      { code: 'ConfigParseError' },
    );
  };

  for (let index = 0; index < lines.length; index++) {
    const lineNumber = index + 1;
    const raw = lines[index] ?? '';
    const line = index === 0 ? raw.replace(/^\uFEFF/, '') : raw;
    const trimmed = line.trim();
    if (trimmed === '' || isComment(trimmed)) continue;
    const indented = /^[ \t]/.test(line);

    if (indented && current && lastKey !== undefined) {
      const existingNested = current.nested.get(lastKey);
      const plain = current.values.get(lastKey) ?? '';
      if (existingNested || plain === '') {
        const at = delimiterIndex(trimmed);
        if (at <= 0) fail(lineNumber, `expected "key = value" under "${lastKey} ="`);
        const nested = existingNested ?? new Map<string, string>();
        nested.set(trimmed.slice(0, at).trim().toLowerCase(), trimmed.slice(at + 1).trim());
        current.nested.set(lastKey, nested);
      } else {
        current.values.set(lastKey, `${plain}\n${trimmed}`);
      }
      continue;
    }

    if (!indented && trimmed.startsWith('[')) {
      const close = trimmed.indexOf(']');
      if (close === -1) fail(lineNumber, 'a section header is missing its closing "]"');
      const name = trimmed.slice(1, close).trim();
      const rest = trimmed.slice(close + 1).trim();
      if (name === '') fail(lineNumber, 'a section header has no name');
      if (rest !== '' && !isComment(rest))
        fail(lineNumber, `unexpected text after the section header "[${name}]"`);
      const existing = sections.get(name);
      current = existing ?? { name, values: new Map(), nested: new Map(), line: lineNumber };
      if (!existing) sections.set(name, current);
      lastKey = undefined;
      continue;
    }

    const at = delimiterIndex(trimmed);
    if (at === -1) fail(lineNumber, 'expected "[section]" or "key = value"');
    if (at === 0) fail(lineNumber, 'a property has no name before "="');
    if (!current) fail(lineNumber, 'a property appears before any [section] header');
    const section = current as MutableSection;
    const key = trimmed.slice(0, at).trim().toLowerCase();
    section.values.set(key, trimmed.slice(at + 1).trim());
    section.nested.delete(key);
    lastKey = key;
  }
  return [...sections.values()];
}
