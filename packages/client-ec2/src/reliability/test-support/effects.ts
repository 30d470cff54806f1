// Client effects for retry tests: a fixed jitter draw and a sleep that records each backoff instead of
// waiting, so attempts and delays can be checked exactly and the tests never sleep for real.

import type { ClientEffects } from '@boto-ts/core';

export interface RecordedSleeps {
  readonly effects: ClientEffects;
  /** Every backoff the client asked for, in order. */
  readonly sleeps: number[];
  /** The sum of the backoffs since index `from`. */
  total(from?: number): number;
}

export function recordedSleeps(random = 0.5): RecordedSleeps {
  const sleeps: number[] = [];
  return {
    sleeps,
    total: (from = 0) => sleeps.slice(from).reduce((sum, ms) => sum + ms, 0),
    effects: {
      random: () => random,
      sleep: async (ms, signal) => {
        signal?.throwIfAborted();
        sleeps.push(ms);
      },
    },
  };
}
