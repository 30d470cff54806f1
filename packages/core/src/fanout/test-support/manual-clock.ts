// Test support: a clock that moves only when the test says, with abortable sleeps, so fan-out tests
// control when each target finishes and never really wait. `pending()` counts sleeps not yet over:
// zero after a test means nothing was left waiting.

interface Sleeper {
  readonly at: number;
  readonly resolve: () => void;
}

export class ManualClock {
  #now = 0;
  readonly #sleepers = new Set<Sleeper>();

  now = (): number => this.#now;

  /** Resolves when the clock reaches now + ms; rejects with the signal's reason on abort. */
  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const sleeper: Sleeper = {
        at: this.#now + ms,
        resolve: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      const onAbort = () => {
        this.#sleepers.delete(sleeper);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.#sleepers.add(sleeper);
    });

  pending(): number {
    return this.#sleepers.size;
  }

  /** Moves the clock forward step by step, waking sleepers in time order and letting their work run. */
  async advance(ms: number): Promise<void> {
    const end = this.#now + ms;
    for (;;) {
      await settle();
      const next = [...this.#sleepers].sort((a, b) => a.at - b.at)[0];
      if (next === undefined || next.at > end) break;
      this.#now = next.at;
      this.#sleepers.delete(next);
      next.resolve();
    }
    this.#now = end;
    await settle();
  }

  /** Advances until nothing sleeps any more (or `limitMs` passes). */
  async runAll(limitMs = 1_000_000): Promise<void> {
    const end = this.#now + limitMs;
    while (this.#sleepers.size > 0 && this.#now < end) {
      const next = Math.min(...[...this.#sleepers].map((s) => s.at));
      await this.advance(Math.max(0, next - this.#now));
    }
    await settle();
  }
}

/** Lets every queued promise job run (a few macrotask turns). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
