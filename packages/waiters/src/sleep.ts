// The waiter's effects with their real defaults: the clock, the random draw, and a sleep that an
// AbortSignal cuts short, clearing its timer so nothing is left behind. Tests pass fakes.

/** Sleeps `seconds`; rejects with `signal.reason` at once when the signal aborts. */
export type Sleep = (seconds: number, signal: AbortSignal | undefined) => Promise<void>;

export interface WaiterEffects {
  /** Milliseconds since some fixed point (default `performance.now()`). */
  readonly now?: () => number;
  /** Default: a setTimeout that an abort clears. */
  readonly sleep?: Sleep;
  /** A number in [0, 1) for the backoff jitter (default `Math.random`). */
  readonly random?: () => number;
}

export const realSleep: Sleep = (seconds, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, seconds * 1000);
    signal?.addEventListener('abort', onAbort, { once: true });
  });

export function resolveEffects(effects: WaiterEffects | undefined): Required<WaiterEffects> {
  return {
    now: effects?.now ?? (() => performance.now()),
    sleep: effects?.sleep ?? realSleep,
    random: effects?.random ?? Math.random,
  };
}
