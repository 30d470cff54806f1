// How long each lifecycle step takes, from the `stateDelays` option: defaults of a second or two so
// waiters really wait, `'instant'` for tests that only care about end states, `'manual'` for tests that
// step transitions themselves with `advance()`.

/** Milliseconds per lifecycle step. */
export interface StateDelays {
  /** pending -> running (RunInstances, StartInstances). Default 1500. */
  readonly pending?: number;
  /** stopping -> stopped. Default 1500. */
  readonly stopping?: number;
  /** shutting-down -> terminated. Default 1500. */
  readonly shuttingDown?: number;
  /** How long a terminated instance stays visible before it disappears. Default 60000. */
  readonly terminatedRetention?: number;
  /** After reaching running, how long DescribeInstanceStatus reports `initializing` before `ok`. Default 2000. */
  readonly statusChecks?: number;
  /** Volume creating -> available, attaching -> attached, detaching -> detached. Default 1000. */
  readonly volume?: number;
}

/** Numbers per step, or a preset: `'instant'` (every step 0 ms) or `'manual'` (steps wait for `advance()`). */
export type StateDelaysOption = StateDelays | 'instant' | 'manual';

export type ResolvedDelays = { readonly [K in keyof StateDelays]-?: number };

export const DEFAULT_DELAYS: ResolvedDelays = {
  pending: 1500,
  stopping: 1500,
  shuttingDown: 1500,
  terminatedRetention: 60_000,
  statusChecks: 2000,
  volume: 1000,
};

function check(name: string, value: number): number {
  if (!(value >= 0))
    throw new RangeError(`stateDelays.${name} must be a number of milliseconds >= 0, got ${value}`);
  return value;
}

export function resolveDelays(option: StateDelaysOption | undefined): ResolvedDelays {
  if (option === 'instant') {
    return { ...DEFAULT_DELAYS, pending: 0, stopping: 0, shuttingDown: 0, statusChecks: 0, volume: 0 };
  }
  if (option === 'manual') {
    const wait = Number.POSITIVE_INFINITY;
    return {
      ...DEFAULT_DELAYS,
      pending: wait,
      stopping: wait,
      shuttingDown: wait,
      statusChecks: 0,
      volume: wait,
    };
  }
  const merged = { ...DEFAULT_DELAYS, ...option };
  for (const [name, value] of Object.entries(merged)) check(name, value);
  return merged;
}
