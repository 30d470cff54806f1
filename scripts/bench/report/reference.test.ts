import { describe, expect, it } from 'vitest';
import { machineSlowdown, peerReadings } from './reference.js';
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

describe('peerReadings', () => {
  const warm = (botoTs: number, v3: number, floor: number): Row => ({
    id: 'warm-cpu-1000',
    figure: 'warm CPU per call, N=1000',
    unit: 'ms',
    better: 'lower',
    cells: { 'boto-ts': { value: botoTs }, v3: { value: v3 }, floor: { value: floor } },
    goal: { text: '<= 60 ms', limit: 60 },
  });

  it("turns the goal into a ratio to each peer's issue figure and holds this run's ratio against it", () => {
    // 60 / 258 = 0.233x the v3 SDK, 60 / 10 = 6x the floor.
    const [v3, floor] = peerReadings(warm(150, 800, 15));
    expect(v3).toMatchObject({ peer: 'v3', met: true });
    expect(v3!.goalRatio).toBeCloseTo(60 / 258);
    expect(v3!.measuredRatio).toBeCloseTo(150 / 800);
    expect(floor).toMatchObject({ peer: 'floor', met: false });
    expect(floor!.goalRatio).toBeCloseTo(6);
    expect(floor!.measuredRatio).toBeCloseTo(10);
  });

  it('compares the other way for rates, where higher is better', () => {
    const row: Row = {
      id: 'throughput-64',
      figure: 'calls/s',
      unit: 'calls/s',
      better: 'higher',
      cells: { 'boto-ts': { value: 2500 }, v3: { value: 250 }, floor: { value: 4300 } },
      goal: { text: '>= 3,000', limit: 3000 },
    };
    const readings = peerReadings(row);
    // 3000 / 1217 = 2.47x the v3 SDK (10x here: met); 3000 / 5658 = 0.53x the floor (0.58x: met).
    expect(readings.map((r) => [r.peer, r.met])).toEqual([
      ['v3', true],
      ['floor', true],
    ]);
    expect(peerReadings({ ...row, cells: { ...row.cells, 'boto-ts': { value: 2000 } } })[1]!.met).toBe(false);
  });

  it('has nothing to say of rows without a speed goal or without the peer measured', () => {
    expect(peerReadings({ ...warm(1, 2, 3), goal: undefined })).toEqual([]);
    expect(peerReadings({ ...warm(1, 2, 3), id: 'bundle-min' })).toEqual([]);
    expect(peerReadings({ ...warm(1, 2, 3), cells: { 'boto-ts': { value: 1 } } })).toEqual([]);
  });
});
