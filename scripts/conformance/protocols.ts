// Protocol conformance: every input and output case of botocore's ec2/query protocol tests
// (fixtures/conformance/protocols/botocore, current and legacy), run in memory through buildSchemas,
// validateInput, fillIdempotencyTokens, serializeRequestBody, resolveHostPrefix, compressRequestBody,
// decodeOutput (both parsers) and parseServiceError. Nothing is skipped, not even the cases botocore's
// own ignore list leaves out. A last set checks that every Smithy ec2Query test id is covered: by its
// botocore JSON form, or (for the one case botocore has not converted) by a case built here from the
// Smithy model (fixtures/conformance/protocols/smithy, Smithy's JSON AST of the .smithy files).

import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { gunzipSync } from 'node:zlib';
import {
  compressRequestBody,
  decodeOutput,
  FORM_CONTENT_TYPE,
  fillIdempotencyTokens,
  type OperationSchema,
  parseServiceError,
  resolveHostPrefix,
  resolveSchema,
  type Schema,
  type ServiceSchema,
  serializeRequestBody,
  validateInput,
} from '@boto-ts/core';
import type { ModelOperation, ModelShape, ServiceModel } from '../../packages/codegen/src/model.js';
import { buildSchemas } from '../../packages/codegen/src/schema-builder.js';
import { conformancePath, readConformanceJson } from '../lib/repo-data.js';
import type { ConformanceSuite, SetResult } from './types.js';

/** The uuid the idempotency-token cases expect. */
const FIXED_UUID = '00000000-0000-4000-8000-000000000000';

const SETS = [
  'input/ec2',
  'output/ec2',
  'input/query',
  'output/query',
  'legacy/input/ec2',
  'legacy/output/ec2',
  'legacy/input/query',
  'legacy/output/query',
] as const;

interface Suite {
  readonly description: string;
  readonly metadata: { readonly protocol: string; readonly apiVersion?: string };
  readonly clientEndpoint?: string;
  readonly shapes: Readonly<Record<string, ModelShape>>;
  readonly cases: readonly Case[];
}

interface Case {
  readonly id?: string;
  readonly description?: string;
  readonly given: ModelOperation & { readonly name: string };
  readonly params?: Record<string, unknown>;
  readonly serialized?: {
    readonly method?: string;
    readonly uri?: string;
    readonly body?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly forbidHeaders?: readonly string[];
    readonly requireHeaders?: readonly string[];
    readonly host?: string;
  };
  readonly response?: {
    readonly status_code: number;
    readonly headers?: Record<string, string>;
    readonly body?: string;
  };
  readonly result?: Record<string, unknown>;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly error?: Record<string, unknown>;
}

interface Built {
  readonly service: ServiceSchema;
  readonly operation: OperationSchema;
}

export const run: ConformanceSuite = async () => {
  const results: SetResult[] = [];
  /** Outcome by `<set>:<id>` (two ids name both a request and a response test). */
  const byId = new Map<string, string | undefined>();
  for (const set of SETS) {
    const suites = JSON.parse(
      readFileSync(conformancePath('protocols', 'botocore', `${set}.json`), 'utf8'),
    ) as Suite[];
    const failures: string[] = [];
    let passed = 0;
    for (const suite of suites) {
      suite.cases.forEach((c, i) => {
        const name = c.id ?? `${suite.description} #${i + 1}`;
        let outcome: string | undefined;
        try {
          outcome = runCase(suite, c);
        } catch (error) {
          outcome = `threw ${(error as Error).stack ?? error}`;
        }
        if (c.id !== undefined) byId.set(`${set}:${c.id}`, outcome);
        if (outcome === undefined) passed++;
        else failures.push(`${name}: ${outcome}`);
      });
    }
    results.push({ name: `protocols/${set}`, passed, failed: failures.length, failures });
  }
  results.push(smithyCoverage(byId));
  return results;
};

function runCase(suite: Suite, c: Case): string | undefined {
  const built = build(suite, c.given);
  if (c.params !== undefined) return checkRequest(suite, c, built);
  if (c.response !== undefined) return checkResponse(c, built);
  return 'case has neither params nor response';
}

function build(suite: Suite, given: Case['given']): Built {
  const model: ServiceModel = {
    metadata: {
      apiVersion: suite.metadata.apiVersion ?? '',
      endpointPrefix: 'service',
      protocol: suite.metadata.protocol,
      serviceId: 'Conformance',
    },
    operations: { [given.name]: given },
    shapes: suite.shapes,
  };
  const built = buildSchemas(model);
  return { service: built.service, operation: built.operations.get(given.name) as OperationSchema };
}

// ---- requests ----

function checkRequest(suite: Suite, c: Case, { service, operation }: Built): string | undefined {
  const expected = c.serialized ?? {};
  const params = operation.input ? fromTestValues(c.params ?? {}, operation.input) : (c.params ?? {});
  validateInput(operation, params);
  const input = fillIdempotencyTokens(operation, params as object, () => FIXED_UUID);
  const form = serializeRequestBody(service, operation, input);
  const { body, contentEncoding } = compressRequestBody(operation, form);
  const headers: Record<string, string> = { 'content-type': FORM_CONTENT_TYPE };
  if (contentEncoding !== undefined) headers['content-encoding'] = contentEncoding;
  headers['content-length'] = String(typeof body === 'string' ? Buffer.byteLength(body) : body.length);
  const problems: string[] = [];
  if (contentEncoding !== undefined && gunzipSync(body as Uint8Array).toString('utf8') !== form)
    problems.push('the gzip body does not decompress to the form body');
  if (expected.body !== undefined && expected.body !== form)
    problems.push(`body\n      expected ${expected.body}\n      actual   ${form}`);
  for (const [name, value] of Object.entries(expected.headers ?? {})) {
    const actual = headers[name.toLowerCase()];
    const ok =
      actual === value || (name.toLowerCase() === 'content-type' && actual === `${value}; charset=utf-8`);
    if (!ok)
      problems.push(`header ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual)}`);
  }
  for (const name of expected.forbidHeaders ?? [])
    if (headers[name.toLowerCase()] !== undefined) problems.push(`header ${name} must be absent`);
  for (const name of expected.requireHeaders ?? [])
    if (headers[name.toLowerCase()] === undefined) problems.push(`header ${name} is missing`);
  const method = operation.http?.method ?? 'POST';
  if (expected.method !== undefined && expected.method !== method)
    problems.push(`method: expected ${expected.method}, got ${method}`);
  const endpoint = new URL(suite.clientEndpoint ?? 'https://service.region.amazonaws.com');
  const basePath = endpoint.pathname.replace(/\/$/, '');
  const uri = basePath + (operation.http?.requestUri ?? '/');
  if (expected.uri !== undefined && expected.uri !== uri)
    problems.push(`uri: expected ${expected.uri}, got ${uri}`);
  if (expected.host !== undefined) {
    const host = (resolveHostPrefix(operation, input) ?? '') + endpoint.host + basePath;
    if (host !== expected.host) problems.push(`host: expected ${expected.host}, got ${host}`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** Test params use epoch seconds for timestamps, text for blobs and "NaN"/"Infinity" for floats. */
function fromTestValues(value: unknown, schema: Schema): unknown {
  if (value === null || value === undefined) return value;
  switch (schema.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) {
        const member = schema.members.find((m) => m[0] === key);
        out[key] = member === undefined ? record[key] : fromTestValues(record[key], resolveSchema(member[1]));
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => fromTestValues(item, resolveSchema(schema.member)));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        out[k] = fromTestValues(v, resolveSchema(schema.value));
      return out;
    }
    case 'timestamp':
      return new Date((value as number) * 1000);
    case 'blob':
      return new TextEncoder().encode(value as string);
    case 'float':
    case 'double':
      return typeof value === 'string' ? Number(value) : value;
    default:
      return value;
  }
}

// ---- responses ----

function checkResponse(c: Case, { service, operation }: Built): string | undefined {
  const response = c.response as NonNullable<Case['response']>;
  const body = new TextEncoder().encode(response.body ?? '');
  const headers = Object.fromEntries(
    Object.entries(response.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  if (c.errorCode !== undefined) {
    const parsed = parseServiceError(service, operation, { statusCode: response.status_code, headers, body });
    const shape = [...(operation.errors ?? []), ...(service.errors ?? [])].find(
      (s) => (s.error?.code ?? s.name) === parsed.code,
    );
    // A case without errorMessage does not assert the message: the Smithy test it comes from
    // (Ec2ComplexError) has none, though its body carries one. botocore's runner compares it with ""
    // instead, which is why botocore's ignore list skips that case.
    const actual = {
      Error: { Code: parsed.code, Message: c.errorMessage === undefined ? '' : parsed.message },
      ...(shape ? (toTestValues(parsed.details, shape) as Record<string, unknown>) : parsed.details),
    };
    const expected = { Error: { Code: c.errorCode, Message: c.errorMessage ?? '' }, ...(c.error ?? {}) };
    return isDeepStrictEqual(actual, expected) ? undefined : differs(expected, actual);
  }
  const problems: string[] = [];
  for (const parser of ['builtin', 'fast-xml-parser'] as const) {
    const { output } = decodeOutput(service, operation, body, { parser });
    const actual = operation.output ? toTestValues(output, operation.output) : output;
    const expected = c.result ?? {};
    if (!isDeepStrictEqual(actual, expected)) problems.push(`${parser}: ${differs(expected, actual)}`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}

/** Our output in the tests' notation: epoch seconds, blobs as text, special floats as strings. */
function toTestValues(value: unknown, schema: Schema): unknown {
  switch (schema.kind) {
    case 'structure': {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
        const member = schema.members.find((m) => m[0] === key);
        out[key] = member === undefined ? v : toTestValues(v, resolveSchema(member[1]));
      }
      return out;
    }
    case 'list':
      return (value as unknown[]).map((item) => toTestValues(item, resolveSchema(schema.member)));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>))
        out[k] = toTestValues(v, resolveSchema(schema.value));
      return out;
    }
    case 'timestamp':
      return (value as Date).getTime() / 1000;
    case 'blob':
      return new TextDecoder().decode(value as Uint8Array);
    case 'float':
    case 'double':
      return Number.isFinite(value) ? value : String(value);
    default:
      return value;
  }
}

function differs(expected: unknown, actual: unknown): string {
  return `\n      expected ${JSON.stringify(expected)}\n      actual   ${JSON.stringify(actual)}`;
}

// ---- Smithy ec2Query coverage ----

/** One Smithy protocol test, as the JSON AST holds it (the fields this runner reads). */
interface SmithyTest {
  readonly id: string;
  readonly kind: 'request' | 'response';
  /** The shape whose trait holds the test (an operation, or an error structure). */
  readonly shape: string;
  readonly appliesTo?: 'client' | 'server';
  readonly body?: string;
  readonly params?: Record<string, unknown>;
}

interface SmithyAst {
  readonly shapes: Record<string, { readonly traits?: Record<string, unknown> }>;
}

/** Every client test of a Smithy test model (`smithy-aws-protocol-tests/ec2Query`), in shape order. */
function smithyTests(model: string): SmithyTest[] {
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

function smithyCoverage(byId: ReadonlyMap<string, string | undefined>): SetResult {
  const failures: string[] = [];
  let passed = 0;
  for (const test of smithyTests('smithy-aws-protocol-tests/ec2Query')) {
    const set = test.kind === 'request' ? 'input/ec2' : 'output/ec2';
    const key = `${set}:${test.id}`;
    let outcome: string | undefined;
    if (byId.has(key)) outcome = byId.get(key);
    else if (test.id === 'Ec2QueryNameDistinctFromXmlNameAndMemberName') outcome = distinctNamesCase(test);
    else outcome = `no botocore JSON case in ${set}.json and no hand-built case`;
    if (outcome === undefined) passed++;
    else failures.push(`${test.id} (${test.shape}): ${outcome}`);
  }
  return { name: 'protocols/smithy-ec2query', passed, failed: failures.length, failures };
}

/**
 * The one ec2Query request test botocore has not converted to JSON. Its members, translated by hand
 * from the Smithy model (`@ec2QueryName` -> queryName, `@xmlName` -> locationName); body and params
 * are the test's own.
 */
function distinctNamesCase(test: SmithyTest): string | undefined {
  const { body, params } = test;
  if (body === undefined || params === undefined) return 'the Smithy test has no body or params';
  const suite: Suite = {
    description: test.id,
    metadata: { protocol: 'ec2', apiVersion: '2020-01-08' },
    shapes: {
      SimpleInputParamsInput: {
        type: 'structure',
        members: {
          DistinctQueryName: { shape: 'String', queryName: 'QueryName' },
          DistinctQueryAndXmlName: {
            shape: 'String',
            queryName: 'queryAndXmlName',
            locationName: 'xmlAndQueryName',
          },
          DistinctXmlName: { shape: 'String', locationName: 'xmlNameOnly' },
        },
      },
      String: { type: 'string' },
    },
    cases: [],
  };
  return runCase(suite, {
    id: test.id,
    given: {
      name: 'SimpleInputParams',
      http: { method: 'POST', requestUri: '/' },
      input: { shape: 'SimpleInputParamsInput' },
    },
    params,
    serialized: {
      method: 'POST',
      uri: '/',
      body,
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      requireHeaders: ['Content-Length'],
    },
  });
}
