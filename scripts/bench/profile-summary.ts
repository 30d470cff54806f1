// Reads a V8 .cpuprofile (node --cpu-prof) and says where the time went: self time per function and
// per module (our package files by path, dependencies by package name, Node's internals as `node:`).

import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from './paths.js';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export interface CostLine {
  readonly name: string;
  readonly ms: number;
  readonly share: number;
}

export interface ProfileSummary {
  readonly totalMs: number;
  readonly functions: CostLine[];
  readonly modules: CostLine[];
}

/** `@smithy/core`, `@boto-ts/core/dist/xml/scanner.js`, `node:internal/...`, or a pseudo-frame name. */
export function moduleOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : '(native)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const inModules = path.lastIndexOf('/node_modules/');
  if (inModules >= 0) {
    const parts = path.slice(inModules + '/node_modules/'.length).split('/');
    // Ours by file (that is what a reader acts on), dependencies by package.
    if (parts[0] === '@boto-ts') return parts.join('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  return relative(repoRoot, path);
}

function top(costs: Map<string, number>, totalMs: number, count: number): CostLine[] {
  return [...costs]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

export function summarizeProfile(profile: CpuProfile, count = 20): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const functions = new Map<string, number>();
  const modules = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id)?.callFrame;
    if (frame === undefined || frame.functionName === '(idle)') return;
    total += ms;
    const module = moduleOf(frame.url, frame.functionName);
    const fn = `${frame.functionName || '(anonymous)'} ${module}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + ms);
    modules.set(module, (modules.get(module) ?? 0) + ms);
  });
  return { totalMs: total, functions: top(functions, total, count), modules: top(modules, total, count) };
}

export function readProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
}

export function formatSummary(title: string, summary: ProfileSummary): string {
  const line = (c: CostLine) =>
    `  ${c.ms.toFixed(1).padStart(9)} ms ${(c.share * 100).toFixed(1).padStart(5)}%  ${c.name}`;
  return [
    `## ${title}: ${summary.totalMs.toFixed(0)} ms on CPU (idle excluded)`,
    'self time by module:',
    ...summary.modules.map(line),
    'self time by function:',
    ...summary.functions.map(line),
    '',
  ].join('\n');
}
