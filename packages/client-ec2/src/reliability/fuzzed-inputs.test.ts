// Fuzzed inputs end to end: random, often broken, inputs for a handful of operations go through the
// real EC2Client to ec2-local. Each call must end in one of three ways: a result (or a DryRun outcome),
// a ServiceError from the server, or a ValidationError before anything was sent (neither the wire
// nor the server saw a request). Any other exception is a bug.

import { EC2Client, ServiceError, ValidationError } from '@boto-ts/client-ec2';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzedInput, WELL_TYPED } from './test-support/fuzz-inputs.js';
import { type LocalEndpoint, startLocalEndpoint } from './test-support/local-endpoint.js';
import { installSecretGuard } from './test-support/secret-guard.js';
import { destroyAll, tracedClient } from './test-support/traced-client.js';

const secrets = installSecretGuard();
const { guard } = secrets;
/** `RELIABILITY_FUZZ_RUNS=<n>` explores further (with `FC_SEED=random` for fresh inputs). */
const RUNS_PER_OPERATION = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 80);

let endpoint: LocalEndpoint;
let client: EC2Client;
const outcomes = new Map<string, number>();

beforeAll(async () => {
  endpoint = await startLocalEndpoint();
  secrets.watch(endpoint.proxy);
  // No retries: every request the server sees is one call's only attempt.
  ({ client } = tracedClient(guard, endpoint.endpoint, { maxAttempts: 1 }));
});
afterAll(async () => {
  await destroyAll();
  await endpoint.close();
});

type Method = (input: unknown) => Promise<unknown>;

/** Calls `operation` with `input` and checks that it ended in one of the three allowed ways. */
async function callAndClassify(operation: string, input: unknown): Promise<void> {
  const wireBefore = endpoint.proxy.signedRequests;
  const logBefore = endpoint.log.length;
  const method = (client as unknown as Record<string, Method>)[operation]!;
  let outcome: string;
  try {
    const output = (await method.call(client, input)) as { $metadata?: unknown; $dryRun?: unknown };
    expect(output.$metadata).toBeDefined();
    outcome = output.$dryRun === undefined ? 'result' : 'dry run';
    expect(endpoint.proxy.signedRequests).toBe(wireBefore + 1);
  } catch (error) {
    guard.record(error);
    if (error instanceof ValidationError) {
      outcome = 'ValidationError';
      expect(error.problems.length).toBeGreaterThan(0);
      expect(endpoint.proxy.signedRequests, 'a request was sent despite the ValidationError').toBe(
        wireBefore,
      );
      expect(endpoint.log.length).toBe(logBefore);
    } else if (error instanceof ServiceError) {
      outcome = `ServiceError ${error.code}`;
      expect(endpoint.proxy.signedRequests).toBe(wireBefore + 1);
      expect(error.$metadata.attempts).toBe(1);
      // The server understood the request: it answered a client error, never a failure of its own.
      expect(error.statusCode).toBeLessThan(500);
    } else {
      throw error;
    }
  }
  const key = `${operation}: ${outcome}`;
  outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
}

describe('fuzzed inputs end in a result, a ServiceError, or a ValidationError before sending', () => {
  it.each(Object.keys(WELL_TYPED))('%s', async (operation) => {
    await fc.assert(
      fc.asyncProperty(fuzzedInput(operation), async (input) => {
        // Launches and volumes pile up otherwise; the server's state does not matter here.
        endpoint.local.reset();
        await callAndClassify(operation, input);
      }),
      { numRuns: RUNS_PER_OPERATION },
    );
  });

  it('reached each kind of ending, so the property above tested all three paths', () => {
    if (process.env.SHOW_OUTCOMES) console.log([...outcomes].sort().join('\n'));
    const seen = [...outcomes.keys()];
    expect(seen.some((k) => k.endsWith(': result'))).toBe(true);
    expect(seen.some((k) => k.endsWith(': ValidationError'))).toBe(true);
    expect(seen.some((k) => k.includes(': ServiceError'))).toBe(true);
    expect(seen.some((k) => k.endsWith(': dry run'))).toBe(true);
  });
});

describe('specific broken inputs', () => {
  it.each<[string, string, unknown]>([
    ['a string instead of the input object', 'describeInstances', 'i-0123456789abcdef0'],
    ['an array instead of the input object', 'describeInstances', [{ InstanceIds: [] }]],
    ['a nested list where a list of strings belongs', 'describeInstances', { InstanceIds: [['i-1']] }],
    ['a count given as a string', 'runInstances', { MinCount: '1', MaxCount: 1 }],
    ['a missing required count', 'runInstances', { MaxCount: 1 }],
    ['an own __proto__ member', 'describeInstances', JSON.parse('{"__proto__": {"DryRun": true}}')],
    ['a member named constructor', 'terminateInstances', { InstanceIds: ['i-1'], constructor: 'x' }],
    ['a bigint where an integer belongs', 'describeInstances', { MaxResults: 10n }],
    ['an integer beyond 2^53', 'runInstances', { MinCount: 2 ** 60, MaxCount: 1 }],
    ['a symbol', 'createTags', { Resources: [Symbol('r')], Tags: [] }],
    ['an unpaired surrogate in a string', 'createSecurityGroup', { GroupName: '\uDC00', Description: 'd' }],
  ])('%s: ValidationError, nothing sent', async (_, operation, input) => {
    const wireBefore = endpoint.proxy.signedRequests;
    const method = (client as unknown as Record<string, Method>)[operation]!;
    const error = await guard.rejection(method.call(client, input));
    expect(error).toBeInstanceOf(ValidationError);
    expect(endpoint.proxy.signedRequests).toBe(wireBefore);
  });

  it('sends a well-formed DryRun of each operation and gets the DryRun outcome, not an exception', async () => {
    const dryRun = await client.describeInstances({ DryRun: true });
    expect(dryRun.$dryRun.code).toBe('DryRunOperation');
  });
});

it('a fresh client is not needed after any of these: the same client still works', async () => {
  const output = await client.describeRegions();
  expect(output.$metadata.attempts).toBe(1);
  expect(new EC2Client()).toBeInstanceOf(EC2Client);
});
