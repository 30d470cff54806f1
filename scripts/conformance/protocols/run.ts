// Protocol conformance: every input and output case of botocore's protocol tests
// (fixtures/conformance/protocols/botocore, current and legacy), run in memory through the
// generator's schema builder, validateInput, fillIdempotencyTokens and the pipeline's buildRequest
// with the protocol's WireProtocol, and responses through its decodeResponse and parseError. Nothing
// is skipped, not even the cases botocore's own ignore list leaves out. Then every Smithy test id of
// each protocol's test model must be covered (smithy-coverage.ts). Each protocol's particulars live
// in its adapter module beside this one.

import { readFileSync } from 'node:fs';
import { conformancePath } from '../../lib/repo-data.js';
import type { ConformanceSuite, SetResult } from '../types.js';
import type { ProtocolAdapter } from './adapter.js';
import type { Suite } from './cases.js';
import { ec2, query } from './query.js';
import { runCase } from './run-case.js';
import { smithyCoverage } from './smithy-coverage.js';

const ADAPTERS: readonly ProtocolAdapter[] = [ec2, query];

export const run: ConformanceSuite = async () => {
  const results: SetResult[] = [];
  for (const adapter of ADAPTERS) {
    /** Outcome by `<set>:<id>` (two ids name both a request and a response test). */
    const byId = new Map<string, string | undefined>();
    for (const set of adapter.sets) {
      const suites = JSON.parse(
        readFileSync(conformancePath('protocols', 'botocore', `${set}.json`), 'utf8'),
      ) as Suite[];
      const failures: string[] = [];
      let passed = 0;
      for (const suite of suites) {
        for (const [i, c] of suite.cases.entries()) {
          const name = c.id ?? `${suite.description} #${i + 1}`;
          let outcome: string | undefined;
          try {
            outcome = await runCase(adapter, suite, c);
          } catch (error) {
            outcome = `threw ${(error as Error).stack ?? error}`;
          }
          if (c.id !== undefined) byId.set(`${set}:${c.id}`, outcome);
          if (outcome === undefined) passed++;
          else failures.push(`${name}: ${outcome}`);
        }
      }
      results.push({ name: `protocols/${set}`, passed, failed: failures.length, failures });
    }
    for (const coverage of adapter.smithy ?? []) results.push(await smithyCoverage(coverage, byId));
  }
  return results;
};
