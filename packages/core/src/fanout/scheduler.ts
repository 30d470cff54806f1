// Which waiting target may start next under the two bounds: at most `concurrency` running in all and
// at most `perAccount` of one account (so one throttled account cannot hold every slot). Pure: the
// fan-out keeps the counts, this only decides.

export interface SlotCounts {
  readonly running: number;
  readonly runningByAccount: ReadonlyMap<string, number>;
}

export interface Bounds {
  readonly concurrency: number;
  /** Infinity when there is no per-account bound. */
  readonly perAccount: number;
}

/**
 * The position in `waiting` of the first target that may start now, or -1. Targets keep their order
 * except that one whose account is at its bound lets a later target of another account go first.
 */
export function nextStartable(
  waiting: readonly (string | undefined)[],
  counts: SlotCounts,
  bounds: Bounds,
): number {
  if (counts.running >= bounds.concurrency) return -1;
  for (let i = 0; i < waiting.length; i++) {
    const account = waiting[i];
    if (account === undefined || (counts.runningByAccount.get(account) ?? 0) < bounds.perAccount) return i;
  }
  return -1;
}
