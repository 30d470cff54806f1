// The v3 SDK's figures as the benchmarks issue measured them on an idle 2-core machine (Node 20).
// Comparing this run's v3 medians with them says how loaded the machine was: the goals for boto-ts
// are absolute numbers that assume that idle machine, while the ratios hold under load.

import { median } from '../stats.js';
import { cellValue, type Row } from './rows.js';

/** Row id -> the v3 SDK's value in the issue (same unit as the row). */
export const ISSUE_V3_FIGURES: Readonly<Record<string, number>> = {
  'cold-create-esm': 363,
  'cold-create-require': 209,
  'cold-call-esm': 366,
  'cold-call-bundle': 152,
  'cold-rss-call-esm': 133,
  'warm-cpu-1': 1.28,
  'warm-cpu-100': 26.6,
  'warm-cpu-1000': 258,
  'throughput-64': 1217,
};

/**
 * How many times slower than in the issue the v3 SDK ran here (median over the rows that have a
 * reference figure; 1 = like the reference machine). Undefined when no such row was measured.
 */
export function machineSlowdown(rows: readonly Row[]): number | undefined {
  const factors: number[] = [];
  for (const row of rows) {
    const reference = ISSUE_V3_FIGURES[row.id];
    const measured = cellValue(row.cells.v3);
    if (reference === undefined || measured === undefined || row.unit === 'MB') continue;
    factors.push(row.better === 'lower' ? measured / reference : reference / measured);
  }
  return factors.length === 0 ? undefined : median(factors);
}
