import { describe, expect, it } from 'vitest';
import { nextStartable } from './scheduler.js';

const counts = (running: number, byAccount: Record<string, number> = {}) => ({
  running,
  runningByAccount: new Map(Object.entries(byAccount)),
});

describe('nextStartable', () => {
  it('takes the first waiting target while a slot is free', () => {
    expect(nextStartable(['a', 'b'], counts(0), { concurrency: 2, perAccount: Infinity })).toBe(0);
  });
  it('starts nothing when every slot is taken', () => {
    expect(nextStartable(['a'], counts(2), { concurrency: 2, perAccount: Infinity })).toBe(-1);
  });
  it('passes over targets of an account at its bound, to the first of another account', () => {
    expect(nextStartable(['a', 'a', 'b'], counts(1, { a: 1 }), { concurrency: 4, perAccount: 1 })).toBe(2);
    expect(nextStartable(['a', 'a'], counts(1, { a: 1 }), { concurrency: 4, perAccount: 1 })).toBe(-1);
  });
  it('lets targets without an account start under the global bound only', () => {
    expect(nextStartable(['a', undefined], counts(1, { a: 1 }), { concurrency: 2, perAccount: 1 })).toBe(1);
  });
});
