import { describe, expect, it } from 'vitest';
import {
  formatEpochSeconds,
  formatIso8601,
  formatTimestamp,
  parseIso8601,
  parseRfc822,
  parseTimestamp,
} from './timestamps.js';

const at = (iso: string): number => new Date(iso).getTime();

describe('formatting request timestamps', () => {
  it('writes ISO 8601 with Z, and milliseconds only when there are some', () => {
    expect(formatIso8601(new Date(Date.UTC(2015, 0, 25, 8)))).toBe('2015-01-25T08:00:00Z');
    expect(formatIso8601(new Date(Date.UTC(2015, 0, 25, 8, 0, 0, 120)))).toBe('2015-01-25T08:00:00.120Z');
  });

  it('writes epoch seconds as an integer, with a fraction only for milliseconds', () => {
    expect(formatEpochSeconds(new Date(1422172800000))).toBe('1422172800');
    expect(formatEpochSeconds(new Date(1422172800120))).toBe('1422172800.12');
    expect(formatEpochSeconds(new Date(-1500))).toBe('-1.5');
  });

  it('writes the format the model asks for', () => {
    const date = new Date(Date.UTC(2014, 3, 29, 18, 30, 38));
    expect(formatTimestamp(date, undefined)).toBe('2014-04-29T18:30:38Z');
    expect(formatTimestamp(date, 'unixTimestamp')).toBe('1398796238');
    expect(formatTimestamp(date, 'rfc822')).toBe('Tue, 29 Apr 2014 18:30:38 GMT');
  });
});

describe('parsing response timestamps', () => {
  it.each([
    ['2014-04-29T18:30:38Z', '2014-04-29T18:30:38Z'],
    ['2014-04-29T18:30:38.123Z', '2014-04-29T18:30:38.123Z'],
    ['2014-04-29T18:30:38.123987Z', '2014-04-29T18:30:38.123Z'],
    ['2014-04-29T18:30:38.1Z', '2014-04-29T18:30:38.100Z'],
    ['2019-12-16T22:48:18-01:00', '2019-12-16T23:48:18Z'],
    ['2019-12-17T00:48:18+0100', '2019-12-16T23:48:18Z'],
    ['2014-04-29t18:30:38z', '2014-04-29T18:30:38Z'],
    ['2014-04-29T18:30:38', '2014-04-29T18:30:38Z'],
    ['2014-04-29', '2014-04-29T00:00:00Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00Z'],
    ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00Z'],
  ])('reads ISO 8601 %s', (text, iso) => {
    expect(parseIso8601(text)?.getTime()).toBe(at(iso));
  });

  it.each([
    '2014-02-30T00:00:00Z',
    '2023-02-29T00:00:00Z',
    '2014-13-01T00:00:00Z',
    '2014-04-29T25:00:00Z',
    '2014-04-29T18:60:00Z',
    'soon',
    '',
  ])('rejects %s', (text) => {
    expect(parseIso8601(text)).toBeUndefined();
  });

  it('reads RFC 822 dates, with or without the weekday and with numeric zones', () => {
    expect(parseRfc822('Tue, 29 Apr 2014 18:30:38 GMT')?.getTime()).toBe(at('2014-04-29T18:30:38Z'));
    expect(parseRfc822('29 Apr 2014 18:30:38 +0200')?.getTime()).toBe(at('2014-04-29T16:30:38Z'));
    expect(parseRfc822('Tue, 29 Foo 2014 18:30:38 GMT')).toBeUndefined();
  });

  it('tries the model format first and accepts the other two, as botocore does', () => {
    expect(parseTimestamp('1398796238', 'iso8601')?.getTime()).toBe(at('2014-04-29T18:30:38Z'));
    expect(parseTimestamp('2014-04-29T18:30:38Z', 'unixTimestamp')?.getTime()).toBe(
      at('2014-04-29T18:30:38Z'),
    );
    expect(parseTimestamp('Tue, 29 Apr 2014 18:30:38 GMT', undefined)?.getTime()).toBe(
      at('2014-04-29T18:30:38Z'),
    );
    expect(parseTimestamp('946845296.123', 'unixTimestamp')?.getTime()).toBe(946845296123);
    expect(parseTimestamp('not a date', 'rfc822')).toBeUndefined();
  });
});
