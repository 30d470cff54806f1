import { describe, expect, it } from 'vitest';
import { advantage, formatValue, goalStatus, type Row, subjectRatio } from './rows.js';

const cpuRow: Row = {
  id: 'warm-cpu-1',
  figure: 'warm CPU per call, N=1',
  unit: 'ms',
  better: 'lower',
  cells: { 'boto-ts': { value: 0.4 }, v3: { value: 1.2 }, boto3: { missing: 'skipped' } },
  goal: { text: '<= 0.5 ms', limit: 0.5 },
};

describe('rows', () => {
  it('gives boto-ts / peer ratios, and none where a value is missing', () => {
    expect(subjectRatio(cpuRow, 'v3')).toBeCloseTo(1 / 3);
    expect(subjectRatio(cpuRow, 'boto3')).toBeUndefined();
    expect(subjectRatio(cpuRow, 'floor')).toBeUndefined();
  });

  it('turns the ratio into an advantage that is above 1 when boto-ts is better, either direction', () => {
    expect(advantage(cpuRow, 'v3')).toBeCloseTo(3);
    const rate: Row = {
      ...cpuRow,
      unit: 'calls/s',
      better: 'higher',
      cells: { 'boto-ts': { value: 3000 }, v3: { value: 1000 } },
    };
    expect(advantage(rate, 'v3')).toBeCloseTo(3);
  });

  it('judges the goal in the direction of the unit, and is pending without a boto-ts value', () => {
    expect(goalStatus(cpuRow)).toBe('met');
    expect(goalStatus({ ...cpuRow, cells: { 'boto-ts': { value: 0.6 } } })).toBe('missed');
    expect(goalStatus({ ...cpuRow, better: 'higher', goal: { text: '>= 1', limit: 1 } })).toBe('missed');
    expect(goalStatus({ ...cpuRow, cells: { 'boto-ts': { missing: 'pending' } } })).toBe('pending');
    const { goal: _, ...noGoal } = cpuRow;
    expect(goalStatus(noGoal)).toBe('no goal');
  });

  it('prints values with precision that suits their size', () => {
    expect(formatValue(0.4567, 'ms')).toBe('0.457');
    expect(formatValue(12.34, 'ms')).toBe('12.3');
    expect(formatValue(1234.5, 'ms')).toBe('1,235');
    expect(formatValue(5892, 'files')).toBe('5,892');
  });
});
