// `pnpm codegen`: runs every emitter against the repository's models/, then replaces each generated folder
// with the new output in one go. Output is deterministic, so CI regenerates and diffs.

import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, type Emitter } from './context.js';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const modelsDir = join(repoRoot, 'models');

/** Every emitter, in order. Each owns the generated folders it lists. */
const emitters: { name: string; outputs: string[]; load: () => Promise<Emitter> }[] = [
  {
    name: 'endpoints',
    outputs: ['packages/core/src/generated/partitions.ts'],
    load: async () => (await import('./emit-endpoints.js')).emitEndpoints,
  },
  {
    name: 'client-ec2',
    outputs: ['packages/client-ec2/src/generated'],
    load: async () => (await import('./emit-clients.js')).emitEc2Client,
  },
  {
    name: 'sts',
    outputs: ['packages/core/src/generated/sts'],
    load: async () => (await import('./emit-clients.js')).emitStsClient,
  },
  {
    name: 'ec2-regions',
    outputs: ['packages/core/src/generated/ec2-regions'],
    load: async () => (await import('./emit-clients.js')).emitEc2RegionsClient,
  },
  {
    name: 'paginators',
    outputs: ['packages/paginators/src/generated'],
    load: async () => (await import('./emit-paginators.js')).emitPaginators,
  },
  {
    name: 'waiters',
    outputs: ['packages/waiters/src/generated'],
    load: async () => (await import('./emit-waiters.js')).emitWaiters,
  },
  {
    name: 'resources',
    outputs: ['packages/resources-ec2/src/generated'],
    load: async () => (await import('./emit-resources.js')).emitResources,
  },
];

/** The folders the emitters own; each is removed and rewritten whole. */
async function main(): Promise<void> {
  const files = new Map<string, string>();
  const context = createContext(repoRoot, modelsDir, files);
  for (const emitter of emitters) await (await emitter.load())(context);
  for (const emitter of emitters)
    for (const dir of emitter.outputs) rmSync(join(repoRoot, dir), { recursive: true, force: true });
  for (const [path, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    const target = join(repoRoot, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, content);
  }
  console.log(`codegen: wrote ${files.size} files`);
}

await main();
