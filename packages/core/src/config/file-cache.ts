// Reads and parses each shared file at most once: the process-wide cache for the real file system,
// or a private one when a caller injects its own reader. Parsed files are frozen, so sharing them
// between sessions shares nothing mutable. A missing file is remembered as missing.

import { readFileSync } from 'node:fs';
import { ConfigError } from '../errors/errors.js';
import { type IniSection, parseIni } from './ini-parser.js';

/** Reads a whole file as UTF-8; returns undefined when it does not exist. */
export type ReadFileSync = (path: string) => string | undefined;

/** One parsed file; `exists` is false when there was no file at `path`. */
export interface ParsedFile {
  readonly path: string;
  readonly exists: boolean;
  readonly sections: readonly IniSection[];
}

export const readFileIfExists: ReadFileSync = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigError(`Cannot read ${path} (${code ?? 'unknown error'}); check its permissions.`, {
      cause: error,
    });
  }
};

/** Parses each path once; `reads` counts real reads (tests assert on it). */
export class ConfigFileCache {
  readonly #read: ReadFileSync;
  readonly #files = new Map<string, ParsedFile | ConfigError>();
  #reads = 0;

  constructor(read: ReadFileSync = readFileIfExists) {
    this.#read = read;
  }

  get reads(): number {
    return this.#reads;
  }

  load(path: string): ParsedFile {
    const cached = this.#files.get(path);
    if (cached instanceof ConfigError) throw cached;
    if (cached) return cached;
    this.#reads++;
    try {
      const text = this.#read(path);
      const parsed: ParsedFile = Object.freeze({
        path,
        exists: text !== undefined,
        sections: Object.freeze(text === undefined ? [] : parseIni(text, path)),
      });
      this.#files.set(path, parsed);
      return parsed;
    } catch (error) {
      // A malformed or unreadable file stays so for this process: remember the error, not just the path.
      if (error instanceof ConfigError) this.#files.set(path, error);
      throw error;
    }
  }
}

let processCache: ConfigFileCache | undefined;

/** The cache every session shares when it reads the real file system. */
export function processConfigFileCache(): ConfigFileCache {
  processCache ??= new ConfigFileCache();
  return processCache;
}
