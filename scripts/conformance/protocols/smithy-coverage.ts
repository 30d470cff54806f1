// Every client test id of a Smithy test model must be covered: by a botocore case with the same id
// (its outcome counts), or by a case the adapter builds from the Smithy model.

import { readConformanceJson } from '../../lib/repo-data.js';
import type { SetResult } from '../types.js';
import type { SmithyCoverage, SmithyTest } from './adapter.js';

interface SmithyAst {
  readonly shapes: Record<string, { readonly traits?: Record<string, unknown> }>;
}

/** Every client test of a Smithy test model (`smithy-aws-protocol-tests/ec2Query`), in shape order. */
export function smithyTests(model: string): SmithyTest[] {
  const ast = readConformanceJson<SmithyAst>(`protocols/smithy/${model}.json`);
  const tests: SmithyTest[] = [];
  for (const [shape, { traits }] of Object.entries(ast.shapes)) {
    for (const kind of ['request', 'response'] as const) {
      const cases =
        traits?.[kind === 'request' ? 'smithy.test#httpRequestTests' : 'smithy.test#httpResponseTests'];
      for (const test of (cases ?? []) as Omit<SmithyTest, 'kind' | 'shape'>[])
        if (test.appliesTo !== 'server') tests.push({ ...test, kind, shape });
    }
  }
  return tests;
}

/** `byId` holds each botocore case's outcome by `<set>:<id>`. */
export async function smithyCoverage(
  coverage: SmithyCoverage,
  byId: ReadonlyMap<string, string | undefined>,
): Promise<SetResult> {
  const failures: string[] = [];
  let passed = 0;
  for (const test of smithyTests(coverage.model)) {
    const sets = test.kind === 'request' ? coverage.requestSets : coverage.responseSets;
    const key = sets.map((set) => `${set}:${test.id}`).find((k) => byId.has(k));
    const handBuilt = coverage.handBuilt?.[test.id];
    let outcome: string | undefined;
    if (key !== undefined) outcome = byId.get(key);
    else if (handBuilt !== undefined) outcome = await handBuilt(test);
    else outcome = `no botocore JSON case in ${sets.join(' or ')} and no hand-built case`;
    if (outcome === undefined) passed++;
    else failures.push(`${test.id} (${test.shape}): ${outcome}`);
  }
  const name = `protocols/smithy/${coverage.model.split('/').pop()}`;
  return { name, passed, failed: failures.length, failures };
}
