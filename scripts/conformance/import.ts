// `pnpm conformance:import --from <conformance folder> [--upstream FILE] [--check]`: writes the
// repository's facts-only copy of the conformance vectors (fixtures/conformance/), which the runner
// and the tests read. Prose files are left behind and `documentation` strings removed; key order is
// kept (a protocol test's `params` order is the order its form body lists them). Smithy IDL models are
// converted to Smithy's JSON AST (shapes only), one file per test model. Each source keeps its LICENSE and NOTICE;
// PROVENANCE.json names every file's upstream and the SHA-256 of the bytes it was made from.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { factsOnly, factsText } from '../lib/facts-json.js';
import { parseImportArgs, syncTree } from '../lib/import-tree.js';
import { repoRoot } from '../lib/repo-data.js';
import { SmithyModelBuilder } from './smithy/idl-parser.js';

interface Upstream {
  readonly sources: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly rules: readonly { readonly match: string; readonly source: string; readonly path?: string }[];
}

const args = parseImportArgs(process.argv.slice(2), []);
const from = resolve(args.from);
const upstream = JSON.parse(
  readFileSync(
    resolve(args.options.upstream ?? join(repoRoot, 'scripts', 'conformance', 'upstream.json')),
    'utf8',
  ),
) as Upstream;

const files = new Map<string, string>();
/** Output path -> the upstream files it was made from, with their SHA-256. */
const madeFrom = new Map<string, Record<string, string>>();

const LICENSES = ['LICENSE', 'LICENSE.txt', 'NOTICE'];

function record(output: string, inputs: readonly string[]): void {
  const hashes: Record<string, string> = {};
  for (const input of [...inputs].sort())
    hashes[relative(from, input).split('\\').join('/')] = createHash('sha256')
      .update(readFileSync(input))
      .digest('hex');
  madeFrom.set(output, hashes);
}

function writeJson(output: string, value: unknown, inputs: readonly string[]): void {
  files.set(output, factsText(factsOnly(value, { sortKeys: false })));
  record(output, inputs);
}

function licenses(sourceDir: string, outDir: string): void {
  for (const name of LICENSES) {
    const path = join(from, sourceDir, name);
    if (existsSync(path)) files.set(`${outDir}/${name}`, readFileSync(path).toString('utf8'));
  }
}

function walk(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...walk(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

// ---- SigV4: one JSON file per suite, a case per folder, each file's text under its name ----

function botocoreSigv4(): void {
  const dir = join(from, 'sigv4', 'botocore', 'aws4_testsuite');
  const requests = walk(dir, (p) => p.endsWith('.req'));
  const cases = requests.map((req) => {
    const base = req.slice(0, -'.req'.length);
    const entry: Record<string, string> = { name: relative(dir, base.slice(0, base.lastIndexOf('/'))) };
    for (const ext of ['req', 'creq', 'sts', 'authz', 'sreq'])
      if (existsSync(`${base}.${ext}`)) entry[ext] = readFileSync(`${base}.${ext}`).toString('utf8');
    return entry;
  });
  writeJson(
    'sigv4/botocore/aws4_testsuite.json',
    cases,
    requests.flatMap((r) => caseFiles(r)),
  );
  licenses('sigv4/botocore/aws4_testsuite', 'sigv4/botocore');
}

function caseFiles(req: string): string[] {
  const base = req.slice(0, -'.req'.length);
  return ['req', 'creq', 'sts', 'authz', 'sreq'].map((ext) => `${base}.${ext}`).filter((p) => existsSync(p));
}

function awsCSigv4(version: 'v4' | 'v4a'): void {
  const dir = join(from, 'sigv4', 'aws-c-auth', 'aws-signing-test-suite', version);
  const inputs: string[] = [];
  const cases = readdirSync(dir)
    .sort()
    .filter((name) => existsSync(join(dir, name, 'context.json')))
    .map((name) => {
      const entry: Record<string, unknown> = { name };
      for (const file of readdirSync(join(dir, name)).sort()) {
        const path = join(dir, name, file);
        inputs.push(path);
        const text = readFileSync(path).toString('utf8');
        const key = file.replace(/\.(txt|json)$/, '');
        entry[key] = file.endsWith('.json') ? JSON.parse(text) : text;
      }
      return entry;
    });
  writeJson(`sigv4/aws-c-auth/${version}.json`, cases, inputs);
}

// ---- protocol tests: botocore's JSON as it is, Smithy's IDL as JSON AST ----

function botocoreProtocols(): void {
  const dir = join(from, 'protocols', 'botocore');
  for (const path of walk(dir, (p) => p.endsWith('.json')))
    writeJson(`protocols/botocore/${relative(dir, path)}`, JSON.parse(readFileSync(path).toString('utf8')), [
      path,
    ]);
  licenses('protocols/botocore', 'protocols/botocore');
}

function smithyProtocols(): void {
  const dir = join(from, 'protocols', 'smithy');
  for (const project of ['smithy-aws-protocol-tests', 'smithy-protocol-tests']) {
    const modelDir = join(dir, project, 'model');
    for (const entry of readdirSync(modelDir).sort()) {
      const path = join(modelDir, entry);
      const sources = statSync(path).isDirectory() ? walk(path, (p) => p.endsWith('.smithy')) : [path];
      if (sources.length === 0 || !sources.every((s) => s.endsWith('.smithy'))) continue;
      const builder = new SmithyModelBuilder();
      for (const source of sources)
        builder.add(readFileSync(source).toString('utf8'), relative(from, source));
      // Model metadata holds validator suppressions and their reasons (prose), never test facts.
      const { metadata: _metadata, ...model } = builder.build();
      writeJson(`protocols/smithy/${project}/${basename(entry, '.smithy')}.json`, model, sources);
    }
  }
  licenses('protocols/smithy', 'protocols/smithy');
}

// ---- retries and endpoints ----

function retries(): void {
  for (const sub of ['botocore', 'generated']) {
    const dir = join(from, 'retries', sub);
    for (const path of walk(dir, (p) => p.endsWith('.json')))
      writeJson(`retries/${sub}/${relative(dir, path)}`, JSON.parse(readFileSync(path).toString('utf8')), [
        path,
      ]);
  }
  licenses('retries/botocore', 'retries/botocore');
}

function endpoints(): void {
  const dir = join(from, 'endpoints', 'botocore');
  for (const service of readdirSync(dir).sort()) {
    const path = join(dir, service, 'endpoint-tests-1.json');
    if (existsSync(path))
      writeJson(`endpoints/botocore/${service}.json`, JSON.parse(readFileSync(path).toString('utf8')), [
        path,
      ]);
  }
  licenses('endpoints/botocore', 'endpoints/botocore');
}

function provenance(): void {
  const sourceOf = (output: string) => {
    const rule = upstream.rules.find((r) => output.startsWith(r.match));
    if (rule === undefined) throw new Error(`conformance:import: no upstream rule for ${output}`);
    return { source: rule.source, ...(rule.path === undefined ? {} : { path: rule.path }) };
  };
  const entries = [...madeFrom.keys()]
    .sort()
    .map((output) => [output, { ...sourceOf(output), from: madeFrom.get(output) }]);
  files.set(
    'PROVENANCE.json',
    `${JSON.stringify({ sources: upstream.sources, files: Object.fromEntries(entries) }, null, 1)}\n`,
  );
}

botocoreSigv4();
awsCSigv4('v4');
awsCSigv4('v4a');
botocoreProtocols();
smithyProtocols();
retries();
endpoints();
provenance();
process.exitCode = syncTree(join(repoRoot, 'fixtures', 'conformance'), files, {
  check: args.check,
  keep: ['README.md'],
  label: 'conformance',
});
