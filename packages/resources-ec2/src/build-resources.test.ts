import { describe, expect, it } from 'vitest';
import { buildResources } from './build-resources.js';
import type { ResultDefinition } from './definitions.js';

const get =
  (...keys: string[]) =>
  (value: unknown): unknown =>
    keys.reduce<unknown>((at, key) => (at as Record<string, unknown> | undefined)?.[key] ?? null, value);
const list =
  (key: string, member?: string) =>
  (value: unknown): unknown => {
    const items = (value as Record<string, unknown[]> | undefined)?.[key];
    if (!Array.isArray(items)) return null;
    return member === undefined
      ? items
      : items.map((item) => (item as Record<string, unknown>)[member]).filter((v) => v != null);
  };

describe('buildResources', () => {
  it('pairs each element of the data list with the identifier read from that element', () => {
    const definition: ResultDefinition = {
      type: 'Route',
      plural: true,
      identifiers: [
        { target: 'RouteTableId', source: { from: 'identifier', name: 'Id' } },
        {
          target: 'DestinationCidrBlock',
          source: {
            from: 'element',
            path: get('DestinationCidrBlock'),
            expression: 'Routes[].DestinationCidrBlock',
          },
        },
      ],
      data: list('Routes'),
    };
    const routes = [
      { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' },
      { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1' },
      { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' },
    ];
    const built = buildResources(definition, { source: { Routes: routes }, parent: { Id: 'rtb-1' } });
    // The IPv6-only route has no DestinationCidrBlock: it is left out, and the others keep their own data.
    expect(built).toEqual([
      { identifiers: { RouteTableId: 'rtb-1', DestinationCidrBlock: '10.0.0.0/16' }, data: routes[0] },
      { identifiers: { RouteTableId: 'rtb-1', DestinationCidrBlock: '0.0.0.0/0' }, data: routes[2] },
    ]);
  });

  it('shares scalar identifiers across list identifiers read from the request', () => {
    const definition: ResultDefinition = {
      type: 'Tag',
      plural: true,
      identifiers: [
        { target: 'ResourceId', source: { from: 'identifier', name: 'Id' } },
        {
          target: 'Key',
          source: { from: 'requestParameter', path: list('Tags', 'Key'), expression: 'Tags[].Key' },
        },
        {
          target: 'Value',
          source: { from: 'requestParameter', path: list('Tags', 'Value'), expression: 'Tags[].Value' },
        },
      ],
    };
    const request = {
      Resources: ['i-1'],
      Tags: [
        { Key: 'env', Value: 'dev' },
        { Key: 'team', Value: 'core' },
      ],
    };
    expect(buildResources(definition, { source: {}, request, parent: { Id: 'i-1' } })).toEqual([
      { identifiers: { ResourceId: 'i-1', Key: 'env', Value: 'dev' }, data: undefined },
      { identifiers: { ResourceId: 'i-1', Key: 'team', Value: 'core' }, data: undefined },
    ]);
  });

  it('gives no resource when a singular identifier is missing, and one when it is there', () => {
    const definition: ResultDefinition = {
      type: 'Vpc',
      plural: false,
      identifiers: [{ target: 'Id', source: { from: 'response', path: get('VpcId'), expression: 'VpcId' } }],
    };
    expect(buildResources(definition, { source: { SubnetId: 'subnet-1' } })).toEqual([]);
    expect(buildResources(definition, { source: { VpcId: '' } })).toEqual([]);
    expect(buildResources(definition, { source: { VpcId: 'vpc-1' } })).toEqual([
      { identifiers: { Id: 'vpc-1' }, data: undefined },
    ]);
  });

  it("keeps the whole response without $metadata as data for '@'", () => {
    const definition: ResultDefinition = {
      type: 'KeyPair',
      plural: false,
      identifiers: [
        { target: 'Name', source: { from: 'response', path: get('KeyName'), expression: 'KeyName' } },
      ],
      data: 'whole',
      dataExpression: '@',
    };
    const response = { KeyName: 'k', KeyMaterial: 'pem', $metadata: { requestId: 'r' } };
    expect(buildResources(definition, { source: response })).toEqual([
      { identifiers: { Name: 'k' }, data: { KeyName: 'k', KeyMaterial: 'pem' } },
    ]);
  });
});
