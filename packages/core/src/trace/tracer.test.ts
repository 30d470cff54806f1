import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../client/types.js';
import { formatTraceEvent } from './format.js';
import { createTracer } from './tracer.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('createTracer', () => {
  it('is off (undefined, no cost) without trace, logger or BOTO_TS_TRACE', () => {
    expect(createTracer({}, {})).toBeUndefined();
    expect(createTracer({ trace: false }, { BOTO_TS_TRACE: '1' })).toBeUndefined();
    expect(createTracer({}, { BOTO_TS_TRACE: '1' })).toBeDefined();
    expect(createTracer({ logger: {} }, {})).toBeDefined();
  });

  it('prints formatted events and hands the same, scrubbed, to the logger at the right level', () => {
    const printed: string[] = [];
    const got: [string, TraceEvent][] = [];
    const tracer = createTracer(
      {
        trace: true,
        logger: {
          debug: (e) => got.push(['debug', e]),
          info: (e) => got.push(['info', e]),
          warn: (e) => got.push(['warn', e]),
        },
      },
      {},
      (t) => printed.push(t),
    )!;
    tracer.emit({ type: 'request', operation: 'Op', attempt: 1, headers: { note: `key ${SECRET}` } }, [
      SECRET,
    ]);
    tracer.emit({ type: 'retry', operation: 'Op', attempt: 1, reason: 'throttling', delayMs: 20 }, []);
    tracer.emit({ type: 'clockSkew', operation: 'Op', attempt: 2, offsetMs: 1 }, []);
    expect(got.map(([level, e]) => [level, e.type])).toEqual([
      ['debug', 'request'],
      ['info', 'retry'],
      ['warn', 'clockSkew'],
    ]);
    expect(got[0]![1]).toEqual({
      type: 'request',
      operation: 'Op',
      attempt: 1,
      headers: { note: 'key ***' },
    });
    expect(printed.join('')).not.toContain(SECRET);
    expect(printed[1]).toBe('[boto-ts] Op attempt 1: retry decision\n  reason: throttling\n  delayMs: 20\n');
  });
});

describe('formatTraceEvent', () => {
  it('indents multi-line text and lists headers one per line', () => {
    expect(
      formatTraceEvent({
        type: 'canonicalRequest',
        operation: 'DescribeRegions',
        attempt: 2,
        canonicalRequest: 'POST\n/',
        headers: { host: 'h' },
      }),
    ).toBe(
      '[boto-ts] DescribeRegions attempt 2: canonical request\n  canonicalRequest:\n    POST\n    /\n  headers:\n    host: h\n',
    );
  });
});
