// The botocore models the generator tests read (the repository's models/).

import { readFileSync } from 'node:fs';
import { modelPath } from '../../../../scripts/lib/repo-data.js';
import type { ServiceModel } from '../model.js';

const cache = new Map<string, unknown>();

export function readModel<T = ServiceModel>(relativePath: string): T {
  if (!cache.has(relativePath))
    cache.set(relativePath, JSON.parse(readFileSync(modelPath(relativePath), 'utf8')));
  return cache.get(relativePath) as T;
}
