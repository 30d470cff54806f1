// `pnpm models:import --from <botocore data folder> [--service NAME...] [--upstream FILE] [--check]`:
// writes the repository's facts-only copy of the service models (models/), the generator's only input.
// Each service's newest version folder, every file but examples-1.json, prose removed, keys sorted
// where their order means nothing (structure members keep theirs: it is the wire order), compact JSON;
// partitions.json and sdk-default-configuration.json; the upstream LICENSE and NOTICE; PROVENANCE.json
// naming each file's upstream and the SHA-256 of the bytes it was made from. Same input, same bytes.
// `--check` writes nothing and exits 1 when the committed copy differs from a fresh import.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { factsOnly, factsText } from '../lib/facts-json.js';
import { parseImportArgs, syncTree } from '../lib/import-tree.js';
import { modelsDir, repoRoot } from '../lib/repo-data.js';

interface Upstream {
  readonly sources: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly rules: readonly { readonly match: string; readonly source: string }[];
}

const ROOT_FILES = ['partitions.json', 'sdk-default-configuration.json'];
const LICENSE_FILES = ['LICENSE.txt', 'NOTICE'];
/** Upstream keys that are prose in a file kind where they are not called `documentation`. */
const EXTRA_PROSE: Readonly<Record<string, readonly string[]>> = { 'waiters-2.json': ['description'] };

const args = parseImportArgs(process.argv.slice(2), ['service']);
const from = resolve(args.from);
const upstream = JSON.parse(
  readFileSync(
    resolve(args.options.upstream ?? join(repoRoot, 'scripts', 'models', 'upstream.json')),
    'utf8',
  ),
) as Upstream;

/** `*` matches one path segment or, alone, everything. */
function sourceOf(path: string): string {
  for (const rule of upstream.rules) {
    if (rule.match === '*') return rule.source;
    const pattern = new RegExp(`^${rule.match.split('*').map(escapeRegExp).join('[^/]+')}$`);
    if (pattern.test(path)) return rule.source;
  }
  throw new Error(`models:import: no upstream rule matches ${path}`);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

/** Service folders of a botocore data folder: those with a `<version>/service-2.json`. */
function serviceVersions(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const service of readdirSync(dir).sort()) {
    const serviceDir = join(dir, service);
    if (!statSync(serviceDir).isDirectory()) continue;
    const versions = readdirSync(serviceDir)
      .filter((v) => existsSync(join(serviceDir, v, 'service-2.json')))
      .sort();
    const newest = versions.at(-1);
    if (newest !== undefined) found.set(service, newest);
  }
  return found;
}

/** The first of `dir`, its parent and grandparent that holds `name` (botocore keeps LICENSE at its root). */
function findUp(dir: string, name: string): string | undefined {
  for (const candidate of [dir, join(dir, '..'), join(dir, '..', '..')])
    if (existsSync(join(candidate, name))) return join(candidate, name);
  return undefined;
}

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

function main(): number {
  const available = serviceVersions(from);
  const wanted = args.lists.service ?? [...available.keys()];
  for (const service of wanted)
    if (!available.has(service)) throw new Error(`models:import: ${from} has no service ${service}`);

  const files = new Map<string, string>();
  const provenance: Record<string, { source: string; sha256: string }> = {};
  const take = (relative: string, upstreamPath: string): void => {
    const bytes = readFileSync(upstreamPath);
    const name = relative.slice(relative.lastIndexOf('/') + 1);
    const facts = factsOnly(JSON.parse(bytes.toString('utf8')), {
      sortKeys: true,
      extraProseKeys: EXTRA_PROSE[name],
    });
    files.set(relative, factsText(facts));
    provenance[relative] = { source: sourceOf(relative), sha256: sha256(bytes) };
  };

  for (const service of wanted) {
    const version = available.get(service) as string;
    const dir = join(from, service, version);
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.json') || name === 'examples-1.json') continue;
      take(`${service}/${version}/${name}`, join(dir, name));
    }
  }
  for (const name of ROOT_FILES) if (existsSync(join(from, name))) take(name, join(from, name));
  for (const name of LICENSE_FILES) {
    const path = findUp(from, name);
    if (path !== undefined) files.set(name, readFileSync(path, 'utf8'));
  }

  // A partial import (--service) keeps the other services' files and provenance as they are.
  const partial = args.lists.service !== undefined;
  const previous = partial ? readPrevious() : {};
  const merged = { ...previous, ...provenance };
  const sortedFiles = Object.fromEntries(
    Object.keys(merged)
      .sort()
      .map((k) => [k, merged[k]]),
  );
  files.set(
    'PROVENANCE.json',
    `${JSON.stringify({ sources: upstream.sources, files: sortedFiles }, null, 1)}\n`,
  );

  const owned = (relative: string): boolean =>
    !partial || wanted.some((service) => relative.startsWith(`${service}/`)) || !relative.includes('/');
  return syncTree(modelsDir, files, { check: args.check, owned, keep: ['README.md'], label: 'models' });
}

function readPrevious(): Record<string, { source: string; sha256: string }> {
  const path = join(modelsDir, 'PROVENANCE.json');
  if (!existsSync(path)) return {};
  return (
    JSON.parse(readFileSync(path, 'utf8')) as { files: Record<string, { source: string; sha256: string }> }
  ).files;
}

process.exitCode = main();
