import { describe, expect, it } from 'vitest';
import { machineSlowdown } from './reference.js';
import type { Row } from './rows.js';

const row = (
  id: string,
  v3: number,
  better: 'lower' | 'higher' = 'lower',
  unit: Row['unit'] = 'ms',
): Row => ({
  id,
  figure: id,
  unit,
  better,
  cells: { v3: { value: v3 } },
});

describe('machineSlowdown', () => {
  it('is the median of measured / reference over timed rows, inverted for rates, memory left out', () => {
    const rows = [
      row('warm-cpu-1', 2.56),
      row('warm-cpu-1000', 774),
      row('throughput-64', 608.5, 'higher', 'calls/s'),
      row('cold-rss-call-esm', 1330, 'lower', 'MB'),
      row('no-reference', 1),
    ];
    expect(machineSlowdown(rows)).toBeCloseTo(2);
  });

  it('is undefined when no row has a reference figure', () => {
    expect(machineSlowdown([row('other', 5)])).toBeUndefined();
  });
});
