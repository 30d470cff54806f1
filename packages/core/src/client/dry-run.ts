// DryRun: EC2 answers a `DryRun: true` request that would have succeeded with the error code
// `DryRunOperation` (HTTP 412). `send` resolves that to a DryRunOutcome instead of rejecting.

import type { ResponseMetadata } from './metadata.js';

export interface DryRunOutcome {
  readonly $dryRun: { readonly code: 'DryRunOperation'; readonly message: string };
  readonly $metadata: ResponseMetadata;
}

export function isDryRunOutcome(value: unknown): value is DryRunOutcome {
  if (value === null || typeof value !== 'object' || !('$dryRun' in value)) return false;
  const dryRun = (value as { $dryRun: unknown }).$dryRun;
  return (
    dryRun !== null && typeof dryRun === 'object' && (dryRun as { code?: unknown }).code === 'DryRunOperation'
  );
}
