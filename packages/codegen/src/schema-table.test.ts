import { runInNewContext } from 'node:vm';
import {
  createSchemaTable,
  DICTIONARY_BLOCK,
  ENTRY_SEPARATOR,
  frontDecode,
} from '@boto-ts/core/schema-table';
import { describe, expect, it } from 'vitest';
import { compactRuleSet } from './emit-endpoints.js';
import type { ServiceModel } from './model.js';
import { compareCodeUnits } from './names.js';
import { buildSchemas } from './schema-builder.js';
import { buildSchemaGraph } from './schema-graph.js';
import { operationSnapshot } from './schema-snapshot.js';
import { encodeSchemaTable, frontCode, stringLiteral } from './schema-table-encode.js';
import { readModel } from './test-support/models.js';

const services = [
  { name: 'EC2', dir: 'ec2/2016-11-15', configKey: 'ec2' },
  { name: 'STS', dir: 'sts/2011-06-15', configKey: 'sts' },
];

function sortedNames(operations: ReadonlyMap<string, unknown>): string[] {
  return [...operations.keys()].sort(compareCodeUnits);
}

function built(dir: string, configKey: string) {
  const model = readModel<ServiceModel>(`${dir}/service-2.json`);
  const endpointRuleSet = compactRuleSet(readModel<unknown>(`${dir}/endpoint-rule-set-1.json`));
  return buildSchemas(model, { endpointRuleSet, configKey });
}

describe('compact schema table', () => {
  for (const service of services) {
    it(`decodes every ${service.name} operation to the objects buildSchemas makes`, () => {
      const schemas = built(service.dir, service.configKey);
      const table = createSchemaTable(
        encodeSchemaTable(buildSchemaGraph(schemas)),
        sortedNames(schemas.operations),
      );
      expect(table.operationNames).toEqual(
        [...schemas.operations.keys()].sort((a, b) => compareCodeUnits(a, b)),
      );
      for (const [name, operation] of schemas.operations)
        expect(operationSnapshot(table.operation(name)), name).toEqual(operationSnapshot(operation));
    });
  }

  it('builds each shape once, so operations that share a shape share the object', () => {
    const table = createSchemaTable(
      encodeSchemaTable(buildSchemaGraph(built('ec2/2016-11-15', 'ec2'))),
      sortedNames(built('ec2/2016-11-15', 'ec2').operations),
    );
    const tagsOf = (operation: string) => {
      const input = table.operation(operation).input;
      const member = input?.members.find(([name]) => name === 'Tags' || name === 'TagSpecifications');
      return member?.[1];
    };
    expect(tagsOf('CreateTags')).toBeDefined();
    expect(tagsOf('CreateTags')).toBe(tagsOf('DeleteTags'));
    expect(table.operation('DescribeInstances')).toBe(table.operation('DescribeInstances'));
  });

  it('names the operation it cannot find', () => {
    const table = createSchemaTable(
      encodeSchemaTable(buildSchemaGraph(built('sts/2011-06-15', 'sts'))),
      sortedNames(built('sts/2011-06-15', 'sts').operations),
    );
    expect(() => table.operation('DescribeInstances')).toThrow(/no operation named DescribeInstances/);
  });

  it('keeps undefined member slots and thunks of recursive shapes', () => {
    const leaf = { kind: 'string', min: 1 } as const;
    const node: { kind: 'structure'; name: string; members: unknown[] } = {
      kind: 'structure',
      name: 'Node',
      members: [],
    };
    const list = { kind: 'list', member: () => node } as const;
    node.members.push(['Value', leaf, undefined, 'value'], ['Children', list, 0, 0, 'children']);
    const operation = { name: 'Walk', input: node, output: node } as never;
    const set = {
      operations: new Map([['Walk', operation]]),
      shapes: new Map<string, never>([['Node', node as never]]),
    };
    const table = createSchemaTable(encodeSchemaTable(buildSchemaGraph(set)), ['Walk']);
    const decoded = table.operation('Walk');
    expect(operationSnapshot(decoded)).toEqual(operationSnapshot(operation));
    const children = decoded.input?.members[1]?.[1] as { member: unknown };
    expect(typeof children.member).toBe('function');
    expect((children.member as () => unknown)()).toBe(decoded.input);
    expect(decoded.input?.members[0]).toEqual(['Value', { kind: 'string', min: 1 }, undefined, 'value']);
  });
});

describe('front-coded name dictionary', () => {
  it('round-trips sorted names, long shared prefixes and empty names included', () => {
    const names = [
      '',
      'A',
      'AcceptAddressTransfer',
      'AcceptAddressTransferRequest',
      'AcceptAddressTransferResult',
      `${'x'.repeat(50)}a`,
      `${'x'.repeat(50)}b`,
      'instanceId',
    ].sort(compareCodeUnits);
    expect(frontDecode(frontCode(names))).toEqual(names);
    expect(frontCode(['Abc', 'Abd'])).toBe('0Abc|2d');
  });

  it('writes the first name of every block whole, so a block decodes without the ones before it', () => {
    const names = Array.from(
      { length: DICTIONARY_BLOCK * 3 + 2 },
      (_, i) => `Name${String(i).padStart(3, '0')}`,
    );
    const entries = frontCode(names).split('|');
    for (let i = 0; i < entries.length; i++)
      expect(entries[i]?.startsWith('0'), `entry ${i}`).toBe(i % DICTIONARY_BLOCK === 0);
    expect(frontDecode(frontCode(names))).toEqual(names);
  });

  it('refuses a name holding the entry separator', () => {
    expect(() => frontCode([`a${ENTRY_SEPARATOR}b`])).toThrow(/cannot be front-coded/);
  });
});

describe('schema text literal', () => {
  it('reads back as the same text, quotes, backslashes and line terminators included', () => {
    const text = `it's a \\ path\nline\r\u2028\u2029~"quoted"`;
    expect(runInNewContext(stringLiteral(text))).toBe(text);
    expect(stringLiteral('plain~text')).toBe("'plain~text'");
  });
});
