import { describe, expect, it } from 'vitest';
import { interleave, median, percentile, ratio, runInterleaved } from './stats.js';

describe('median and percentile', () => {
  it('takes the middle of an odd count and the mean of the middle pair of an even count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('interpolates between ranks like numpy and does not reorder the caller array', () => {
    const samples = [10, 40, 20, 30];
    expect(percentile(samples, 0)).toBe(10);
    expect(percentile(samples, 100)).toBe(40);
    expect(percentile(samples, 25)).toBeCloseTo(17.5);
    expect(
      percentile(
        Array.from({ length: 101 }, (_, i) => 100 - i),
        99,
      ),
    ).toBe(99);
    expect(samples).toEqual([10, 40, 20, 30]);
  });

  it('gives NaN for no samples and rejects a percentile outside 0..100', () => {
    expect(median([])).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});

describe('ratio', () => {
  it('divides, and is undefined when a side is missing, not finite, or the divisor is zero', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(undefined, 2)).toBeUndefined();
    expect(ratio(1, 0)).toBeUndefined();
    expect(ratio(Number.NaN, 1)).toBeUndefined();
  });
});

describe('interleaving', () => {
  it('schedules A B A B, never two rounds of one subject back to back', () => {
    const order = interleave(['a', 'b'], 3).map((r) => `${r.subject}${r.round}`);
    expect(order).toEqual(['a0', 'b0', 'a1', 'b1', 'a2', 'b2']);
  });

  it('runs in schedule order, collects samples per subject, and drops a failing subject', async () => {
    const calls: string[] = [];
    const { samples, errors } = await runInterleaved(['a', 'b', 'c'] as const, 2, async (s, round) => {
      calls.push(`${s}${round}`);
      if (s === 'b') throw new Error('b is broken');
      return round * 10;
    });
    expect(calls).toEqual(['a0', 'b0', 'c0', 'a1', 'c1']);
    expect(samples.get('a')).toEqual([0, 10]);
    expect(samples.get('b')).toEqual([]);
    expect(String(errors.get('b'))).toContain('b is broken');
  });
});
