// Writes fixtures/waiters/<Operation>.json from the EC2 model (`pnpm exec tsx --conditions=@boto-ts/source
// packages/waiters/src/test-support/write-waiter-fixtures.ts`). acceptor-paths.test.ts checks they are current.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { modelPath, repoRoot } from '../../../../scripts/lib/repo-data.js';
import { buildWaiterFixtures, type FixtureModel, type FixtureWaiters } from './waiter-fixtures.js';

const read = <T>(file: string): T =>
  JSON.parse(readFileSync(modelPath('ec2', '2016-11-15', file), 'utf8')) as T;

export const FIXTURE_DIR = join(repoRoot, 'fixtures', 'waiters');

export function renderFixture(fixture: ReturnType<typeof buildWaiterFixtures>[number]): string {
  return `${JSON.stringify(fixture, null, 2)}\n`;
}

export function currentFixtures(): ReturnType<typeof buildWaiterFixtures> {
  return buildWaiterFixtures(read<FixtureModel>('service-2.json'), read<FixtureWaiters>('waiters-2.json'));
}

if (process.argv[1]?.endsWith('write-waiter-fixtures.ts')) {
  mkdirSync(FIXTURE_DIR, { recursive: true });
  for (const fixture of currentFixtures()) {
    writeFileSync(join(FIXTURE_DIR, `${fixture.operation}.json`), renderFixture(fixture));
  }
  console.log(`wrote ${currentFixtures().length} fixture files to ${FIXTURE_DIR}`);
}
