import { describe, expect, it } from 'vitest';
import { amzDate, signingTime } from './date.js';
import { SigningError } from './errors.js';

describe('amzDate', () => {
  it('formats UTC to the second', () => {
    expect(amzDate(new Date('2015-08-30T12:36:00.999Z'))).toBe('20150830T123600Z');
    expect(amzDate(Date.UTC(2024, 0, 2, 3, 4, 5))).toBe('20240102T030405Z');
    expect(amzDate(Date.UTC(2024, 0, 2, 3, 4, 6))).toBe('20240102T030406Z');
  });

  it('rejects a time SigV4 cannot write in four-digit years', () => {
    expect(() => amzDate(Date.UTC(10000, 0, 1))).toThrow(SigningError);
    expect(() => amzDate(Number.NaN)).toThrow(SigningError);
  });
});

describe('signingTime', () => {
  it('takes a Date or epoch ms, defaulting to the clock, and adds the offset', () => {
    expect(signingTime(new Date(1000), undefined)).toBe(1000);
    expect(signingTime(1000, 500)).toBe(1500);
    expect(signingTime(undefined, -200, () => 10_000)).toBe(9_800);
  });

  it('rejects an invalid date or offset, naming the field', () => {
    expect(() => signingTime(new Date('nope'), undefined)).toThrow(
      expect.objectContaining({ field: 'signingDate' }),
    );
    expect(() => signingTime(0, Number.POSITIVE_INFINITY)).toThrow(
      expect.objectContaining({ field: 'clockOffsetMs' }),
    );
  });
});
