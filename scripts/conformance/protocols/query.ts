// The form protocols (ec2, query): bodies compared byte for byte, responses through both XML
// parsers, and the one Smithy ec2Query test botocore has not converted built here.

import { fastXmlParserDecoder } from '@boto-ts/core';
import type { ProtocolAdapter, SmithyTest } from './adapter.js';
import type { Suite } from './cases.js';
import { runCase } from './run-case.js';
import { differs } from './test-values.js';

const load = async () => import('../../../packages/core/src/protocols/query.js');

const formProtocol = {
  compareBody: (expected: string, actual: string | Uint8Array | undefined) => {
    const text = typeof actual === 'string' ? actual : new TextDecoder().decode(actual);
    return text === expected ? undefined : differs(expected, text);
  },
  decoders: [
    { name: 'builtin', options: {} },
    { name: 'fast-xml-parser', options: { xmlDecoder: fastXmlParserDecoder } },
  ],
} as const;

export const ec2: ProtocolAdapter = {
  ...formProtocol,
  sets: ['input/ec2', 'output/ec2', 'legacy/input/ec2', 'legacy/output/ec2'],
  load: async () => (await load()).ec2Protocol,
  smithy: [
    {
      model: 'smithy-aws-protocol-tests/ec2Query',
      requestSets: ['input/ec2'],
      responseSets: ['output/ec2'],
      handBuilt: { Ec2QueryNameDistinctFromXmlNameAndMemberName: (test) => distinctNamesCase(test) },
    },
  ],
};

export const query: ProtocolAdapter = {
  ...formProtocol,
  sets: ['input/query', 'output/query', 'legacy/input/query', 'legacy/output/query'],
  load: async () => (await load()).queryProtocol,
};

/**
 * The one ec2Query request test botocore has not converted to JSON. Its members, translated by hand
 * from the Smithy model (`@ec2QueryName` -> queryName, `@xmlName` -> locationName); body and params
 * are the test's own.
 */
function distinctNamesCase(test: SmithyTest): Promise<string | undefined> {
  const { body, params } = test;
  if (body === undefined || params === undefined)
    return Promise.resolve('the Smithy test has no body or params');
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
  return runCase(ec2, suite, {
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
