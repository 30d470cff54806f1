// A request case: the params through validation, idempotency tokens and the pipeline's own
// buildRequest (the protocol's serializer, request compression, host prefix, endpoint path), then
// method, path, query, headers, host and body against the case. The query string is compared as a
// multiset of pairs, since its order carries no meaning.

import { gunzipSync } from 'node:zlib';
import { fillIdempotencyTokens, validateInput, type WireProtocol } from '@boto-ts/core';
import { buildRequest } from '../../../packages/core/src/client/build-request.js';
import type { ProtocolAdapter } from './adapter.js';
import type { Built, Case, Suite } from './cases.js';
import { fromTestValues } from './test-values.js';

/** The uuid the idempotency-token cases expect. */
const FIXED_UUID = '00000000-0000-4000-8000-000000000000';
const DEFAULT_ENDPOINT = 'https://service.region.amazonaws.com';

function splitUri(uri: string): { path: string; query: string[] } {
  const at = uri.indexOf('?');
  if (at < 0) return { path: uri, query: [] };
  const query = uri.slice(at + 1);
  return { path: uri.slice(0, at), query: query === '' ? [] : query.split('&').sort() };
}

export async function checkRequest(
  suite: Suite,
  c: Case,
  { service, operation }: Built,
  protocol: WireProtocol,
  adapter: ProtocolAdapter,
): Promise<string | undefined> {
  const expected = c.serialized ?? {};
  const params = operation.input ? fromTestValues(c.params ?? {}, operation.input) : (c.params ?? {});
  validateInput(operation, params);
  const input = fillIdempotencyTokens(operation, params as object, () => FIXED_UUID);
  const endpointUrl = (suite.clientEndpoint ?? DEFAULT_ENDPOINT).replace(/\/$/, '');
  const request = await buildRequest(protocol, service, operation, input, {
    endpoint: { url: endpointUrl, headers: {} },
    userAgent: 'conformance',
  });
  const headers = request.headers;
  const problems: string[] = [];

  let body = request.body;
  if (headers['content-encoding'] === 'gzip' && body instanceof Uint8Array) body = gunzipSync(body);
  if (expected.body !== undefined) {
    const problem = adapter.compareBody(expected.body, body, c);
    if (problem !== undefined) problems.push(`body: ${problem}`);
  }
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
  if (expected.method !== undefined && expected.method !== request.method)
    problems.push(`method: expected ${expected.method}, got ${request.method}`);

  const url = new URL(request.url);
  if (expected.uri !== undefined) {
    const want = splitUri(expected.uri);
    const got = splitUri(url.pathname + url.search);
    if (want.path !== got.path || want.query.join('&') !== got.query.join('&'))
      problems.push(`uri: expected ${expected.uri}, got ${url.pathname + url.search}`);
  }
  if (expected.host !== undefined) {
    const basePath = new URL(endpointUrl).pathname.replace(/\/$/, '');
    const host = url.host + basePath;
    if (host !== expected.host) problems.push(`host: expected ${expected.host}, got ${host}`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}
