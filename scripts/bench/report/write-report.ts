// Writes one run's results: RESULTS.md, chart.svg and results.json (the same data, machine-readable,
// which `pnpm bench --from=<results.json>` renders again without measuring).

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chartSvg } from './chart-svg.js';
import { type ResultsDocument, resultsMarkdown } from './results-md.js';

export const RESULTS_JSON = 'results.json';

export function writeReport(outDir: string, doc: ResultsDocument): void {
  const m = doc.machine;
  const subtitle = `${doc.command} · ${m.date} · ${m.cores} cores · Node ${m.node}`;
  writeFileSync(join(outDir, doc.chartFile), chartSvg(doc.rows, subtitle));
  writeFileSync(join(outDir, 'RESULTS.md'), resultsMarkdown(doc));
  writeFileSync(join(outDir, RESULTS_JSON), `${JSON.stringify(doc, null, 2)}\n`);
}

export function readReport(file: string): ResultsDocument {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as ResultsDocument;
  if (!Array.isArray(doc.rows) || doc.machine === undefined) {
    throw new Error(`${file} is not a results.json written by pnpm bench`);
  }
  return doc;
}
