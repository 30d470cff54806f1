// The one place that reads the endpoint test data: each service's rule set (models/<service>/<version>/
// endpoint-rule-set-1.json), its official test cases (fixtures/conformance/endpoints/botocore/<service>.json)
// and the operations' endpoint context parameters from its service-2.json.

import { readdirSync } from 'node:fs';
import type { OperationEndpointContext, RuleSet } from '@boto-ts/core';
import { conformancePath, modelPath, readConformanceJson, readModelJson } from './repo-data.js';

/** The folder of the official endpoint test cases, one `<service>.json` per service. */
const CASES_DIR = 'endpoints/botocore';

type ParamValue = string | boolean | readonly string[];

/** One call of an operation that a test case makes through a client (botocore's `operationInputs`). */
export interface EndpointOperationInput {
  readonly operationName: string;
  readonly operationParams?: Readonly<Record<string, unknown>>;
  /** By built-in name (`AWS::Region`, `SDK::Endpoint`, `AWS::S3::ForcePathStyle`, ...). */
  readonly builtInParams?: Readonly<Record<string, ParamValue>>;
  /** By rule-set parameter name. */
  readonly clientParams?: Readonly<Record<string, ParamValue>>;
}

export interface EndpointExpectation {
  readonly endpoint?: {
    readonly url: string;
    readonly properties?: Readonly<Record<string, unknown>>;
    readonly headers?: Readonly<Record<string, readonly string[]>>;
  };
  readonly error?: string;
}

export interface EndpointTestCase {
  readonly params?: Readonly<Record<string, ParamValue>>;
  readonly operationInputs?: readonly EndpointOperationInput[];
  readonly expect: EndpointExpectation;
}

export interface EndpointTestService {
  /** The folder name under models/ (`s3`, `sso-oidc`). */
  readonly name: string;
  readonly ruleSet: RuleSet;
  readonly cases: readonly EndpointTestCase[];
  /** Each operation's context parameters, by operation name (absent: the operation has none). */
  readonly operations: Readonly<Record<string, OperationEndpointContext>>;
}

interface ModelMember {
  readonly shape: string;
  readonly contextParam?: { readonly name: string };
}

interface ServiceModelSubset {
  readonly operations: Readonly<
    Record<
      string,
      {
        readonly input?: { readonly shape: string };
        readonly staticContextParams?: Readonly<Record<string, { readonly value: ParamValue }>>;
        readonly operationContextParams?: Readonly<Record<string, { readonly path: string }>>;
      }
    >
  >;
  readonly shapes: Readonly<Record<string, { readonly members?: Readonly<Record<string, ModelMember>> }>>;
}

/** The services that have endpoint test cases, in name order. */
export function endpointTestServiceNames(): string[] {
  return readdirSync(conformancePath(CASES_DIR))
    .filter((file) => file.endsWith('.json'))
    .map((file) => file.slice(0, -'.json'.length))
    .sort();
}

function modelVersion(service: string): string {
  const versions = readdirSync(modelPath(service)).sort();
  const latest = versions[versions.length - 1];
  if (latest === undefined) throw new Error(`models/${service} has no version folder`);
  return latest;
}

/** Translates service-2.json's context-parameter traits into the plain data core's resolver takes. */
function operationContexts(model: ServiceModelSubset): Record<string, OperationEndpointContext> {
  const out: Record<string, OperationEndpointContext> = {};
  for (const [name, operation] of Object.entries(model.operations)) {
    const contextParams: Record<string, string> = {};
    const inputShape = operation.input === undefined ? undefined : model.shapes[operation.input.shape];
    for (const [member, spec] of Object.entries(inputShape?.members ?? {})) {
      if (spec.contextParam !== undefined) contextParams[spec.contextParam.name] = member;
    }
    const staticContextParams: Record<string, ParamValue> = {};
    for (const [param, spec] of Object.entries(operation.staticContextParams ?? {})) {
      staticContextParams[param] = spec.value;
    }
    const operationContextParams: Record<string, string> = {};
    for (const [param, spec] of Object.entries(operation.operationContextParams ?? {})) {
      operationContextParams[param] = spec.path;
    }
    out[name] = { staticContextParams, contextParams, operationContextParams };
  }
  return out;
}

/** Everything one service's endpoint tests need. */
export function loadEndpointTestService(name: string): EndpointTestService {
  const version = modelVersion(name);
  const model = readModelJson<ServiceModelSubset>(`${name}/${version}/service-2.json`);
  return {
    name,
    ruleSet: readModelJson<RuleSet>(`${name}/${version}/endpoint-rule-set-1.json`),
    cases: readConformanceJson<{ testCases: EndpointTestCase[] }>(`${CASES_DIR}/${name}.json`).testCases,
    operations: operationContexts(model),
  };
}
