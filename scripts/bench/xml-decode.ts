// XML decoding speed: the built-in schema-guided decoder against fast-xml-parser, on generated
// DescribeInstances bodies (1, 100 and 1,000 instances; about 9.5 KB each). Prints CPU milliseconds
// per body and MB/s (from the median) for:
//   builtin          decodeOutput (the default): body -> typed output (Dates, numbers, booleans)
//   fxp fallback     decodeOutput({ parser: 'fast-xml-parser' }): validate + parse + schema walk
//   fxp parse only   XMLParser.parse alone (strings only, no validation, no typing), the usual baseline
// Run: pnpm exec tsx --conditions=@boto-ts/source scripts/bench/xml-decode.ts [--quick]

import { readFileSync } from 'node:fs';
import { decodeOutput, type OperationSchema } from '@boto-ts/core';
import { XMLParser } from 'fast-xml-parser';
import { describeInstancesXml } from '../../fixtures/xml/describe-instances.js';
import type { ServiceModel } from '../../packages/codegen/src/model.js';
import { buildSchemas } from '../../packages/codegen/src/schema-builder.js';
import { modelPath } from '../lib/repo-data.js';

const quick = process.argv.includes('--quick');
const model = JSON.parse(
  readFileSync(modelPath('ec2', '2016-11-15', 'service-2.json'), 'utf8'),
) as ServiceModel;
const { service, operations } = buildSchemas(model);
const operation = operations.get('DescribeInstances') as OperationSchema;
const rawParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, removeNSPrefix: true });

/**
 * CPU milliseconds per call of `fn` (process CPU time, so other processes on a busy machine count less
 * than in wall time): the median and the best of enough runs to fill `budgetMs`, after a warm-up.
 */
function measure(fn: () => unknown, budgetMs: number): { median: number; best: number } {
  const warmEnd = performance.now() + budgetMs / 4;
  while (performance.now() < warmEnd) fn();
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || samples.length < 5) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { median: samples[Math.floor(samples.length / 2)] as number, best: samples[0] as number };
}

const rows: string[][] = [
  ['instances', 'body', 'decoder', 'CPU ms (median)', 'best', 'MB/s', 'vs fxp parse'],
];
for (const count of [1, 100, 1000]) {
  const { xml } = describeInstancesXml(count);
  const bytes = new TextEncoder().encode(xml);
  const mb = bytes.length / 1e6;
  const budget = quick ? 400 : 2000;
  const results: [string, { median: number; best: number }][] = [
    ['builtin', measure(() => decodeOutput(service, operation, bytes), budget)],
    [
      'fxp fallback',
      measure(() => decodeOutput(service, operation, bytes, { parser: 'fast-xml-parser' }), budget),
    ],
    ['fxp parse only', measure(() => rawParser.parse(new TextDecoder().decode(bytes)), budget)],
  ];
  const baseline = (results[2] as [string, { median: number }])[1].median;
  for (const [name, { median, best }] of results)
    rows.push([
      String(count),
      `${(bytes.length / 1024).toFixed(0)} KB`,
      name,
      median.toFixed(2),
      best.toFixed(2),
      (mb / (median / 1000)).toFixed(0),
      `${(baseline / median).toFixed(1)}x`,
    ]);
}
const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
