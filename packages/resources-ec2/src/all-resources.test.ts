// Every generated resource class, driven from its own tables: unloaded errors, the load path, every
// attribute, every action's filled-in parameters and built results, every reference and collection.
// Expected values come from sample responses of the EC2 model, read through a JMESPath library
// (not the compiled paths), so the compiled paths and the engine are checked against an oracle.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../../scripts/lib/repo-data.js';
import type { ResourceContext } from './context.js';
import { createResourceContext } from './context.js';
import type { ParamDefinition, ResourceTables } from './definitions.js';
import { ResourceError, ResourceNotLoadedError } from './errors.js';
import { EC2Resource, ec2CollectionClasses, ec2ResourceClasses } from './index.js';
import { ec2Model, Sampler } from './test-support/model-samples.js';
import { expectedResources, jmespathSearch, valueAt } from './test-support/oracle.js';
import { scriptedClient } from './test-support/scripted-client.js';

type AnyObject = Record<string, unknown>;
type Callable = (input?: object, options?: object) => Promise<unknown>;
type ResourceCtor = (new (
  context: ResourceContext,
  identifiers: AnyObject,
  data?: object,
) => object) & {
  readonly tables: ResourceTables;
};

/**
 * References of resources-1.json that the current service model cannot satisfy: they always answer
 * undefined, in boto3 too (the shape lost the member the path reads).
 */
const MODEL_GAPS: Readonly<Record<string, string>> = {
  'NetworkInterfaceAssociation.address': 'InstanceNetworkInterfaceAssociation has no AllocationId member',
};
const classes = Object.entries(ec2ResourceClasses) as unknown as [string, ResourceCtor][];
const member = (object: object, name: string): unknown => (object as AnyObject)[name];
const method = (object: object, name: string): Callable =>
  ((object as AnyObject)[name] as Callable).bind(object);

function expectParams(
  input: unknown,
  params: readonly ParamDefinition[],
  ids: AnyObject,
  data?: unknown,
): void {
  for (const param of params) {
    const expected =
      param.from === 'identifier'
        ? ids[param.name]
        : param.from === 'value'
          ? param.value
          : jmespathSearch(data, param.expression);
    const at = valueAt(input, param.target);
    if (param.target.includes('[]')) expect(at, `${param.target.join('.')}`).toContainEqual(expected);
    else expect(at, `${param.target.join('.')}`).toEqual(expected);
  }
}

function inputShapeOf(operation: string): string | undefined {
  return ec2Model().operations[operation]?.input?.shape;
}

describe('every resource class', () => {
  for (const [name, Cls] of classes) {
    const tables = Cls.tables;
    const definition = tables.definition;
    const ids = Object.fromEntries(
      definition.identifiers.map((identifier) => [identifier, `${identifier}-value`]),
    );
    const sampleData = () =>
      definition.shape === undefined ? {} : (new Sampler().sample(definition.shape) as AnyObject);
    const make = (handlers: Parameters<typeof scriptedClient>[0] = {}, data?: object) => {
      const scripted = scriptedClient(handlers, { lenient: true });
      return { ...scripted, object: new Cls(createResourceContext(scripted.client), ids, data) };
    };

    describe(name, () => {
      it('needs every identifier as a non-empty string', () => {
        const { client } = scriptedClient();
        const missing = { ...ids, [definition.identifiers[0]!]: '' };
        expect(() => new Cls(createResourceContext(client), missing)).toThrow(ResourceError);
        expect(() => new Cls(createResourceContext(client), {})).toThrow(/needs its .* identifier/);
      });

      it('throws ResourceNotLoadedError for attributes and data-reading references before a load', () => {
        const { object, calls } = make();
        expect(member(object, 'loaded')).toBe(false);
        for (const [getter] of tables.attributes) {
          expect(() => member(object, getter), getter).toThrow(ResourceNotLoadedError);
        }
        for (const [getter, reference] of Object.entries(tables.references)) {
          if (reference.needsData)
            expect(() => member(object, getter), getter).toThrow(ResourceNotLoadedError);
        }
        expect(() => member(object, 'data')).toThrow(definition.load ? /\.load\(\)/ : /has data only when/);
        expect(calls).toEqual([]);
      });

      if (definition.load) {
        const load = definition.load;
        it(`loads through ${load.operation} at ${load.expression} and reads every attribute from that data`, async () => {
          const response = new Sampler().output(load.operation);
          const { object, calls } = make({ [load.method]: () => response });
          await method(object, 'load')();
          expect(calls.map((call) => call.method)).toEqual([load.method]);
          expectParams(calls[0]!.input, load.params, ids);
          const expected = jmespathSearch(response, load.expression) as AnyObject;
          expect(member(object, 'data')).toEqual(expected);
          for (const [getter, attribute] of tables.attributes) {
            expect(member(object, getter), getter).toEqual(expected[attribute]);
          }
        });
      } else {
        it('cannot be loaded, and says where loaded objects come from', async () => {
          const { object } = make();
          await expect(method(object, 'load')()).rejects.toMatchObject({ code: 'ResourceNotLoadable' });
          expect(definition.loadedFrom?.length).toBeGreaterThan(0);
        });
      }

      for (const [getter, action] of Object.entries(tables.actions)) {
        it(`${getter}() calls ${action.operation} with the identifiers filled in`, async () => {
          const data = sampleData();
          const { object, calls } = make({}, data);
          const input = { DryRun: false };
          await method(
            object,
            getter,
          )(input).catch((error: unknown) => {
            // A creating action given an empty response has nothing to return.
            if (!(error instanceof ResourceError && error.code === 'MissingIdentifier')) throw error;
          });
          expect(calls.map((call) => call.method)).toEqual([action.method]);
          expectParams(calls[0]!.input, action.params, ids, data);
          expect(calls[0]!.input.DryRun).toBe(false);
        });

        const result = action.result;
        if (result !== undefined) {
          it(`${getter}() returns ${result.type} object(s) built from the ${action.operation} response`, async () => {
            const response = new Sampler().output(action.operation);
            const shape = inputShapeOf(action.operation);
            const input: AnyObject = {
              ...(shape ? (new Sampler().sample(shape) as AnyObject) : {}),
              DryRun: false,
            };
            for (const param of action.params) delete input[String(param.target[0])];
            const { object, calls } = make({ [action.method]: () => response }, sampleData());
            const returned = await method(object, getter)(input);
            const objects = (result.plural ? returned : [returned]) as object[];
            const expected = expectedResources(result, {
              source: response,
              request: calls[0]!.input,
              parent: ids,
            });
            expect(expected.length).toBeGreaterThan(0);
            expect(objects.map((o) => member(o, 'identifiers'))).toEqual(expected.map((e) => e.identifiers));
            expect(objects.map((o) => (member(o, 'loaded') ? member(o, 'data') : undefined))).toEqual(
              expected.map((e) => e.data),
            );
            for (const o of objects) expect(member(o, 'meta')).toMatchObject({ name: result.type });
          });
        }
      }

      for (const [getter, reference] of Object.entries(tables.references)) {
        it(`${getter} is the ${reference.result.type} its ${reference.needsData ? 'data' : 'identifiers'} name`, () => {
          const data = sampleData();
          const { object, calls } = make({}, data);
          const value = member(object, getter);
          const objects = (reference.result.plural ? value : value === undefined ? [] : [value]) as object[];
          const expected = expectedResources(reference.result, { source: data, parent: ids });
          if (MODEL_GAPS[`${name}.${getter}`]) expect(expected).toEqual([]);
          else expect(expected.length).toBeGreaterThan(0);
          expect(objects.map((o) => member(o, 'identifiers'))).toEqual(expected.map((e) => e.identifiers));
          expect(objects.map((o) => (member(o, 'loaded') ? member(o, 'data') : undefined))).toEqual(
            expected.map((e) => e.data),
          );
          expect(calls).toEqual([]);
        });
      }

      for (const [getter, collection] of Object.entries(tables.collections)) {
        it(`${getter} pages ${collection.operation} scoped to this ${name} and builds loaded objects`, async () => {
          const response = new Sampler().output(collection.operation);
          delete response.NextToken;
          const { object, calls } = make({ [collection.method]: () => response });
          const items = (await (
            member(object, getter) as { toArray(): Promise<object[]> }
          ).toArray()) as object[];
          expectParams(calls[0]!.input, collection.params, ids);
          const expected = expectedResources(collection.result, { source: response, parent: ids });
          expect(items.map((o) => member(o, 'identifiers'))).toEqual(expected.map((e) => e.identifiers));
          expect(items.every((o) => member(o, 'loaded'))).toBe(true);
        });
      }
    });
  }
});

/** References boto-ts adds to resources-1.json (the generator's RESOURCE_EXTRAS): securityGroup.vpc. */
const EXTRA_REFERENCES: Readonly<Record<string, number>> = { SecurityGroup: 1 };

describe('EC2Resource', () => {
  const resources = JSON.parse(readFileSync(modelPath('ec2', '2016-11-15', 'resources-1.json'), 'utf8')) as {
    service: { has: Record<string, { resource: { type: string } }> };
    resources: Record<string, { identifiers?: { name: string }[] }>;
  };

  it('makes every resource type by its identifiers, not loaded, without a request', () => {
    const { client, calls } = scriptedClient();
    const resource = new EC2Resource({ client }) as unknown as Record<string, (...ids: string[]) => object>;
    for (const [name, Cls] of classes) {
      const hasName = Object.entries(resources.service.has).find(
        ([, ref]) => ref.resource.type === name,
      )?.[0];
      const maker = hasName ?? name;
      if (name === 'KeyPair') continue; // boto3 gives the KeyPair name to KeyPairInfo
      const ids = Cls.tables.definition.identifiers.map((identifier) => `${identifier}-x`);
      const object = resource[maker]!(...ids);
      expect(object, maker).toBeInstanceOf(Cls);
      expect(member(object, 'identifiers')).toEqual(
        Object.fromEntries(Cls.tables.definition.identifiers.map((identifier, i) => [identifier, ids[i]])),
      );
      expect(member(object, 'loaded')).toBe(false);
    }
    expect(resource.KeyPair!('k')).toBeInstanceOf(ec2ResourceClasses.KeyPairInfo);
    expect(calls).toEqual([]);
  });

  it('has the actions, collections and per-resource members of resources-1.json', () => {
    const tables = EC2Resource.tables;
    expect(Object.keys(tables.actions).length).toBe(18);
    expect(Object.keys(tables.collections).length).toBe(17);
    const model = resources.resources as Record<string, Record<string, Record<string, unknown> | undefined>>;
    for (const [name, Cls] of classes) {
      const source = model[name]!;
      const count = (key: string) => Object.keys(source[key] ?? {}).length;
      expect(Object.keys(Cls.tables.actions).length, `${name} actions`).toBe(count('actions'));
      expect(Object.keys(Cls.tables.waiters).length, `${name} waiters`).toBe(count('waiters'));
      expect(Object.keys(Cls.tables.references).length, `${name} has`).toBe(
        count('has') + (EXTRA_REFERENCES[name] ?? 0),
      );
      expect(Object.keys(Cls.tables.collections).length, `${name} hasMany`).toBe(count('hasMany'));
      const hasCollection = name in ec2CollectionClasses;
      expect(Object.keys(Cls.tables.batchActions).length, `${name} batch`).toBe(
        hasCollection ? count('batchActions') : 0,
      );
      expect(Cls.tables.definition.identifiers).toEqual(
        ((source.identifiers as unknown as { name: string }[] | undefined) ?? []).map((i) => i.name),
      );
    }
  });

  it('scopes nothing for service collections, and builds loaded objects from sample pages', async () => {
    for (const [getter, collection] of Object.entries(EC2Resource.tables.collections)) {
      const response = new Sampler().output(collection.operation);
      delete response.NextToken;
      const { client, calls } = scriptedClient({ [collection.method]: () => response });
      const resource = new EC2Resource({ client });
      const items = await (member(resource, getter) as { toArray(): Promise<object[]> }).toArray();
      expectParams(calls[0]!.input, collection.params, {});
      const expected = expectedResources(collection.result, { source: response, parent: {} });
      expect(
        items.map((o) => member(o, 'identifiers')),
        getter,
      ).toEqual(expected.map((e) => e.identifiers));
    }
  });

  it('returns the objects each service action creates, built from its response', async () => {
    for (const [getter, action] of Object.entries(EC2Resource.tables.actions)) {
      const response = new Sampler().output(action.operation);
      const shape = inputShapeOf(action.operation);
      const input = { ...(shape ? (new Sampler().sample(shape) as AnyObject) : {}), DryRun: false };
      const { client, calls } = scriptedClient({ [action.method]: () => response });
      const returned = await method(new EC2Resource({ client }), getter)(input);
      expect(calls.map((call) => call.method)).toEqual([action.method]);
      if (action.result === undefined) {
        expect(returned).toMatchObject({ $metadata: { requestId: 'req-1' } });
        continue;
      }
      const objects = (action.result.plural ? returned : [returned]) as object[];
      const expected = expectedResources(action.result, {
        source: response,
        request: calls[0]!.input,
        parent: {},
      });
      expect(
        objects.map((o) => member(o, 'identifiers')),
        getter,
      ).toEqual(expected.map((e) => e.identifiers));
    }
  });
});
