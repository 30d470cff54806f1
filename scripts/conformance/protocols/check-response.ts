// A response case: the status, headers and body through the protocol's decodeResponse (with every
// decoder the adapter names) or, for an error case, its parseError; the result compared with the
// case's in the tests' notation.

import { isDeepStrictEqual } from 'node:util';
import type { WireProtocol } from '@boto-ts/core';
import type { ProtocolAdapter } from './adapter.js';
import type { Built, Case } from './cases.js';
import { differs, toTestValues } from './test-values.js';

export function checkResponse(
  c: Case,
  { service, operation }: Built,
  protocol: WireProtocol,
  adapter: ProtocolAdapter,
): string | undefined {
  const given = c.response as NonNullable<Case['response']>;
  const response = {
    statusCode: given.status_code,
    headers: Object.fromEntries(Object.entries(given.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
    body: new TextEncoder().encode(given.body ?? ''),
  };
  if (c.errorCode !== undefined) {
    const parsed = protocol.parseError(service, operation, response);
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
  for (const decoder of adapter.decoders ?? [{ name: 'default', options: {} }]) {
    const { output } = protocol.decodeResponse(service, operation, response, decoder.options);
    const actual = operation.output ? toTestValues(output, operation.output) : output;
    const expected = c.result ?? {};
    if (!isDeepStrictEqual(actual, expected)) problems.push(`${decoder.name}: ${differs(expected, actual)}`);
  }
  return problems.length === 0 ? undefined : problems.join('; ');
}
