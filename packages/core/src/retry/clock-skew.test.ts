import { describe, expect, it } from 'vitest';
import { skewCorrection } from './clock-skew.js';

const local = Date.parse('2026-08-20T12:00:00Z');

describe('clock skew correction', () => {
  it('returns serverDate - localNow when a skew error comes with a Date more than 4 minutes off', () => {
    const serverDate = new Date(local + 15 * 60_000).toUTCString();
    expect(
      skewCorrection({ errorCode: 'RequestTimeTooSkewed', serverDate, localNow: local, currentOffsetMs: 0 }),
    ).toBe(15 * 60_000);
    const behind = new Date(local - 60 * 60_000).toUTCString();
    expect(
      skewCorrection({ errorCode: 'AuthFailure', serverDate: behind, localNow: local, currentOffsetMs: 0 }),
    ).toBe(-60 * 60_000);
  });
  it('ignores a Date within 4 minutes: the signature is wrong for another reason', () => {
    const serverDate = new Date(local + 3 * 60_000).toUTCString();
    expect(
      skewCorrection({ errorCode: 'SignatureDoesNotMatch', serverDate, localNow: local, currentOffsetMs: 0 }),
    ).toBeUndefined();
  });
  it('measures against the already-corrected clock', () => {
    const serverDate = new Date(local + 15 * 60_000).toUTCString();
    expect(
      skewCorrection({
        errorCode: 'RequestExpired',
        serverDate,
        localNow: local,
        currentOffsetMs: 15 * 60_000,
      }),
    ).toBeUndefined();
  });
  it('ignores other codes and missing or unparsable dates', () => {
    const serverDate = new Date(local + 15 * 60_000).toUTCString();
    expect(
      skewCorrection({ errorCode: 'InvalidParameterValue', serverDate, localNow: local, currentOffsetMs: 0 }),
    ).toBeUndefined();
    expect(
      skewCorrection({
        errorCode: 'AuthFailure',
        serverDate: undefined,
        localNow: local,
        currentOffsetMs: 0,
      }),
    ).toBeUndefined();
    expect(
      skewCorrection({
        errorCode: 'AuthFailure',
        serverDate: 'yesterday',
        localNow: local,
        currentOffsetMs: 0,
      }),
    ).toBeUndefined();
  });
});
