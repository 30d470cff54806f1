// When to poll next. Two schedules, both pure functions of the attempt, the time left and a random draw:
// - fixed: the model's delay between attempts, up to its maxAttempts (boto3's behaviour, the default);
// - backoff: the Smithy waiter rules: exponential from minDelay, capped at maxDelay, full jitter, and
//   within maxWaitTime, the last attempt placed so it answers before the deadline.
// All values are seconds.

export interface FixedSchedule {
  readonly kind: 'fixed';
  readonly delay: number;
}

export interface BackoffSchedule {
  readonly kind: 'backoff';
  readonly minDelay: number;
  readonly maxDelay: number;
}

export type Schedule = FixedSchedule | BackoffSchedule;

/**
 * The delay before retry number `retry` (1 = after the first attempt), or undefined when no attempt
 * fits before the deadline. `remaining` is the time left before maxWaitTime (Infinity without one);
 * `random` returns a number in [0, 1).
 */
export function nextDelay(
  schedule: Schedule,
  retry: number,
  remaining: number,
  random: () => number,
): number | undefined {
  const floor = schedule.kind === 'fixed' ? schedule.delay : schedule.minDelay;
  let delay: number;
  if (schedule.kind === 'fixed') {
    delay = schedule.delay;
  } else {
    const { minDelay, maxDelay } = schedule;
    // Past this attempt, minDelay * 2^(retry-1) would exceed maxDelay (and, for large retries, overflow).
    const attemptCeiling = Math.log(maxDelay / minDelay) / Math.log(2) + 1;
    const ceiling = retry > attemptCeiling ? maxDelay : Math.min(maxDelay, minDelay * 2 ** (retry - 1));
    delay = minDelay + random() * (ceiling - minDelay);
  }
  if (remaining - delay > floor) return delay;
  // The last attempt: placed one minimum delay before the deadline, so its answer arrives in time.
  // Less than a millisecond of room means no attempt fits (and keeps rounding from looping forever).
  const last = remaining - floor;
  return last >= LAST_ATTEMPT_ROOM ? last : undefined;
}

/** Seconds of room below which no last attempt is made. */
const LAST_ATTEMPT_ROOM = 0.001;
