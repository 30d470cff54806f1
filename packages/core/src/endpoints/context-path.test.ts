import jmespath from 'jmespath';
import { describe, expect, it } from 'vitest';
import { EndpointError } from '../errors/errors.js';
import { evaluateContextPath } from './context-path.js';

const transact = {
  TransactItems: [
    { Get: { TableName: 'arn:aws:dynamodb:us-east-1:123:table/A' } },
    { Put: { TableName: 'B' } },
    { ConditionCheck: { TableName: 'C' }, Delete: { TableName: 'D' } },
    { Update: { TableName: 'E' } },
  ],
};

describe('operationContextParams paths', () => {
  // The DynamoDB paths in the models, plus the other forms the subset allows; JMESPath's own
  // implementation (the jmespath package) is the oracle for every answer.
  const cases: [string, unknown][] = [
    ['TableCreationParameters.TableName', { TableCreationParameters: { TableName: 'T' } }],
    ['TableCreationParameters.TableName', {}],
    ['keys(RequestItems)', { RequestItems: { A: {}, B: {} } }],
    ['TransactItems[*].Get.TableName', transact],
    [
      'TransactItems[*].[ConditionCheck.TableName, Put.TableName, Delete.TableName, Update.TableName][]',
      transact,
    ],
    ['TransactItems[*].Put', transact],
    ['TransactItems[]', transact],
    ['Lists[*][*].Name', { Lists: [[{ Name: 'a' }, { Name: 'b' }], [{ Name: 'c' }]] }],
    ['Lists[][].Name', { Lists: [[[{ Name: 'a' }]], [[{ Name: 'b' }]]] }],
    ['[A, B.C]', { A: 'x', B: { C: 'y' } }],
    ['"quoted key".Inner', { 'quoted key': { Inner: 'v' } }],
    ['NotAList[*].X', { NotAList: 'text' }],
  ];

  it.each(cases)('%s gives what JMESPath gives', (path, input) => {
    expect(evaluateContextPath(path, input)).toEqual(jmespath.search(input, path));
  });

  it('gives null for keys() of something that is not an object (JMESPath would throw)', () => {
    expect(evaluateContextPath('keys(RequestItems)', {})).toBeNull();
  });

  it.each(['a[0]', 'a[?b]', 'a || b', 'length(a)', 'a.', '[a', 'a b'])(
    'refuses %s, which is outside the subset, naming what is allowed',
    (path) => {
      expect(() => evaluateContextPath(path, {})).toThrow(EndpointError);
      expect(() => evaluateContextPath(path, {})).toThrow(/supported JMESPath subset/);
    },
  );
});
