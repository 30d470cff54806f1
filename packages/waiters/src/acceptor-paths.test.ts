// Every EC2 waiter's acceptor paths, compiled at generation time, evaluated on recorded-style responses
// (fixtures/waiters/, built from the model's output shapes) and compared with a runtime JMESPath
// evaluation of the same expressions (@jmespath-community/jmespath and jmespath.js).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { search as communitySearch } from '@jmespath-community/jmespath';
import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { acceptorMatches, sameValue } from './acceptors.js';
import { ec2Waiters } from './generated/ec2/index.js';
import { describeOutcome } from './observed-state.js';
import type { PathAcceptor } from './spec.js';
import type { OperationFixtures } from './test-support/waiter-fixtures.js';
import { currentFixtures, FIXTURE_DIR, renderFixture } from './test-support/write-waiter-fixtures.js';

type Result = { ok: true; value: unknown } | { ok: false };
const attempt = (run: () => unknown): Result => {
  try {
    return { ok: true, value: run() };
  } catch {
    return { ok: false };
  }
};

const fixtures = (operation: string): OperationFixtures =>
  JSON.parse(readFileSync(join(FIXTURE_DIR, `${operation}.json`), 'utf8')) as OperationFixtures;

/** The matcher decision computed from the reference value, per the waiter rules. */
function referenceDecision(acceptor: PathAcceptor, value: Result): boolean {
  if (!value.ok) return false;
  if (acceptor.matcher === 'path') return sameValue(value.value, acceptor.expected);
  if (!Array.isArray(value.value) || value.value.length === 0) return false;
  return acceptor.matcher === 'pathAll'
    ? value.value.every((v) => sameValue(v, acceptor.expected))
    : value.value.some((v) => sameValue(v, acceptor.expected));
}

const waiters = Object.entries(ec2Waiters);

describe('EC2 waiter acceptor paths on recorded-style responses', () => {
  it('covers every EC2 waiter (40+)', () => {
    expect(waiters.length).toBeGreaterThanOrEqual(40);
  });

  it.each(waiters)('%s: compiled paths agree with runtime JMESPath on every fixture', (_name, spec) => {
    const { cases } = fixtures(spec.operation);
    const paths = spec.acceptors.filter((acceptor): acceptor is PathAcceptor => 'path' in acceptor);
    for (const acceptor of paths) {
      let matched = 0;
      for (const { name, response } of cases) {
        const ours = attempt(() => acceptor.path(response));
        const community = attempt(() => communitySearch(response as never, acceptor.argument));
        const original = attempt(() => jmespath.search(response, acceptor.argument));
        expect(ours, `${acceptor.argument} on "${name}"`).toEqual(community);
        expect(ours, `${acceptor.argument} on "${name}" (jmespath.js)`).toEqual(original);
        const decision = acceptorMatches(acceptor, { output: response });
        expect(
          decision,
          `${acceptor.matcher} ${acceptor.argument} == ${acceptor.expected} on "${name}"`,
        ).toBe(referenceDecision(acceptor, community));
        if (decision) matched++;
      }
      // The fixtures exercise both outcomes of every path acceptor.
      expect(matched, `${acceptor.argument} == ${acceptor.expected} matches some fixture`).toBeGreaterThan(0);
      expect(matched, `${acceptor.argument} == ${acceptor.expected} misses some fixture`).toBeLessThan(
        cases.length,
      );
    }
  });

  it.each(waiters.filter(([, spec]) => spec.subject))(
    '%s: names each resource and its state',
    (_name, spec) => {
      const { cases } = fixtures(spec.operation);
      const populated = cases.find((c) => c.name.includes(': all '))!;
      const text = describeOutcome(spec, { output: populated.response });
      const expected = populated.name.split(': all ')[1]!;
      expect(text).toMatch(
        new RegExp(`^${spec.subject!.noun} \\S+ (\\S+ )?is ${expected.replace(/[-]/g, '\\-')}`),
      );
      expect(describeOutcome(spec, { output: cases[1]!.response })).toBe(
        `no ${spec.subject!.noun} in the response`,
      );
    },
  );
});

describe('fixtures/waiters', () => {
  it('are what the fixture builder makes from the current model', () => {
    for (const fixture of currentFixtures()) {
      expect(readFileSync(join(FIXTURE_DIR, `${fixture.operation}.json`), 'utf8'), fixture.operation).toBe(
        renderFixture(fixture),
      );
    }
  });
});
