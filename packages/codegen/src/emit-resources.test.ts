import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelPath, modelsDir, repoRoot } from '../../../scripts/lib/repo-data.js';
import { createContext } from './context.js';
import { emitResources, loadResourceModels, mergeResourceExtras } from './emit-resources.js';
import type { ResourcePlan } from './emit-resources-model.js';
import { camelName, parseTarget } from './emit-resources-names.js';
import { planResources } from './emit-resources-plan.js';

const read = <T>(path: string): T => JSON.parse(readFileSync(modelPath(path), 'utf8')) as T;

describe('names and targets', () => {
  it('camelCases model names, acronyms included', () => {
    expect(camelName('PublicIpAddress')).toBe('publicIpAddress');
    expect(camelName('Id')).toBe('id');
    expect(camelName('DNSName')).toBe('dnsName');
    expect(camelName('VPC')).toBe('vpc');
    expect(camelName('EnableIo')).toBe('enableIo');
  });

  it('reads parameter targets into members, indexes, appends and batch indexes', () => {
    expect(parseTarget('InstanceIds[0]')).toEqual(['InstanceIds', 0]);
    expect(parseTarget('Filters[0].Values[0]')).toEqual(['Filters', 0, 'Values', 0]);
    expect(parseTarget('Resources[]')).toEqual(['Resources', '[]']);
    expect(parseTarget('Tags[*].Key')).toEqual(['Tags', '[*]', 'Key']);
    expect(parseTarget('Attribute')).toEqual(['Attribute']);
    expect(() => parseTarget('Tags[x]')).toThrow(/cannot read the parameter target/);
  });
});

describe('emit-resources', () => {
  const { models, resources } = loadResourceModels(read);
  const plan = planResources(models, resources);
  const byName = new Map(plan.resources.map((resource) => [resource.name, resource]));
  const resource = (name: string): ResourcePlan => byName.get(name)!;

  it('plans every resource of resources-1.json', () => {
    expect([...byName.keys()]).toEqual(
      Object.keys(read<{ resources: object }>('ec2/2016-11-15/resources-1.json').resources).sort(),
    );
  });

  it("renames attributes that collide with references the way boto3 does ('Attribute' suffix)", () => {
    const getters = (name: string) => resource(name).attributes.map((a) => a.getter);
    expect(getters('Instance')).toContain('networkInterfacesAttribute');
    expect(resource('Instance').references.map((r) => r.getter)).toContain('networkInterfaces');
    expect(getters('NetworkInterface')).toContain('associationAttribute');
    expect(getters('RouteTable')).toEqual(
      expect.arrayContaining(['routesAttribute', 'associationsAttribute']),
    );
    // Attributes that are identifiers answer from the identifier; ClassicAddress.PublicIp is the identifier itself.
    expect(resource('Instance').attributes.find((a) => a.member === 'InstanceId')).toMatchObject({
      getter: 'instanceId',
      identifier: 'Id',
    });
    expect(getters('ClassicAddress')).not.toContain('publicIp');
    expect(resource('ClassicAddress').identifiers.map((i) => i.getter)).toEqual(['publicIp']);
  });

  it('removes the members an action fills in from its input, and knows when input stays required', () => {
    const terminate = resource('Instance').actions.find((a) => a.getter === 'terminate')!;
    expect(terminate).toMatchObject({ omitted: ['InstanceIds'], inputRequired: false, dryRun: true });
    const createTags = resource('Instance').actions.find((a) => a.getter === 'createTags')!;
    expect(createTags).toMatchObject({ omitted: ['Resources'], inputRequired: true });
    const resetKernel = resource('Instance').actions.find((a) => a.getter === 'resetKernel')!;
    expect(resetKernel.omitted).toEqual(['Attribute', 'InstanceId']);
  });

  it('reads ids from each element of a data list, so ids and data stay paired', () => {
    const createInstances = plan.service.actions.find((a) => a.getter === 'createInstances')!;
    expect(createInstances.result).toEqual({
      type: 'Instance',
      plural: true,
      identifiers: [
        {
          target: 'Id',
          source: { from: 'element', expression: 'InstanceId', full: 'Instances[].InstanceId' },
        },
      ],
      data: 'Instances[]',
    });
    const routes = resource('RouteTable').references.find((r) => r.getter === 'routes')!;
    expect(routes.result.identifiers.map((i) => i.source.from)).toEqual(['identifier', 'element']);
    // CreateTags' tags come from the request, shared with the instance's id.
    const tags = resource('Instance').actions.find((a) => a.getter === 'createTags')!.result!;
    expect(tags.identifiers.map((i) => i.source.from)).toEqual([
      'identifier',
      'requestParameter',
      'requestParameter',
    ]);
    expect(tags.plural).toBe(true);
  });

  it("keeps a collection's Filters open to the caller and pages for it", () => {
    const instances = resource('Vpc').collections.find((c) => c.getter === 'instances')!;
    expect(instances.omitted).toEqual(['MaxResults', 'NextToken']);
    expect(instances.paginator).toBe('describeInstancesPaginator');
    const keyPairs = plan.service.collections.find((c) => c.getter === 'keyPairs')!;
    expect(keyPairs.paginator).toBeUndefined();
  });

  it('keeps waiter data only when the waiter polls the load operation', () => {
    expect(resource('Instance').waiters.map((w) => [w.getter, w.spec, w.updatesData])).toEqual([
      ['waitUntilExists', 'instanceExistsWaiter', true],
      ['waitUntilRunning', 'instanceRunningWaiter', true],
      ['waitUntilStopped', 'instanceStoppedWaiter', true],
      ['waitUntilTerminated', 'instanceTerminatedWaiter', true],
    ]);
    expect(resource('Snapshot').waiters[0]).toMatchObject({
      getter: 'waitUntilCompleted',
      updatesData: true,
    });
  });

  it("gives the service boto3's constructors: every type, KeyPair making a KeyPairInfo", () => {
    const makers = new Map(plan.service.constructors.map((c) => [c.name, c]));
    expect(makers.get('KeyPair')?.type).toBe('KeyPairInfo');
    expect(makers.get('Route')?.identifiers.map((i) => i.getter)).toEqual([
      'routeTableId',
      'destinationCidrBlock',
    ]);
    expect(makers.get('Tag')?.identifiers.map((i) => i.getter)).toEqual(['resourceId', 'key', 'value']);
    expect(makers.size).toBe(byName.size - 1);
  });

  it('says where objects of types without a load operation come from', () => {
    expect(resource('Route').loadedFrom).toEqual(['routeTable.routes (after `await routeTable.load()`)']);
    expect(resource('KeyPair').loadedFrom).toEqual(['resource.createKeyPair()']);
  });

  it('adds securityGroup.vpc to the model and refuses an extra that already exists', () => {
    expect(resource('SecurityGroup').references.map((r) => r.getter)).toEqual(['vpc']);
    expect(() =>
      mergeResourceExtras(resources, {
        Instance: { has: { Vpc: { resource: { type: 'Vpc', identifiers: [] } } } },
      }),
    ).toThrow(/already exists/);
  });

  it('writes exactly the files in packages/resources-ec2/src/generated', async () => {
    const files = new Map<string, string>();
    await emitResources(createContext(repoRoot, modelsDir, files));
    const dir = join(repoRoot, 'packages/resources-ec2/src/generated');
    expect(existsSync(dir)).toBe(true);
    expect([...files.keys()].map((path) => path.split('/').at(-1)).sort()).toEqual(readdirSync(dir).sort());
    for (const [path, content] of files) {
      expect(readFileSync(join(repoRoot, path), 'utf8'), path).toBe(content);
      expect(content.startsWith('// ')).toBe(true);
      expect(content).toContain('Generated by @boto-ts/codegen');
    }
  });
});
