// What every figure receives: the run's settings, the app folder, the server's endpoints, which
// subjects can run, the bundles, and a logger; plus helpers to turn samples into cells.

import type { BundleResult } from '../bundles.js';
import type { Cell, Row, Subject } from '../report/rows.js';
import type { BenchSettings } from '../settings.js';
import { median } from '../stats.js';
import type { Availability } from '../subjects.js';

export interface BenchContext {
  readonly quick: boolean;
  readonly settings: BenchSettings;
  readonly appDir: string;
  /** Benchmark server endpoint for each DescribeInstances size. */
  readonly endpoints: ReadonlyMap<number, string>;
  readonly availability: Availability;
  readonly bundles: ReadonlyMap<string, BundleResult>;
  log(message: string): void;
}

/** Extra facts a figure reports beside the table (sample counts, .d.ts bytes, bundle paths...). */
export type Details = Record<string, string | number>;

export interface FigureResult {
  readonly rows: Row[];
  readonly details: Details;
}

/** The cell for a subject that cannot run here (pending for boto-ts, skipped for a peer). */
export function unavailableCell(context: BenchContext, subject: Subject): Cell | undefined {
  const status = context.availability.subjects[subject];
  if (status.available) return undefined;
  return { missing: subject === 'boto-ts' ? 'pending' : 'skipped', note: status.reason };
}

/** Median of the samples as a cell; a failure note when a run failed; skipped when there are none. */
export function medianCell(samples: readonly number[] | undefined, error?: unknown): Cell {
  if (error !== undefined) return { missing: 'failed', note: firstLine(error) };
  if (samples === undefined || samples.length === 0) return { missing: 'skipped' };
  return { value: median(samples) };
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split('\n')
      .find((l) => l.trim() !== '')
      ?.trim()
      .slice(0, 240) ?? 'unknown error'
  );
}
