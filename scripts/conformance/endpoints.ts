// Endpoint conformance: every official endpoint test case of every service in the repository, run
// through core's rules engine. A case's `params` are resolved as given; each of its `operationInputs`
// is first turned into parameters as a client would (built-ins, client context parameters, and the
// operation's static, member and path context parameters from service-2.json). A case passes when
// every run gives the expected URL, properties and headers, or the expected error message.

import { isDeepStrictEqual } from 'node:util';
import {
  bindEndpointParams,
  operationEndpointParams,
  type RuleSetEndpoint,
  RuleSetError,
  resolveRuleSet,
} from '@boto-ts/core';
import {
  type EndpointExpectation,
  type EndpointTestCase,
  type EndpointTestService,
  endpointTestServiceNames,
  loadEndpointTestService,
} from '../lib/endpoint-cases.js';
import type { ConformanceSuite, SetResult } from './types.js';

type Outcome = { readonly endpoint: RuleSetEndpoint } | { readonly error: string };

function resolveOutcome(service: EndpointTestService, params: Record<string, unknown>): Outcome {
  try {
    return { endpoint: resolveRuleSet(service.ruleSet, params as Parameters<typeof resolveRuleSet>[1]) };
  } catch (error) {
    // Only an `error` rule's message counts; any other failure is reported as a crash.
    if (error instanceof RuleSetError) return { error: error.message };
    return { error: `(not a rule-set error) ${(error as Error).message}` };
  }
}

/** What differs between an outcome and the expectation, or undefined when they agree. */
function difference(outcome: Outcome, expect: EndpointExpectation): string | undefined {
  if (expect.error !== undefined) {
    if ('error' in outcome && outcome.error === expect.error) return undefined;
    return `expected error ${JSON.stringify(expect.error)}, got ${JSON.stringify(outcome)}`;
  }
  const wanted = {
    url: expect.endpoint?.url,
    properties: expect.endpoint?.properties ?? {},
    headers: expect.endpoint?.headers ?? {},
  };
  if ('endpoint' in outcome && isDeepStrictEqual(outcome.endpoint, wanted)) return undefined;
  return `expected ${JSON.stringify(wanted)}, got ${JSON.stringify(outcome)}`;
}

/** Every run of one case (its params, then each operation input); the failures, each named. */
function runCase(service: EndpointTestService, testCase: EndpointTestCase, label: string): string[] {
  const failures: string[] = [];
  if (testCase.params !== undefined) {
    const diff = difference(resolveOutcome(service, { ...testCase.params }), testCase.expect);
    if (diff !== undefined) failures.push(`${label} params: ${diff}`);
  }
  for (const input of testCase.operationInputs ?? []) {
    const context = service.operations[input.operationName];
    const where = `${label} ${input.operationName}(${JSON.stringify(input.operationParams ?? {})})`;
    if (context === undefined) {
      failures.push(`${where}: the service model has no operation ${input.operationName}`);
      continue;
    }
    const params = bindEndpointParams(service.ruleSet, {
      builtIns: input.builtInParams,
      clientContextParams: input.clientParams,
      operationParams: operationEndpointParams(context, input.operationParams),
    });
    const diff = difference(resolveOutcome(service, params), testCase.expect);
    if (diff !== undefined) failures.push(`${where}: ${diff}`);
  }
  return failures;
}

function runService(name: string): SetResult {
  const service = loadEndpointTestService(name);
  let passed = 0;
  const failures: string[] = [];
  service.cases.forEach((testCase, index) => {
    const label = `${name} #${index} ${JSON.stringify(testCase.params ?? {})}`;
    const caseFailures = runCase(service, testCase, label);
    if (caseFailures.length === 0) passed++;
    else failures.push(...caseFailures);
  });
  return {
    name: `endpoints/${name}`,
    passed,
    failed: service.cases.length - passed,
    failures,
  };
}

export const run: ConformanceSuite = async () => endpointTestServiceNames().map(runService);
