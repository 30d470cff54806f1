// The signing time: options -> epoch milliseconds -> amz-date (`20150830T123600Z`).

import { SigningError } from './errors.js';

/** The signing instant in epoch ms: `signingDate` (default now) plus `clockOffsetMs`. */
export function signingTime(
  signingDate: Date | number | undefined,
  clockOffsetMs: number | undefined,
  now: () => number = Date.now,
): number {
  let time: number;
  if (signingDate === undefined) time = now();
  else if (signingDate instanceof Date) time = signingDate.getTime();
  else if (typeof signingDate === 'number') time = signingDate;
  else throw new SigningError('signingDate', 'must be a Date or epoch milliseconds.');
  if (!Number.isFinite(time)) throw new SigningError('signingDate', 'is not a valid date.');
  if (clockOffsetMs !== undefined && clockOffsetMs !== 0) {
    if (typeof clockOffsetMs !== 'number' || !Number.isFinite(clockOffsetMs)) {
      throw new SigningError('clockOffsetMs', 'must be a finite number of milliseconds.');
    }
    time += clockOffsetMs;
  }
  return time;
}

/** Years SigV4 can write in its 4-digit date: 0000..9999 UTC. */
const MIN_TIME = new Date(0).setUTCFullYear(0, 0, 1);
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/** The last formatted second, since consecutive signatures mostly share it. */
let lastSecond = Number.NaN;
let lastAmzDate = '';

/** `20150830T123600Z` for an instant (epoch ms, UTC, milliseconds dropped). */
export function amzDate(time: number | Date): string {
  const ms = typeof time === 'number' ? time : time.getTime();
  const second = Math.floor(ms / 1000);
  if (second === lastSecond) return lastAmzDate;
  if (!(ms >= MIN_TIME && ms <= MAX_TIME)) {
    throw new SigningError('signingDate', 'is outside the years 0000-9999 that SigV4 can express.');
  }
  const iso = new Date(second * 1000).toISOString(); // 2015-08-30T12:36:00.000Z
  const formatted = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  lastSecond = second;
  lastAmzDate = formatted;
  return formatted;
}
