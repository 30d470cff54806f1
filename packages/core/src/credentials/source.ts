// The shape of one credential source in the chain: it either gives credentials or says why it does
// not apply (skipped). A source that applies but fails throws, and the chain stops there.

import type { Credentials } from './types.js';

export interface Skipped {
  readonly skipped: string;
}

export type SourceOutcome = Credentials | Skipped;

export interface CredentialSource {
  /** Stable name used in errors and logs: `environment`, `assume-role`, `imds`... */
  readonly name: string;
  load(): Promise<SourceOutcome>;
}

export function skip(reason: string): Skipped {
  return { skipped: reason };
}

export function isSkipped(outcome: SourceOutcome): outcome is Skipped {
  return 'skipped' in outcome;
}
