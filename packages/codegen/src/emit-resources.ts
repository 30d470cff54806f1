// Emits packages/resources-ec2/src/generated/: one typed class per EC2 resource of boto3's
// resources-1.json (attributes as getters over the loaded shape, actions, waiters, references,
// collections with their batch actions), EC2Resource, the JMESPath of every path compiled to
// functions (paths.ts, calling the JMESPath value rules of @boto-ts/core/jmespath), and the index. The classes only
// add types over plain-data tables; the engine in packages/resources-ec2/src runs them.

import type { Emitter } from './context.js';
import { mergePaginatorExtras, type PaginatorsExtras, planPaginators } from './emit-paginators.js';
import { renderCollectionGetter, renderResourceFile } from './emit-resources-class.js';
import type {
  CollectionPlan,
  ConstructorPlan,
  ResourceModel,
  ResourcePlan,
  ResourcesModel,
  ResourcesPlan,
} from './emit-resources-model.js';
import { planResources, type ResourceModels } from './emit-resources-plan.js';
import {
  actionDocs,
  MODEL_DIR,
  newImports,
  noteCall,
  OUTPUT_DIR,
  PathTable,
  renderActionMethod,
  renderImports,
  renderRequest,
  renderResult,
  renderTable,
  SOURCE,
} from './emit-resources-render.js';
import { generatedHeader } from './header.js';
import type { PaginatorsModel, ServiceModel, WaitersModel } from './model.js';

// ---- EC2Resource ----

function renderConstructor(maker: ConstructorPlan): string[] {
  const params = maker.identifiers.map((i) => `${i.getter}: string`).join(', ');
  const identifiers = maker.identifiers.map((i) => `${i.name}: ${i.getter}`).join(', ');
  return [
    `  /** A${/^[AEIOU]/.test(maker.type) ? 'n' : ''} ${maker.type} by its identifiers, not loaded: no request is sent. */`,
    `  ${maker.name}(${params}): ${maker.type} {`,
    `    return new ${maker.type}(this.context, { ${identifiers} });`,
    '  }',
    '',
  ];
}

export function renderServiceFile(
  plan: ResourcesPlan,
  paths: PathTable,
  byType: ReadonlyMap<string, ResourcePlan>,
): string {
  const imports = newImports();
  imports.engine.add('ServiceResource');
  imports.engine.add('type EC2ResourceOptions');
  imports.engine.add('type ActionDefinition');
  imports.engine.add('type CollectionDefinition');
  imports.engine.add('type ServiceTables');
  const { service } = plan;
  const lines = [
    ...renderTable(
      'actions',
      'ActionDefinition',
      service.actions.map((action) => [
        action.getter,
        `{ ${renderRequest(action, paths)}${action.result ? `, result: ${renderResult(action.result, paths)}` : ''} }`,
      ]),
    ),
    ...renderTable(
      'collections',
      'CollectionDefinition',
      service.collections.map((collection) => [
        collection.getter,
        `{ ${renderRequest(collection, paths)}${collection.paginator ? `, paginator: ${collection.paginator}` : ''}, result: ${renderResult(collection.result, paths)} }`,
      ]),
    ),
    '/**',
    ' * EC2 as boto3 resources: `resource.Instance(id)` (not loaded), creating actions that return loaded',
    ' * objects (`createInstances`), and collections (`resource.instances.filter(...)`).',
    ' * `new EC2Resource({ session })`, `new EC2Resource({ client })`, or any EC2Client option.',
    ' */',
    'export class EC2Resource extends ServiceResource {',
    '  /** The tables this class runs on. */',
    '  static readonly tables: ServiceTables = { actions, collections };',
    '',
    '  constructor(options?: EC2ResourceOptions) {',
    '    super(options);',
    '  }',
    '',
  ];
  for (const maker of service.constructors) {
    imports.classes.add(maker.type);
    lines.push(...renderConstructor(maker));
  }
  for (const action of service.actions) {
    noteCall(imports, action);
    if (action.result) imports.classes.add(action.result.type);
    const cls = action.result ? `, ${action.result.type}` : '';
    lines.push(
      ...renderActionMethod(
        action,
        actionDocs(action, 'the account and region'),
        `this.runAction(actions.${action.getter}, input, options${cls})`,
        false,
      ),
    );
  }
  for (const collection of service.collections) {
    if (collection.paginator) imports.paginators.add(collection.paginator);
    imports.collections.add(collection.result.type);
    lines.push(
      ...renderCollectionGetter(
        collection,
        'the region',
        `this.collectionSource(collections.${collection.getter})`,
      ),
    );
  }
  if (lines.at(-1) === '') lines.pop();
  lines.push('}', '');
  return [
    generatedHeader(SOURCE, 'EC2Resource: the EC2 service resource.'),
    ...renderImports(imports, '', byType),
    ...lines,
  ].join('\n');
}

// ---- index ----

export function renderIndex(plan: ResourcesPlan, collectionOf: ReadonlyMap<string, CollectionPlan>): string {
  const lines = [generatedHeader(SOURCE, 'The generated EC2 resources.')];
  for (const resource of plan.resources) {
    const names = [resource.name, `type ${resource.name}Identifiers`];
    if (collectionOf.has(resource.name))
      names.push(`${resource.name}Collection`, `type ${resource.name}CollectionInput`);
    lines.push(`import { ${names.join(', ')} } from './${resource.file}.js';`);
  }
  lines.push("import { EC2Resource } from './ec2-resource.js';", '');
  const exported = plan.resources.flatMap((resource) => [
    resource.name,
    `type ${resource.name}Identifiers`,
    ...(collectionOf.has(resource.name)
      ? [`${resource.name}Collection`, `type ${resource.name}CollectionInput`]
      : []),
  ]);
  lines.push(
    'export {',
    '  EC2Resource,',
    ...exported.map((name) => `  ${name},`),
    '};',
    '',
    `/** Every resource class by name (${plan.resources.length}). */`,
    'export const ec2ResourceClasses = {',
    ...plan.resources.map((resource) => `  ${resource.name},`),
    '};',
    '',
    '/** Every collection class by resource name. */',
    'export const ec2CollectionClasses = {',
    ...plan.resources.filter((r) => collectionOf.has(r.name)).map((r) => `  ${r.name}: ${r.name}Collection,`),
    '};',
    '',
  );
  return lines.join('\n');
}

// ---- the emitter ----

/**
 * What boto-ts adds to boto3's definitions, merged before planning: `securityGroup.vpc` (boto3 users
 * write `ec2.Vpc(sg.vpc_id)`). Each entry must be new; the README lists them.
 */
export const RESOURCE_EXTRAS: Readonly<Record<string, Pick<ResourceModel, 'has'>>> = {
  SecurityGroup: {
    has: {
      Vpc: { resource: { type: 'Vpc', identifiers: [{ target: 'Id', source: 'data', path: 'VpcId' }] } },
    },
  },
};

export function mergeResourceExtras(
  model: ResourcesModel,
  extras: Readonly<Record<string, Pick<ResourceModel, 'has'>>> = RESOURCE_EXTRAS,
): ResourcesModel {
  const resources: Record<string, ResourceModel> = { ...model.resources };
  for (const [name, extra] of Object.entries(extras)) {
    const base = resources[name];
    if (!base) throw new Error(`resources extras: no resource ${name}`);
    for (const key of Object.keys(extra.has ?? {})) {
      if (base.has?.[key])
        throw new Error(`resources extras: ${name}.has.${key} already exists in resources-1.json`);
    }
    resources[name] = { ...base, has: { ...base.has, ...extra.has } };
  }
  return { ...model, resources };
}

export function loadResourceModels(readModel: <T>(path: string) => T): {
  models: ResourceModels;
  resources: ResourcesModel;
} {
  const service = readModel<ServiceModel>(`${MODEL_DIR}/service-2.json`);
  const paginators = planPaginators(
    service,
    mergePaginatorExtras(
      readModel<PaginatorsModel>(`${MODEL_DIR}/paginators-1.json`),
      readModel<PaginatorsExtras>(`${MODEL_DIR}/paginators-1.sdk-extras.json`),
    ),
  );
  const waiters = readModel<WaitersModel>(`${MODEL_DIR}/waiters-2.json`);
  return {
    models: {
      service,
      paginated: new Set(paginators.map((p) => p.operation)),
      pagingMembers: new Map(
        paginators.map((p) => [
          p.operation,
          [...p.inputToken, ...(p.limitKey === undefined ? [] : [p.limitKey])],
        ]),
      ),
      waiters: new Map(
        Object.entries(waiters.waiters).map(([name, w]) => [
          name,
          { operation: w.operation, delay: w.delay, maxAttempts: w.maxAttempts },
        ]),
      ),
    },
    resources: mergeResourceExtras(readModel<ResourcesModel>(`${MODEL_DIR}/resources-1.json`)),
  };
}

/** Which collection class each resource type gets (the first collection that yields it). */
export function collectionsByType(plan: ResourcesPlan): Map<string, CollectionPlan> {
  const byType = new Map<string, CollectionPlan>();
  for (const collection of [...plan.service.collections, ...plan.resources.flatMap((r) => r.collections)]) {
    if (!byType.has(collection.result.type)) byType.set(collection.result.type, collection);
  }
  return byType;
}

export const emitResources: Emitter = (context) => {
  const { models, resources } = loadResourceModels((path) => context.readModel(path));
  const plan = planResources(models, resources);
  const paths = new PathTable();
  const byType = new Map(plan.resources.map((resource) => [resource.name, resource]));
  const collectionOf = collectionsByType(plan);
  for (const resource of plan.resources) {
    context.write(
      `${OUTPUT_DIR}/${resource.file}.ts`,
      renderResourceFile(resource, paths, byType, collectionOf),
    );
  }
  context.write(`${OUTPUT_DIR}/ec2-resource.ts`, renderServiceFile(plan, paths, byType));
  context.write(`${OUTPUT_DIR}/index.ts`, renderIndex(plan, collectionOf));
  context.write(`${OUTPUT_DIR}/paths.ts`, paths.render());
};
