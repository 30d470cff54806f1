// What the import scripts (models, conformance) share: their command line, and making a folder of the
// repository hold exactly a set of files (or, with --check, saying how it differs without writing).

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface ImportArgs {
  readonly from: string;
  readonly check: boolean;
  /** Single-valued options (`--upstream FILE`). */
  readonly options: Readonly<Record<string, string>>;
  /** Repeatable options (`--service a --service b`, or `--service a b`). */
  readonly lists: Readonly<Record<string, readonly string[]>>;
}

/** `--from DIR` is required; names in `listNames` take one or more values. */
export function parseImportArgs(argv: readonly string[], listNames: readonly string[]): ImportArgs {
  const options: Record<string, string> = {};
  const lists: Record<string, string[]> = {};
  let check = false;
  let current: string[] | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--check') {
      check = true;
      current = undefined;
    } else if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (listNames.includes(name)) current = lists[name] ??= [];
      else {
        const value = argv[++i];
        if (value === undefined || value.startsWith('--')) usage(`${arg} needs a value`);
        options[name] = value;
        current = undefined;
      }
    } else if (current !== undefined) current.push(arg);
    else usage(`unexpected argument ${arg}`);
  }
  const from = options.from;
  if (from === undefined) usage('--from <folder> is required');
  return { from, check, options, lists };
}

function usage(problem: string): never {
  console.error(`${problem}\nusage: --from <folder> [--service NAME...] [--upstream FILE] [--check]`);
  process.exit(2);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(dir, path).split('\\').join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export interface SyncOptions {
  readonly check: boolean;
  /** Files this import owns (others under `dir` are left alone); default every file. */
  readonly owned?: (relativePath: string) => boolean;
  /** Owned paths that are hand-written and never removed (a README). */
  readonly keep?: readonly string[];
  /** Printed in messages. */
  readonly label: string;
}

/**
 * Makes `dir` hold `files` (relative path -> content): writes what differs, removes owned files that
 * are not in `files`. With `check`, writes nothing and returns 1 when anything would change.
 */
export function syncTree(dir: string, files: ReadonlyMap<string, string>, options: SyncOptions): number {
  const owned = options.owned ?? (() => true);
  const keep = new Set(options.keep ?? []);
  const stale = listFiles(dir).filter((path) => owned(path) && !keep.has(path) && !files.has(path));
  const changed = [...files].filter(([path, content]) => {
    const target = join(dir, path);
    return !existsSync(target) || readFileSync(target, 'utf8') !== content;
  });
  if (options.check) {
    for (const [path] of changed) console.error(`${options.label}: ${path} differs from a fresh import`);
    for (const path of stale) console.error(`${options.label}: ${path} is not in a fresh import`);
    const clean = changed.length === 0 && stale.length === 0;
    console.log(
      `${options.label}: ${files.size} files, ${clean ? 'identical to a fresh import' : 'out of date'}`,
    );
    return clean ? 0 : 1;
  }
  for (const path of stale) rmSync(join(dir, path));
  for (const [path, content] of changed) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  removeEmptyFolders(dir);
  const bytes = [...files.values()].reduce((sum, content) => sum + Buffer.byteLength(content), 0);
  console.log(
    `${options.label}: ${files.size} files (${(bytes / 1e6).toFixed(2)} MB), ${changed.length} written, ${stale.length} removed`,
  );
  return 0;
}

function removeEmptyFolders(dir: string): void {
  if (!existsSync(dir)) return;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const path = join(dir, entry.name);
    removeEmptyFolders(path);
    if (readdirSync(path).length === 0) rmSync(path, { recursive: true });
  }
}
