// The v3 SDK's figures as the benchmarks issue measured them on an idle 2-core machine (Node 20).
// Comparing this run's v3 medians with them says how loaded the machine was: the goals for boto-ts
// are absolute numbers that assume that idle machine, while the ratios hold under load.

import { median } from '../stats.js';
import { cellValue, type Row, subjectRatio } from './rows.js';

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

/**
 * The issue's figures for the rows whose goal is an absolute number of a speed (which a slower or busier
 * machine moves): the v3 SDK's (for signing, @smithy/signature-v4's) and the floor's (for signing, aws4's).
 */
export const ISSUE_PEER_FIGURES: Readonly<Record<string, { readonly v3?: number; readonly floor?: number }>> =
  {
    'warm-cpu-1': { v3: 1.28, floor: 0.3 },
    'warm-cpu-100': { v3: 26.6 },
    'warm-cpu-1000': { v3: 258, floor: 10 },
    'throughput-64': { v3: 1217, floor: 5658 },
    'sign-per-second': { v3: 53_000, floor: 132_000 },
  };

export interface PeerReading {
  readonly peer: 'v3' | 'floor';
  /** The goal as a ratio to the peer, as the issue measured the peer (60 ms / 258 ms = 0.23x). */
  readonly goalRatio: number;
  /** boto-ts / peer in this run. */
  readonly measuredRatio: number;
  readonly met: boolean;
}

/**
 * A speed goal read against the peers measured in the same run: the goal divided by the peer's figure
 * in the issue is the ratio boto-ts had to reach, and this run's ratio to the same peer is compared
 * with it. Machine speed and load fall on both sides, so this holds where the absolute goal cannot.
 */
export function peerReadings(row: Row): PeerReading[] {
  const figures = ISSUE_PEER_FIGURES[row.id];
  if (figures === undefined || row.goal === undefined) return [];
  const readings: PeerReading[] = [];
  for (const peer of ['v3', 'floor'] as const) {
    const reference = figures[peer];
    const measuredRatio = subjectRatio(row, peer);
    if (reference === undefined || measuredRatio === undefined) continue;
    const goalRatio = row.goal.limit / reference;
    const met = row.better === 'lower' ? measuredRatio <= goalRatio : measuredRatio >= goalRatio;
    readings.push({ peer, goalRatio, measuredRatio, met });
  }
  return readings;
}
