// Figure d, SigV4 signatures per second. The numbers for boto-ts, @smithy/signature-v4 (the v3 SDK's
// signer) and aws4 come from the signer's own benchmark, scripts/bench/sign.ts (`measureSigning`):
// one 214-byte form POST, fixed credentials and date, a new request object per signature, identical
// Authorization headers checked first. botocore is measured on the same body by a python3 script.

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runJsonChild } from '../child.js';
import type { Cell, Row, Subject } from '../report/rows.js';
import type * as SignBenchmark from '../sign.js';
import { runInterleaved } from '../stats.js';
import { type BenchContext, type FigureResult, firstLine, medianCell, unavailableCell } from './context.js';

/** Loaded on demand, so a signer that does not build fails this figure only. */
function loadSignerBenchmark(): Promise<typeof SignBenchmark> {
  return import(pathToFileURL(join(import.meta.dirname, '..', 'sign.ts')).href) as Promise<
    typeof SignBenchmark
  >;
}

async function measureBotocore(context: BenchContext, body: string): Promise<Cell> {
  const unavailable = unavailableCell(context, 'boto3');
  if (unavailable) return unavailable;
  const args = JSON.stringify({ body, durationMs: context.settings.signDurationMs });
  const { samples, errors } = await runInterleaved(['botocore'], context.settings.signRounds, () =>
    runJsonChild<{ perSecond: number }>('python3', [join(context.appDir, 'sign_botocore.py'), args], {
      cwd: context.appDir,
    }),
  );
  return medianCell(
    (samples.get('botocore') ?? []).map((r) => r.perSecond),
    errors.get('botocore'),
  );
}

export async function measureSignatures(context: BenchContext): Promise<FigureResult> {
  context.log('SigV4 signatures per second (scripts/bench/sign.ts, and botocore)');
  const cells: Partial<Record<Subject, Cell>> = {};
  const details: Record<string, string | number> = {};
  let body: string | undefined;
  try {
    const signer = await loadSignerBenchmark();
    body = signer.SIGN_BODY;
    const m = await signer.measureSigning({
      quick: context.quick,
      time: context.settings.signDurationMs,
      rounds: context.settings.signRounds,
    });
    cells['boto-ts'] = medianCell(m['boto-ts'].samples);
    cells.v3 = medianCell(m.smithy.samples);
    cells.floor = medianCell(m.aws4.samples);
    details['SigV4: boto-ts / aws4 (goal >= 1.2x)'] = m.ratio.vsAws4.toFixed(2);
    details['SigV4: boto-ts / @smithy/signature-v4 (goal >= 3x)'] = m.ratio.vsSmithy.toFixed(2);
  } catch (error) {
    const failed: Cell = { missing: 'failed', note: `scripts/bench/sign.ts: ${firstLine(error)}` };
    cells['boto-ts'] = failed;
    cells.v3 = failed;
    cells.floor = failed;
  }
  cells.boto3 = body === undefined ? { missing: 'skipped' } : await measureBotocore(context, body);
  const row: Row = {
    id: 'sign-per-second',
    figure: 'SigV4 signatures/s',
    unit: 'sig/s',
    better: 'higher',
    floorLabel: 'aws4',
    cells,
    goal: { text: '>= 160,000', limit: 160_000 },
  };
  return { rows: [row], details };
}
