// `pnpm conformance`: runs every conformance suite against the repository's fixtures/conformance and
// prints one line per set. `--verbose` also prints each failure. Exits non-zero on any failure.

import type { ConformanceSuite, SetResult } from './types.js';

const suites: Record<string, () => Promise<{ run: ConformanceSuite }>> = {
  // Each suite lives in its own module beside this one.
  sigv4: () => import('./sigv4.js'),
  protocols: () => import('./protocols/run.js'),
  endpoints: () => import('./endpoints.js'),
};

const verbose = process.argv.includes('--verbose');
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));

async function main(): Promise<number> {
  let failed = 0;
  for (const [name, load] of Object.entries(suites)) {
    if (only.length > 0 && !only.includes(name)) continue;
    let results: readonly SetResult[];
    try {
      results = await (await load()).run();
    } catch (error) {
      console.log(`${name}: 0 passed, 1 failed`);
      console.error(`  suite crashed: ${(error as Error).stack ?? error}`);
      failed++;
      continue;
    }
    for (const result of results) {
      console.log(`${result.name}: ${result.passed} passed, ${result.failed} failed`);
      if (verbose || result.failed > 0)
        for (const f of result.failures.slice(0, verbose ? undefined : 10)) console.log(`  - ${f}`);
      failed += result.failed;
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = await main();
