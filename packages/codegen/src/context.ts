// What every emitter receives: where the models are, and a writer that records each generated file
// so main.ts can write them all at once (no half-written output when one emitter fails).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CodegenContext {
  /** The repository root. */
  readonly repoRoot: string;
  /** The botocore-format models folder (the repository's `models/`). */
  readonly modelsDir: string;
  /** Parses a JSON file under modelsDir (`readModel('ec2/2016-11-15/service-2.json')`). */
  readModel<T>(relativePath: string): T;
  /** Queues a generated file, path relative to the repository root. */
  write(relativePath: string, content: string): void;
}

/** An emitter generates one family of files (the EC2 client, STS, partitions, paginators, waiters). */
export type Emitter = (context: CodegenContext) => void | Promise<void>;

export function createContext(
  repoRoot: string,
  modelsDir: string,
  files: Map<string, string>,
): CodegenContext {
  return {
    repoRoot,
    modelsDir,
    readModel<T>(relativePath: string): T {
      return JSON.parse(readFileSync(join(modelsDir, relativePath), 'utf8')) as T;
    },
    write(relativePath: string, content: string): void {
      if (files.has(relativePath)) throw new Error(`codegen: ${relativePath} is written twice`);
      files.set(relativePath, content);
    },
  };
}
