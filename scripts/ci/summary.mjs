#!/usr/bin/env node
// Adds up what CI ran: vitest's JSON results (one file per Node version) and every
// `<name>: N passed, N failed` line that the other steps printed, then prints the closing line.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const [resultsDir, ...logs] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of existsSync(resultsDir) ? readdirSync(resultsDir) : []) {
  if (!file.endsWith('.json')) continue;
  const report = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  console.log(
    `vitest ${file.replace('.json', '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests ?? 0} skipped`,
  );
}
for (const log of logs) {
  if (!existsSync(log)) continue;
  for (const line of readFileSync(log, 'utf8').split('\n')) {
    const m = /^([\w./-]+(?: \([\w-]+\))?): (\d+) passed, (\d+) failed$/.exec(line.trim());
    if (m && !line.startsWith('vitest')) {
      passed += Number(m[2]);
      failed += Number(m[3]);
    }
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
