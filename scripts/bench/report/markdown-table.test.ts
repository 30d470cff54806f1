import { describe, expect, it } from 'vitest';
import { markdownTable } from './markdown-table.js';
import type { Row } from './rows.js';

const rows: Row[] = [
  {
    id: 'cold-create-esm',
    figure: 'cold: import + create client',
    unit: 'ms',
    better: 'lower',
    floorLabel: 'bare node -e 0',
    cells: {
      'boto-ts': { missing: 'pending', note: 'client not built' },
      v3: { value: 363 },
      boto3: { missing: 'skipped', note: 'no boto3' },
      floor: { value: 51 },
    },
    goal: { text: '<= 1.3x bare node (66 ms)', limit: 66 },
  },
  {
    id: 'warm-cpu-1000',
    figure: 'warm CPU per call, N=1000',
    unit: 'ms',
    better: 'lower',
    cells: { 'boto-ts': { value: 90 }, v3: { value: 258 }, boto3: { missing: 'skipped', note: 'no boto3' } },
    goal: { text: '<= 60 ms', limit: 60 },
  },
];

describe('markdownTable', () => {
  const table = markdownTable(rows);
  const lines = table.split('\n');

  it('has one header, one rule and one line per row, each with the same number of columns', () => {
    const columns = (line: string) => line.split(' | ').length;
    expect(lines[0]).toContain('boto-ts / v3 SDK');
    expect(columns(lines[2]!)).toBe(columns(lines[0]!));
    expect(columns(lines[3]!)).toBe(columns(lines[0]!));
  });

  it('shows ratios of medians, the floor with its meaning, and a missed goal in bold', () => {
    expect(lines[2]).toContain('51.0 (bare node -e 0)');
    expect(lines[3]).toContain('| 0.35x |');
    expect(lines[3]).toMatch(/\*\*missed\*\* \|$/);
  });

  it('numbers each distinct note once and points every cell that has it to the same footnote', () => {
    expect(lines[2]).toContain('pending [1]');
    expect(lines[2]).toContain('skipped [2]');
    expect(lines[3]).toContain('skipped [2]');
    expect(table).toContain('[1] client not built');
    expect(table.match(/\[2\] no boto3/g)).toHaveLength(1);
  });
});
