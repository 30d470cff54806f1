// XML decoding speed: the built-in schema-guided decoder against fast-xml-parser, on generated
// DescribeInstances bodies (1, 100 and 1,000 instances; about 9.5 KB each). Prints MB/s and
// milliseconds per body for:
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
import { sharedPath } from '../lib/shared-dir.js';

const quick = process.argv.includes('--quick');
const model = JSON.parse(
  readFileSync(sharedPath('models', 'ec2', '2016-11-15', 'service-2.json'), 'utf8'),
) as ServiceModel;
const { service, operations } = buildSchemas(model);
const operation = operations.get('DescribeInstances') as OperationSchema;
const rawParser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, removeNSPrefix: true });

/** Median milliseconds of `fn` over enough runs to fill `budgetMs`, after a warm-up. */
function measure(fn: () => unknown, budgetMs: number): number {
  const warmEnd = performance.now() + budgetMs / 4;
  while (performance.now() < warmEnd) fn();
  const samples: number[] = [];
  const end = performance.now() + budgetMs;
  while (performance.now() < end || samples.length < 5) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] as number;
}

const rows: string[][] = [['instances', 'body', 'decoder', 'ms/body', 'MB/s', 'vs fxp parse']];
for (const count of [1, 100, 1000]) {
  const { xml } = describeInstancesXml(count);
  const bytes = new TextEncoder().encode(xml);
  const mb = bytes.length / 1e6;
  const budget = quick ? 400 : 2000;
  const results: [string, number][] = [
    ['builtin', measure(() => decodeOutput(service, operation, bytes), budget)],
    [
      'fxp fallback',
      measure(() => decodeOutput(service, operation, bytes, { parser: 'fast-xml-parser' }), budget),
    ],
    ['fxp parse only', measure(() => rawParser.parse(new TextDecoder().decode(bytes)), budget)],
  ];
  const baseline = results[2]?.[1] as number;
  for (const [name, ms] of results)
    rows.push([
      String(count),
      `${(bytes.length / 1024).toFixed(0)} KB`,
      name,
      ms.toFixed(3),
      (mb / (ms / 1000)).toFixed(0),
      `${(baseline / ms).toFixed(1)}x`,
    ]);
}
const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padStart(widths[i] as number)).join('  '));
