// The shape of a result: one row per figure, one cell per subject (boto-ts, the v3 SDK, boto3 and the
// floor), a goal for boto-ts, and how each value prints. Figures build rows; writers print them.

import { ratio } from '../stats.js';

export const SUBJECTS = ['boto-ts', 'v3', 'boto3', 'floor'] as const;
export type Subject = (typeof SUBJECTS)[number];
export const PEERS = ['v3', 'boto3', 'floor'] as const satisfies readonly Subject[];
export type Peer = (typeof PEERS)[number];

export const SUBJECT_TITLES: Readonly<Record<Subject, string>> = {
  'boto-ts': 'boto-ts',
  v3: 'v3 SDK',
  boto3: 'boto3',
  floor: 'floor',
};

export type Unit = 'ms' | 'MB' | 'kB' | 'files' | 'calls/s' | 'sig/s';

/** A measured value, or why there is none. */
export type Cell =
  | { readonly value: number; readonly note?: string }
  | { readonly missing: 'pending' | 'skipped' | 'failed' | 'n/a'; readonly note?: string };

export interface Goal {
  /** As the issue states it: `<= 1.3x bare node`, `<= 60 ms`, `>= 3,000`. */
  readonly text: string;
  /** The same goal in the row's unit (for `1.3x bare node`, 1.3 times the measured bare node). */
  readonly limit: number;
}

export interface Row {
  /** Short id, stable across runs: `cold-create-esm`, `warm-cpu-1000`. */
  readonly id: string;
  readonly figure: string;
  readonly unit: Unit;
  readonly better: 'lower' | 'higher';
  readonly cells: Partial<Record<Subject, Cell>>;
  readonly goal?: Goal;
  /** What the floor column means on this row (`bare node -e 0`, `aws4 + node:http`). */
  readonly floorLabel?: string;
}

export function cellValue(cell: Cell | undefined): number | undefined {
  return cell !== undefined && 'value' in cell ? cell.value : undefined;
}

/** boto-ts / peer, from the row's medians. */
export function subjectRatio(row: Row, peer: Peer): number | undefined {
  return ratio(cellValue(row.cells['boto-ts']), cellValue(row.cells[peer]));
}

/** How many times better boto-ts is than `peer` (> 1: boto-ts ahead), whichever way the unit points. */
export function advantage(row: Row, peer: Peer): number | undefined {
  const r = subjectRatio(row, peer);
  if (r === undefined || r === 0) return undefined;
  return row.better === 'lower' ? 1 / r : r;
}

export type GoalStatus = 'met' | 'missed' | 'pending' | 'no goal';

export function goalStatus(row: Row): GoalStatus {
  if (row.goal === undefined) return 'no goal';
  const value = cellValue(row.cells['boto-ts']);
  if (value === undefined) return 'pending';
  return (row.better === 'lower' ? value <= row.goal.limit : value >= row.goal.limit) ? 'met' : 'missed';
}

const GROUPED = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A value in its unit, with precision that suits its size (0.42 ms, 12.3 ms, 1,217 calls/s). */
export function formatValue(value: number, unit: Unit): string {
  switch (unit) {
    case 'ms':
      return value < 1
        ? value.toFixed(3)
        : value < 10
          ? value.toFixed(2)
          : value < 100
            ? value.toFixed(1)
            : GROUPED.format(value);
    case 'MB':
      return value < 10 ? value.toFixed(2) : value.toFixed(1);
    case 'kB':
      return value < 10 ? value.toFixed(1) : GROUPED.format(value);
    case 'files':
    case 'calls/s':
    case 'sig/s':
      return GROUPED.format(value);
  }
}

export function formatRatio(value: number | undefined): string {
  if (value === undefined) return '-';
  return value < 0.1 ? `${value.toFixed(3)}x` : value < 10 ? `${value.toFixed(2)}x` : `${value.toFixed(1)}x`;
}

export function formatCell(cell: Cell | undefined, unit: Unit): string {
  if (cell === undefined) return '-';
  if ('value' in cell) return formatValue(cell.value, unit);
  return cell.missing;
}
