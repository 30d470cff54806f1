import { readFileSync } from 'node:fs';
import {
  decodeOutput,
  integerSchema,
  MEMBER_BASE64_TEXT,
  MEMBER_IDEMPOTENCY_TOKEN,
  MEMBER_REQUIRED,
  MEMBER_SENSITIVE,
  MEMBER_XML_LCFIRST,
  type MemberSchema,
  memberHas,
  type OperationSchema,
  resolveSchema,
  type Schema,
  type StructureSchema,
  serializedName,
  stringSchema,
  xmlName,
} from '@boto-ts/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeInstancesXml } from '../../../fixtures/xml/describe-instances.js';
import { modelPath } from '../../../scripts/lib/repo-data.js';
import type { ServiceModel } from './model.js';
import { type BuiltSchemas, buildSchemas } from './schema-builder.js';

const loadModel = (path: string): ServiceModel =>
  JSON.parse(readFileSync(modelPath(...path.split('/')), 'utf8')) as ServiceModel;

function member(structure: Schema | undefined, name: string): MemberSchema {
  const found = (structure as StructureSchema).members.find((m) => m[0] === name);
  if (found === undefined) throw new Error(`no member ${name}`);
  return found;
}

function structureOf(ref: MemberSchema): StructureSchema {
  let schema = resolveSchema(ref[1]);
  while (schema.kind === 'list') schema = resolveSchema(schema.member);
  return schema as StructureSchema;
}

describe('buildSchemas on the EC2 model', () => {
  let ec2: BuiltSchemas;
  let model: ServiceModel;
  beforeAll(() => {
    model = loadModel('ec2/2016-11-15/service-2.json');
    ec2 = buildSchemas(model);
  });

  it('builds every operation, with its input and output structures', () => {
    expect(ec2.operations.size).toBe(Object.keys(model.operations).length);
    expect(ec2.operations.size).toBe(800);
    for (const [name, op] of Object.entries(model.operations)) {
      const built = ec2.operations.get(name) as OperationSchema;
      expect(built.name).toBe(name);
      if (op.input) expect(built.input).toBe(ec2.shapes.get(op.input.shape));
      if (op.output) expect(built.output).toBe(ec2.shapes.get(op.output.shape));
      expect(built.http).toBeUndefined();
      expect(built.resultWrapper).toBeUndefined();
    }
    expect(ec2.service).toMatchObject({
      serviceId: 'EC2',
      configKey: 'ec2',
      signingName: 'ec2',
      protocol: 'ec2',
      apiVersion: '2016-11-15',
    });
  });

  it('names request keys the ec2 way: queryName, else the capitalized locationName, else the member name', () => {
    const input = ec2.operations.get('DescribeInstances')?.input;
    expect(serializedName(member(input, 'InstanceIds'))).toBe('InstanceId');
    expect(serializedName(member(input, 'Filters'))).toBe('Filter');
    expect(serializedName(member(input, 'DryRun'))).toBe('DryRun');
    let queryNames = 0;
    for (const [shapeName, shape] of Object.entries(model.shapes)) {
      if (shape.type !== 'structure') continue;
      for (const [name, m] of Object.entries(shape.members)) {
        if (m.queryName === undefined) continue;
        queryNames++;
        expect(serializedName(member(ec2.shapes.get(shapeName), name))).toBe(m.queryName);
      }
    }
    expect(queryNames).toBe(2);
  });

  it('names response elements by locationName, storing only what the accessors cannot derive', () => {
    const output = ec2.operations.get('DescribeInstances')?.output;
    const reservations = member(output, 'Reservations');
    expect(xmlName(reservations)).toBe('reservationSet');
    expect(resolveSchema(reservations[1])).toMatchObject({ kind: 'list', memberName: 'item' });
    const instanceId = member(ec2.shapes.get('Instance'), 'InstanceId');
    expect(instanceId).toEqual(['InstanceId', stringSchema, MEMBER_XML_LCFIRST]);
    expect(xmlName(instanceId)).toBe('instanceId');
    expect(xmlName(member(ec2.shapes.get('Instance'), 'State'))).toBe('instanceState');
    // Input-only structures carry no XML names, output-only ones no request keys.
    expect(member(ec2.shapes.get('DescribeInstancesRequest'), 'DryRun')).toHaveLength(2);
    expect(member(output, 'Reservations')[3]).toBe(0);
  });

  it('flags required members, idempotency tokens, secrets and the UserData boto3 encodes', () => {
    const input = ec2.operations.get('RunInstances')?.input;
    expect(memberHas(member(input, 'MinCount'), MEMBER_REQUIRED)).toBe(true);
    expect(memberHas(member(input, 'ImageId'), MEMBER_REQUIRED)).toBe(false);
    expect(memberHas(member(input, 'ClientToken'), MEMBER_IDEMPOTENCY_TOKEN)).toBe(true);
    const userData = member(input, 'UserData');
    expect(memberHas(userData, MEMBER_BASE64_TEXT)).toBe(true);
    expect(memberHas(userData, MEMBER_SENSITIVE)).toBe(true);
    expect(resolveSchema(userData[1])).toEqual({ kind: 'string', sensitive: true });
    let tokens = 0;
    for (const op of ec2.operations.values())
      for (const m of op.input?.members ?? []) if (memberHas(m, MEMBER_IDEMPOTENCY_TOKEN)) tokens++;
    expect(tokens).toBe(94);
    const base64 = [...ec2.shapes.values()].flatMap((s) =>
      s.kind === 'structure' ? s.members.filter((m) => memberHas(m, MEMBER_BASE64_TEXT)) : [],
    );
    expect(base64).toHaveLength(1);
  });

  it('reuses the shared scalar schemas and makes one object per constrained shape', () => {
    expect(resolveSchema(member(ec2.operations.get('DescribeInstances')?.input, 'MaxResults')[1])).toBe(
      integerSchema,
    );
    const withMin = ec2.shapes.get('AddressMaxResults');
    expect(withMin).toEqual({
      kind: 'integer',
      min: (model.shapes.AddressMaxResults as { min: number }).min,
    });
    const users = [...ec2.shapes.values()].flatMap((s) =>
      s.kind === 'structure' ? s.members.filter((m) => m[1] === withMin) : [],
    );
    expect(users.length).toBeGreaterThan(0);
    for (const [, schema] of ec2.shapes)
      if (schema.kind !== 'structure' && schema.kind !== 'list' && schema.kind !== 'map')
        expect(Object.keys(schema).length).toBeGreaterThan(1);
  });

  it('gives the same result for the same model', () => {
    const again = buildSchemas(model);
    expect([...again.shapes.keys()]).toEqual([...ec2.shapes.keys()]);
    expect(again.operations.get('RunInstances')).toEqual(ec2.operations.get('RunInstances'));
  });

  it('decodes generated DescribeInstances bodies: both parsers agree and the values are the ones generated', () => {
    const op = ec2.operations.get('DescribeInstances') as OperationSchema;
    const fixture = describeInstancesXml(40, 7);
    const builtin = decodeOutput(ec2.service, op, fixture.xml);
    const fallback = decodeOutput(ec2.service, op, fixture.xml, { parser: 'fast-xml-parser' });
    expect(builtin).toEqual(fallback);
    expect(builtin.requestId).toBe(fixture.requestId);
    const instances = (builtin.output.Reservations as { Instances: Record<string, unknown>[] }[]).flatMap(
      (r) => r.Instances,
    );
    expect(instances.map((i) => i.InstanceId)).toEqual(fixture.instances.map((i) => i.instanceId));
    instances.forEach((instance, n) => {
      const expected = fixture.instances[n];
      expect(instance.LaunchTime).toEqual(expected?.launchTime);
      expect(instance.Tags).toEqual(expected?.tags.map((t) => ({ Key: t.key, Value: t.value })));
      expect(instance.PrivateIpAddress).toBe(expected?.privateIpAddress);
      expect(instance.CpuOptions).toEqual({ CoreCount: expected?.coreCount, ThreadsPerCore: 2 });
      expect(instance.State).toEqual({ Code: 16, Name: 'running' });
    });
  });
});

describe('buildSchemas on the STS model', () => {
  let sts: BuiltSchemas;
  beforeAll(() => {
    sts = buildSchemas(loadModel('sts/2011-06-15/service-2.json'), {
      configKey: 'sts',
      endpointRuleSet: { version: '1.0' },
    });
  });

  it('builds every operation for the query protocol, leaving default result wrappers implicit', () => {
    expect(sts.service).toMatchObject({
      protocol: 'query',
      configKey: 'sts',
      endpointRuleSet: { version: '1.0' },
    });
    expect(sts.operations.size).toBeGreaterThanOrEqual(8);
    for (const op of sts.operations.values()) {
      expect(op.output?.kind).toBe('structure');
      expect(op.resultWrapper).toBeUndefined();
    }
  });

  it('marks the unsigned web identity and SAML operations', () => {
    expect(sts.operations.get('AssumeRoleWithWebIdentity')?.unsigned).toBe(true);
    expect(sts.operations.get('AssumeRoleWithSAML')?.unsigned).toBe(true);
    expect(sts.operations.get('AssumeRole')?.unsigned).toBeUndefined();
  });

  it('gives error shapes their wire code and status, per operation and service-wide', () => {
    const errors = sts.operations.get('AssumeRole')?.errors ?? [];
    expect(errors.map((e) => e.name)).toContain('ExpiredTokenException');
    expect(errors.find((e) => e.name === 'ExpiredTokenException')?.error).toEqual({
      code: 'ExpiredTokenException',
      httpStatus: 400,
    });
    expect(sts.service.errors?.length).toBe(12);
  });

  it('keeps the query names and marks the secret in the credentials', () => {
    const input = sts.operations.get('AssumeRole')?.input;
    expect(serializedName(member(input, 'RoleArn'))).toBe('RoleArn');
    const credentials = structureOf(member(sts.operations.get('AssumeRole')?.output, 'Credentials'));
    expect(memberHas(member(credentials, 'SecretAccessKey'), MEMBER_SENSITIVE)).toBe(true);
  });
});

describe('buildSchemas on small models', () => {
  const base = { apiVersion: '2020-01-01', endpointPrefix: 'svc', serviceId: 'Svc' };

  it('breaks recursion with thunks inside a cycle and references everything else directly', () => {
    const built = buildSchemas({
      metadata: { ...base, protocol: 'query' },
      operations: { Op: { name: 'Op', input: { shape: 'In' } } },
      shapes: {
        In: { type: 'structure', members: { Tree: { shape: 'Node' }, Name: { shape: 'Str' } } },
        Node: { type: 'structure', members: { Children: { shape: 'Nodes' }, Value: { shape: 'Str' } } },
        Nodes: { type: 'list', member: { shape: 'Node' } },
        Str: { type: 'string' },
      },
    });
    const input = built.operations.get('Op')?.input as StructureSchema;
    expect(typeof member(input, 'Tree')[1]).toBe('object');
    const nodes = built.shapes.get('Nodes');
    expect(member(built.shapes.get('Node'), 'Children')[1]).toBeTypeOf('function');
    expect(resolveSchema(member(built.shapes.get('Node'), 'Children')[1])).toBe(nodes);
    expect((nodes as { member: unknown }).member).toBeTypeOf('function');
    expect(resolveSchema((nodes as { member: () => Schema }).member)).toBe(built.shapes.get('Node'));
  });

  it('names flattened lists after the member (Smithy) or, for a flattened list shape, its member (botocore)', () => {
    const built = buildSchemas({
      metadata: { ...base, protocol: 'query' },
      operations: { Op: { name: 'Op', input: { shape: 'In' }, output: { shape: 'In' } } },
      shapes: {
        In: {
          type: 'structure',
          members: {
            Smithy: { shape: 'Named', flattened: true },
            Renamed: { shape: 'Named', flattened: true, locationName: 'Custom' },
            Legacy: { shape: 'FlatNamed' },
          },
        },
        Named: { type: 'list', member: { shape: 'Str', locationName: 'item' } },
        FlatNamed: { type: 'list', member: { shape: 'Str', locationName: 'Entry' }, flattened: true },
        Str: { type: 'string' },
      },
    });
    const input = built.operations.get('Op')?.input;
    expect([serializedName(member(input, 'Smithy')), xmlName(member(input, 'Smithy'))]).toEqual([
      'Smithy',
      'Smithy',
    ]);
    expect([serializedName(member(input, 'Renamed')), xmlName(member(input, 'Renamed'))]).toEqual([
      'Custom',
      'Custom',
    ]);
    expect([serializedName(member(input, 'Legacy')), xmlName(member(input, 'Legacy'))]).toEqual([
      'Entry',
      'Entry',
    ]);
  });

  it('applies a member-level timestamp format and keeps the derived scalar in shapes', () => {
    const built = buildSchemas({
      metadata: { ...base, protocol: 'ec2' },
      operations: { Op: { name: 'Op', input: { shape: 'In' } } },
      shapes: {
        In: {
          type: 'structure',
          members: { At: { shape: 'Time', timestampFormat: 'rfc822' }, Plain: { shape: 'Time' } },
        },
        Time: { type: 'timestamp' },
      },
    });
    const input = built.operations.get('Op')?.input;
    expect(resolveSchema(member(input, 'At')[1])).toEqual({ kind: 'timestamp', timestampFormat: 'rfc822' });
    expect(built.shapes.get('Time$rfc822')).toBe(resolveSchema(member(input, 'At')[1]));
    expect(resolveSchema(member(input, 'Plain')[1])).toEqual({ kind: 'timestamp' });
  });

  it('refuses a model whose protocols core does not speak', () => {
    expect(() =>
      buildSchemas({ metadata: { ...base, protocol: 'smithy-rpc-v2-json' }, operations: {}, shapes: {} }),
    ).toThrow(/no supported protocol among smithy-rpc-v2-json/);
  });

  it('takes the first supported protocol of the model list (CloudWatch: cbor, json, query)', () => {
    const metadata = { ...base, protocol: 'query', protocols: ['smithy-rpc-v2-json', 'json', 'query'] };
    expect(buildSchemas({ metadata, operations: {}, shapes: {} }).service.protocol).toBe('json');
  });
});
