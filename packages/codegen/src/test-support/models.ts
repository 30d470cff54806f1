// The botocore models the generator tests read (from ../shared/models, read-only).

import { readFileSync } from 'node:fs';
import { sharedPath } from '../../../../scripts/lib/shared-dir.js';
import type { ServiceModel } from '../model.js';

const cache = new Map<string, unknown>();

export function readSharedModel<T = ServiceModel>(relativePath: string): T {
  if (!cache.has(relativePath))
    cache.set(relativePath, JSON.parse(readFileSync(sharedPath('models', relativePath), 'utf8')));
  return cache.get(relativePath) as T;
}
