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

/** ISO 8601 date-time (`2014-04-29T18:30:38Z`, `...38.123456Z`, `...38-01:00`), or a date alone. No zone means UTC. */
export function parseIso8601(text: string): Date | undefined {
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
