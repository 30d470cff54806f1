import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nextDelay } from './delays.js';

const fixed = { kind: 'fixed', delay: 15 } as const;
const backoff = { kind: 'backoff', minDelay: 2, maxDelay: 120 } as const;
const top = () => 0.999999;

describe('nextDelay', () => {
  it('fixed: the model delay every time (boto3)', () => {
    expect([1, 2, 39].map((retry) => nextDelay(fixed, retry, Number.POSITIVE_INFINITY, Math.random))).toEqual(
      [15, 15, 15],
    );
  });

  it('backoff: doubles from minDelay and caps at maxDelay, for any retry count', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7, 8, 1000].map((retry) =>
      Math.round(nextDelay(backoff, retry, Number.POSITIVE_INFINITY, top)!),
    );
    expect(ceilings).toEqual([2, 4, 8, 16, 32, 64, 120, 120, 120]);
  });

  it('backoff: full jitter between minDelay and the ceiling', () => {
    expect(nextDelay(backoff, 5, Number.POSITIVE_INFINITY, () => 0)).toBe(2);
    expect(nextDelay(backoff, 5, Number.POSITIVE_INFINITY, () => 0.5)).toBe(17);
  });

  it('places the last attempt minDelay before the deadline, and stops when no attempt fits', () => {
    expect(nextDelay(backoff, 7, 100, top)).toBe(98);
    expect(nextDelay(backoff, 1, 3.5, top)).toBeCloseTo(1.5);
    expect(nextDelay(backoff, 1, 2, top)).toBeUndefined();
    expect(nextDelay(backoff, 1, 1, top)).toBeUndefined();
    // Less than a millisecond of room is no room (rounding must not make endless tiny attempts).
    expect(nextDelay(backoff, 1, 2 + 1e-9, top)).toBeUndefined();
  });

  it('never waits past the deadline nor longer than maxDelay (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 30, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 0.9999, noNaN: true }),
        (minDelay, extra, retry, remaining, draw) => {
          const schedule = { kind: 'backoff', minDelay, maxDelay: minDelay + extra } as const;
          const delay = nextDelay(schedule, retry, remaining, () => draw);
          if (delay === undefined) {
            expect(remaining).toBeLessThanOrEqual(minDelay + 1e-9);
            return;
          }
          expect(delay).toBeGreaterThan(0);
          expect(delay).toBeLessThanOrEqual(schedule.maxDelay + 1e-9);
          expect(remaining - delay).toBeGreaterThanOrEqual(minDelay - 1e-9);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
