// Timestamps on the wire: formatting request values (ISO 8601, epoch seconds, RFC 822) and parsing
// response text back to `Date`. Both directions are lenient in what they read, as botocore is:
// any of the three formats is accepted whatever the model says, the model's format is only tried first.

import type { TimestampFormat } from './schema.js';

/** `2015-01-25T08:00:00Z`; milliseconds are written only when there are any (`...:00.123Z`). */
export function formatIso8601(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('.000Z') ? `${iso.slice(0, -5)}Z` : iso;
}

/** Epoch seconds: `1422172800`, or `1422172800.123` when the date has milliseconds. */
export function formatEpochSeconds(date: Date): string {
  const ms = date.getTime();
  return ms % 1000 === 0 ? String(ms / 1000) : (ms / 1000).toFixed(3).replace(/0+$/, '');
}

export function formatTimestamp(date: Date, format: TimestampFormat | undefined): string {
  if (format === 'unixTimestamp') return formatEpochSeconds(date);
  if (format === 'rfc822') return date.toUTCString();
  return formatIso8601(date);
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?\s*(?:([Zz])|([+-])(\d{2}):?(\d{2})?)?$/;
const EPOCH_SECONDS = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const RFC_822 =
  /^(?:[A-Za-z]{3},?\s+)?(\d{1,2})[\s-]([A-Za-z]{3})[\s-](\d{2}|\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|UT|Z|[+-]\d{4})?$/;
const MONTHS: Readonly<Record<string, number>> = {
  jan: 0,
  feb: 1,
  mar: 2,
  apr: 3,
  may: 4,
  jun: 5,
  jul: 6,
  aug: 7,
  sep: 8,
  oct: 9,
  nov: 10,
  dec: 11,
};

function utc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
): number | undefined {
  if (month > 11 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 60) return undefined;
  const date = new Date(0);
  date.setUTCFullYear(year, month, day);
  date.setUTCHours(hour, minute, second, ms);
  // Reject dates that rolled over (Feb 30 becomes Mar 2), except a leap second or 24:00.
  if (date.getUTCDate() !== day && hour < 24 && second < 60) return undefined;
  return date.getTime();
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Digit at `i` as a number, or -1000 (which makes any sum it enters negative) when it is not a digit. */
function digit(text: string, i: number): number {
  const d = text.charCodeAt(i) - 48;
  return d >= 0 && d <= 9 ? d : -1000;
}

/**
 * Fast path for the two shapes AWS sends almost always, `2014-04-29T18:30:38Z` and `...38.123Z`, read
 * in place from `text[start, end)`: fixed positions, no regex, no allocation. Returns epoch milliseconds,
 * or undefined for anything else (the general parser then decides).
 */
export function parseCommonIso8601(text: string, start: number, end: number): number | undefined {
  const n = end - start;
  if (n !== 20 && n !== 24) return undefined;
  const s = start;
  if (
    text.charCodeAt(s + 4) !== 45 ||
    text.charCodeAt(s + 7) !== 45 ||
    text.charCodeAt(s + 10) !== 84 ||
    text.charCodeAt(s + 13) !== 58 ||
    text.charCodeAt(s + 16) !== 58 ||
    text.charCodeAt(end - 1) !== 90 ||
    (n === 24 && text.charCodeAt(s + 19) !== 46)
  )
    return undefined;
  const year =
    digit(text, s) * 1000 + digit(text, s + 1) * 100 + digit(text, s + 2) * 10 + digit(text, s + 3);
  const month = digit(text, s + 5) * 10 + digit(text, s + 6);
  const day = digit(text, s + 8) * 10 + digit(text, s + 9);
  const hour = digit(text, s + 11) * 10 + digit(text, s + 12);
  const minute = digit(text, s + 14) * 10 + digit(text, s + 15);
  const second = digit(text, s + 17) * 10 + digit(text, s + 18);
  const ms = n === 24 ? digit(text, s + 20) * 100 + digit(text, s + 21) * 10 + digit(text, s + 22) : 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59 || ms < 0) return undefined;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (day > (DAYS_IN_MONTH[month - 1] as number) + leap) return undefined;
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/** ISO 8601 date-time (`2014-04-29T18:30:38Z`, `...38.123456Z`, `...38-01:00`), or a date alone. No zone means UTC. */
export function parseIso8601(text: string): Date | undefined {
  const common = parseCommonIso8601(text, 0, text.length);
  if (common !== undefined) return new Date(common);
  const m = ISO_8601.exec(text);
  if (m === null) return undefined;
  const fraction = m[7] ?? '';
  const ms = fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000 + 1e-7);
  let time = utc(
    Number(m[1]),
    Number(m[2]) - 1,
    Number(m[3]),
    Number(m[4] ?? 0),
    Number(m[5] ?? 0),
    Number(m[6] ?? 0),
    ms,
  );
  if (time === undefined) return undefined;
  if (m[9] !== undefined) {
    const hours = Number(m[10]);
    const minutes = Number(m[11] ?? 0);
    if (hours > 23 || minutes > 59) return undefined;
    const offset = (hours * 60 + minutes) * 60_000;
    time += m[9] === '+' ? -offset : offset;
  }
  return new Date(time);
}

/** Epoch seconds, with an optional fraction (`1398796238`, `946845296.123`). */
export function parseEpochSeconds(text: string): Date | undefined {
  if (!EPOCH_SECONDS.test(text)) return undefined;
  const date = new Date(Math.round(Number(text) * 1000));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** RFC 822 / RFC 1123 / HTTP dates (`Tue, 29 Apr 2014 18:30:38 GMT`). */
export function parseRfc822(text: string): Date | undefined {
  const m = RFC_822.exec(text);
  if (m === null) return undefined;
  const month = MONTHS[(m[2] as string).toLowerCase()];
  if (month === undefined) return undefined;
  let year = Number(m[3]);
  if ((m[3] as string).length === 2) year += year < 50 ? 2000 : 1900;
  let time = utc(year, month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0);
  if (time === undefined) return undefined;
  const zone = m[7];
  if (zone !== undefined && (zone[0] === '+' || zone[0] === '-')) {
    const offset = (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) * 60_000;
    time += zone[0] === '+' ? -offset : offset;
  }
  return new Date(time);
}

/**
 * Parses a timestamp from response text (already trimmed). The model's format is tried first, then the
 * other two, so a service that answers in another format still decodes. Undefined when nothing matches.
 */
export function parseTimestamp(text: string, format: TimestampFormat | undefined): Date | undefined {
  if (format === 'unixTimestamp') return parseEpochSeconds(text) ?? parseIso8601(text) ?? parseRfc822(text);
  if (format === 'rfc822') return parseRfc822(text) ?? parseIso8601(text) ?? parseEpochSeconds(text);
  return parseIso8601(text) ?? parseEpochSeconds(text) ?? parseRfc822(text);
}
