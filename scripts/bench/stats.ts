// The arithmetic of the benchmark: medians, percentiles, ratios and the interleaved schedule
// (A B A B ...) that lets slow drift of the machine fall on every subject alike.

/** The middle value (mean of the two middle values for an even count). NaN for no samples. */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/**
 * The p-th percentile (0..100) with linear interpolation between closest ranks, as numpy's default.
 * NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  const lowValue = sorted[low]!;
  return lowValue + (sorted[high]! - lowValue) * (rank - low);
}

/** `a / b`, or undefined when either side is missing or b is zero. */
export function ratio(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined || b === undefined || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) {
    return undefined;
  }
  return a / b;
}

/** One scheduled run: which subject, in which round. */
export interface ScheduledRun<S> {
  readonly subject: S;
  readonly round: number;
}

/** The interleaved order: every subject once per round, rounds back to back (A B C A B C ...). */
export function interleave<S>(subjects: readonly S[], rounds: number): ScheduledRun<S>[] {
  const schedule: ScheduledRun<S>[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const subject of subjects) schedule.push({ subject, round });
  }
  return schedule;
}

/**
 * Runs `measure` for each subject, interleaved over `rounds`, and returns each subject's samples in
 * run order. A subject whose run throws is dropped from the remaining rounds; its error is kept.
 */
export async function runInterleaved<S extends string, M>(
  subjects: readonly S[],
  rounds: number,
  measure: (subject: S, round: number) => Promise<M>,
): Promise<{ samples: Map<S, M[]>; errors: Map<S, unknown> }> {
  const samples = new Map<S, M[]>(subjects.map((s) => [s, []]));
  const errors = new Map<S, unknown>();
  for (const { subject, round } of interleave(subjects, rounds)) {
    if (errors.has(subject)) continue;
    try {
      samples.get(subject)!.push(await measure(subject, round));
    } catch (error) {
      errors.set(subject, error);
    }
  }
  return { samples, errors };
}
