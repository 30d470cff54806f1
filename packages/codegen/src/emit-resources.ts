// Emits packages/resources-ec2/src/generated/: one typed class per EC2 resource of boto3's
// resources-1.json (attributes as getters over the loaded shape, actions, waiters, references,
// collections with their batch actions), EC2Resource, the JMESPath of every path compiled to
// functions (paths.ts, calling a copy of the JMESPath value rules), and the index. The classes only
// add types over plain-data tables; the engine in packages/resources-ec2/src runs them.

import { readFileSync } from 'node:fs';
import type { Emitter } from './context.js';
import { mergePaginatorExtras, type PaginatorsExtras, planPaginators } from './emit-paginators.js';
import {
  type ActionPlan,
  type CallPlan,
  COLLECTION_RESERVED,
  type CollectionPlan,
  type ConstructorPlan,
  type ParamPlan,
  planResources,
  type ReferencePlan,
  type ResourceModel,
  type ResourceModels,
  type ResourcePlan,
  type ResourcesModel,
  type ResourcesPlan,
  type ResultPlan,
} from './emit-resources-plan.js';
import { generatedHeader } from './header.js';
import { compileJmespath } from './jmespath-compile.js';
import type { PaginatorsModel, ServiceModel, WaitersModel } from './model.js';
import { ec2ReferenceUrl, quote } from './names.js';

const MODEL_DIR = 'ec2/2016-11-15';
const OUTPUT_DIR = 'packages/resources-ec2/src/generated';
const SOURCE = `${MODEL_DIR}/resources-1.json (+ service-2.json, paginators-1.json, waiters-2.json)`;

// ---- compiled paths ----

/** Every JMESPath expression the tables use, compiled once each to a named function in paths.ts. */
export class PathTable {
  readonly #names = new Map<string, string>();
  readonly #lines: string[] = [];
  readonly helpers = new Set<string>();

  /** The function name for `expression` (`P.path3`). */
  ref(expression: string): string {
    let name = this.#names.get(expression);
    if (name === undefined) {
      const compiled = compileJmespath(expression, 'value');
      for (const helper of compiled.helpers) this.helpers.add(helper);
      name = `path${this.#names.size + 1}`;
      this.#names.set(expression, name);
      this.#lines.push(
        `// ${expression}`,
        `export const ${name} = (value: unknown): unknown => ${compiled.code};`,
        '',
      );
    }
    return `P.${name}`;
  }

  render(): string {
    const helpers = [...this.helpers].sort();
    return [
      generatedHeader(
        SOURCE,
        'Every JMESPath expression of the EC2 resource definitions, compiled to a function.',
      ),
      ...(helpers.length === 0 ? [] : [`import { ${helpers.join(', ')} } from './jmespath-runtime.js';`, '']),
      ...this.#lines,
    ].join('\n');
  }
}

// ---- values ----

const lit = (value: string | number | boolean): string =>
  typeof value === 'string' ? quote(value) : String(value);

function renderTarget(target: readonly (string | number)[]): string {
  return `[${target.map(lit).join(', ')}]`;
}

function renderParam(param: ParamPlan, paths: PathTable): string {
  const target = renderTarget(param.target);
  switch (param.from) {
    case 'identifier':
      return `{ target: ${target}, from: 'identifier', name: ${quote(param.name)} }`;
    case 'value':
      return `{ target: ${target}, from: 'value', value: ${lit(param.value)} }`;
    case 'data':
      return `{ target: ${target}, from: 'data', path: ${paths.ref(param.expression)}, expression: ${quote(param.expression)} }`;
  }
}

function renderParams(params: readonly ParamPlan[], paths: PathTable): string {
  return params.length === 0 ? '[]' : `[${params.map((param) => renderParam(param, paths)).join(', ')}]`;
}

function renderResult(result: ResultPlan, paths: PathTable): string {
  const identifiers = result.identifiers.map(({ target, source }) => {
    let rendered: string;
    switch (source.from) {
      case 'identifier':
        rendered = `{ from: 'identifier', name: ${quote(source.name)} }`;
        break;
      case 'input':
        throw new Error(`resources: an input identifier outside the service constructors (${result.type})`);
      case 'element':
        rendered = `{ from: 'element', path: ${paths.ref(source.expression)}, expression: ${quote(source.full)} }`;
        break;
      default:
        rendered = `{ from: ${quote(source.from)}, path: ${paths.ref(source.expression)}, expression: ${quote(source.expression)} }`;
    }
    return `{ target: ${quote(target)}, source: ${rendered} }`;
  });
  const data =
    result.data === undefined
      ? ''
      : `, data: ${result.data === '@' ? "'whole'" : paths.ref(result.data)}, dataExpression: ${quote(result.data)}`;
  return `{ type: ${quote(result.type)}, plural: ${result.plural}, identifiers: [${identifiers.join(', ')}]${data} }`;
}

function renderRequest(call: CallPlan, paths: PathTable): string {
  return `operation: ${quote(call.operation)}, method: ${quote(call.method)}, params: ${renderParams(call.params, paths)}`;
}

// ---- types ----

const union = (names: readonly string[]): string => names.map(quote).join(' | ');

function inputType(call: CallPlan): string {
  const base = call.inputShape === undefined ? 'object' : `T.${call.inputShape}`;
  return call.omitted.length === 0 ? base : `Omit<${base}, ${union(call.omitted)}>`;
}

const outputType = (call: CallPlan): string =>
  `WithMetadata<${call.outputShape === undefined ? 'object' : `T.${call.outputShape}`}>`;

const optionsType = (call: CallPlan): string =>
  call.operation === 'RunInstances' ? 'RunInstancesCallOptions' : 'CallOptions';

function resultType(action: ActionPlan): string {
  if (action.result === undefined) return outputType(action);
  return action.result.plural ? `${action.result.type}[]` : action.result.type;
}

/** Overloads and body of an action (or, with `batch`, of a collection's batch action). */
function renderActionMethod(action: ActionPlan, docs: string[], body: string, batch: boolean): string[] {
  const input = inputType(action);
  const options = optionsType(action);
  const optional = action.inputRequired ? '' : '?';
  const each = (type: string) => (batch ? (type.includes('|') ? `(${type})[]` : `${type}[]`) : type);
  const result = each(resultType(action));
  const doc = ['  /**', ...docs.map((line) => `   * ${line}`), '   */'];
  if (!action.dryRun) {
    return [
      ...doc,
      `  ${action.getter}(input${optional}: ${input}, options?: ${options}): Promise<${result}> {`,
      `    return ${body} as Promise<${result}>;`,
      '  }',
      '',
    ];
  }
  return [
    ...doc,
    `  ${action.getter}(input${optional}: NotDryRun<${input}>, options?: ${options}): Promise<${result}>;`,
    '  /** As a dry run (`DryRun: true`): checks permissions only; resolves to a DryRunOutcome. */',
    `  ${action.getter}(input: AsDryRun<${input}>, options?: ${options}): Promise<${each('DryRunOutcome')}>;`,
    `  ${action.getter}(input${optional}: ${input}, options?: ${options}): Promise<${each(`${resultType(action)} | DryRunOutcome`)}>;`,
    `  ${action.getter}(input?: object, options?: ${options}): Promise<unknown> {`,
    `    return ${body};`,
    '  }',
    '',
  ];
}

function filledIn(call: CallPlan): string {
  return call.omitted.length === 0 ? '' : ` (${call.omitted.map((m) => `\`${m}\``).join(', ')} filled in)`;
}

function actionDocs(action: ActionPlan, subject: string): string[] {
  const result = action.result
    ? action.result.data === undefined
      ? `Resolves to the new ${action.result.type} object${action.result.plural ? 's' : ''} (not loaded: the response carries only ${action.result.plural ? 'their identifiers' : 'its identifier'}).`
      : `Resolves to the new ${action.result.type} object${action.result.plural ? 's' : ''}, loaded with the response's data.`
    : 'Resolves to the output.';
  return [
    `${action.operation} for ${subject}${filledIn(action)}. ${result}`,
    `@see ${ec2ReferenceUrl(action.operation)}`,
  ];
}

// ---- one resource file ----

interface FileImports {
  readonly classes: Set<string>;
  readonly collections: Set<string>;
  readonly paginators: Set<string>;
  readonly waiters: Set<string>;
  readonly core: Set<string>;
  readonly engine: Set<string>;
  runInstancesOptions: boolean;
}

const newImports = (): FileImports => ({
  classes: new Set(),
  collections: new Set(),
  paginators: new Set(),
  waiters: new Set(),
  core: new Set(),
  engine: new Set(),
  runInstancesOptions: false,
});

function noteCall(imports: FileImports, call: CallPlan): void {
  imports.core.add('type CallOptions');
  imports.core.add('type WithMetadata');
  if (call.dryRun) {
    imports.core.add('type DryRunOutcome');
    imports.engine.add('type AsDryRun');
    imports.engine.add('type NotDryRun');
  }
  if (call.operation === 'RunInstances') imports.runInstancesOptions = true;
}

function renderImports(
  imports: FileImports,
  self: string,
  byType: ReadonlyMap<string, ResourcePlan>,
): string[] {
  const sorted = (set: Set<string>) =>
    [...set].sort((a, b) => {
      const x = a.replace(/^type /, '');
      const y = b.replace(/^type /, '');
      return x < y ? -1 : x > y ? 1 : 0;
    });
  // `import type { A, B }` when every name is a type, else `import { A, type B }`.
  const statement = (set: Set<string>, from: string) => {
    const names = sorted(set);
    return names.every((name) => name.startsWith('type '))
      ? `import type { ${names.map((name) => name.slice(5)).join(', ')} } from '${from}';`
      : `import { ${names.join(', ')} } from '${from}';`;
  };
  const lines = ["import type * as T from '@boto-ts/client-ec2';"];
  if (imports.runInstancesOptions)
    lines.push("import type { RunInstancesCallOptions } from '@boto-ts/client-ec2';");
  if (imports.core.size > 0) lines.push(statement(imports.core, '@boto-ts/core'));
  if (imports.paginators.size > 0) lines.push(statement(imports.paginators, '@boto-ts/paginators'));
  if (imports.waiters.size > 0) lines.push(statement(imports.waiters, '@boto-ts/waiters'));
  lines.push(statement(imports.engine, '../engine.js'));
  const files = new Map<string, Set<string>>();
  const add = (type: string, name: string) => {
    if (type === self) return;
    const file = byType.get(type)!.file;
    if (!files.has(file)) files.set(file, new Set());
    files.get(file)!.add(name);
  };
  for (const type of imports.classes) add(type, type);
  for (const type of imports.collections) add(type, `${type}Collection`);
  for (const file of [...files.keys()].sort()) {
    lines.push(`import { ${[...files.get(file)!].sort().join(', ')} } from './${file}.js';`);
  }
  lines.push("import * as P from './paths.js';", '');
  return lines;
}

function renderTable(name: string, type: string, entries: readonly [string, string][]): string[] {
  if (entries.length === 0) return [`const ${name} = {} satisfies Record<string, ${type}>;`, ''];
  return [
    `const ${name} = {`,
    ...entries.map(([key, value]) => `  ${key}: ${value},`),
    `} satisfies Record<string, ${type}>;`,
    '',
  ];
}

function describeReference(reference: ReferencePlan, subject: string): string {
  const what = reference.result.plural
    ? `The ${reference.result.type} objects`
    : `The ${reference.result.type}`;
  if (!reference.needsData) return `${what} of ${subject}'s identifiers (no request is sent).`;
  const loaded = reference.result.data === undefined ? 'not loaded' : 'loaded with that data';
  const absent = reference.result.plural ? '' : '; undefined when the data names none';
  return `${what} named in ${subject}'s data (${loaded}${absent}). Reads the loaded data: load first.`;
}

function renderCollectionGetter(collection: CollectionPlan, subject: string, body: string): string[] {
  const filters = collection.params
    .filter((param) => param.from === 'value')
    .map((param) => (param.from === 'value' ? String(param.value) : ''));
  const scope = filters.length === 0 ? '' : ` filtered to ${subject} (${filters.join(', ')})`;
  return [
    `  /** ${collection.result.type} objects through ${collection.operation}${scope}: a collection, nothing is sent until it is iterated. */`,
    `  get ${collection.getter}(): ${collection.result.type}Collection {`,
    `    return new ${collection.result.type}Collection(${body});`,
    '  }',
    '',
  ];
}

function renderCollectionClass(
  plan: ResourcePlan,
  collection: CollectionPlan,
  imports: FileImports,
): string[] {
  const name = `${plan.name}Collection`;
  const inputName = `${name}Input`;
  imports.engine.add('ResourceCollection');
  imports.engine.add('construct');
  imports.engine.add('type CollectionQuery');
  imports.engine.add('type CollectionSource');
  const lines = [
    `/** What ${name}.filter() takes: ${collection.operation}'s input${collection.omitted.length ? `, without ${collection.omitted.join(', ')} (the collection pages for you)` : ''}. */`,
    `export type ${inputName} = ${inputType(collection)};`,
    '',
  ];
  const batch = plan.batchActions;
  const subject = `${plan.name.charAt(0).toLowerCase()}${plan.name.slice(1)}s`;
  lines.push(
    '/**',
    ` * ${plan.name} objects as a boto3 collection: \`all()\`, \`filter(input)\`, \`limit(n)\`, \`pageSize(n)\` return new`,
    ' * collections; iterate it (`for await`), or `pages()` / `toArray()`. The objects come loaded.',
    ...(batch.length > 0
      ? [
          ` * Batch actions (${plan.batchActions.map((a) => `\`${a.getter}()\``).join(', ')}) send one request per page.`,
        ]
      : []),
    ' */',
    `export class ${name} extends ResourceCollection<${plan.name}, ${inputName}> {`,
    `  static readonly batchActions = batchActions;`,
    '',
    '  constructor(source: CollectionSource, query?: CollectionQuery) {',
    `    super(source, (built) => construct(${plan.name}, source.context, built), query);`,
    '  }',
    '',
  );
  for (const action of plan.batchActions) {
    noteCall(imports, action);
    lines.push(
      ...renderActionMethod(
        action,
        [
          `${action.operation} for the ${subject} of this collection${filledIn(action)}, one request per page. Resolves to the outputs.`,
          `@see ${ec2ReferenceUrl(action.operation)}`,
        ],
        `this.runBatchAction(batchActions.${action.getter}, input, options)`,
        true,
      ),
    );
  }
  if (lines.at(-1) === '') lines.pop();
  lines.push('}', '');
  return lines;
}

function renderResourceClass(
  plan: ResourcePlan,
  paths: PathTable,
  imports: FileImports,
  collectionOf: ReadonlyMap<string, CollectionPlan>,
): string[] {
  const shape = plan.shape === undefined ? 'object' : `T.${plan.shape}`;
  const subject = `this ${plan.name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase()}`;
  imports.engine.add('Resource');
  imports.engine.add('type ResourceContext');
  imports.engine.add('type ResourceDefinition');
  imports.engine.add('type ResourceOrigin');
  imports.engine.add('type ResourceTables');

  const load = plan.load
    ? `, load: { ${renderRequest(plan.load, paths)}, path: ${paths.ref(plan.load.path)}, expression: ${quote(plan.load.path)} }`
    : '';
  const loadedFrom = plan.loadedFrom.length ? `, loadedFrom: [${plan.loadedFrom.map(quote).join(', ')}]` : '';
  const lines = [
    `const definition: ResourceDefinition = { name: ${quote(plan.name)}, identifiers: [${plan.identifiers.map((i) => quote(i.name)).join(', ')}]${plan.shape ? `, shape: ${quote(plan.shape)}` : ''}${load}${loadedFrom} };`,
    '',
  ];
  lines.push(
    ...renderTable(
      'actions',
      'ActionDefinition',
      plan.actions.map((action) => [
        action.getter,
        `{ ${renderRequest(action, paths)}${action.result ? `, result: ${renderResult(action.result, paths)}` : ''} }`,
      ]),
    ),
    ...renderTable(
      'batchActions',
      'RequestDefinition',
      (collectionOf.has(plan.name) ? plan.batchActions : []).map((action) => {
        if (COLLECTION_RESERVED.includes(action.getter)) {
          throw new Error(`resources: batch action ${plan.name}Collection.${action.getter} is reserved`);
        }
        return [action.getter, `{ ${renderRequest(action, paths)} }`];
      }),
    ),
    ...renderTable(
      'waiters',
      'WaiterDefinition',
      plan.waiters.map((waiter) => [
        waiter.getter,
        `{ waiter: ${waiter.spec}, params: ${renderParams(waiter.call.params, paths)}, updatesData: ${waiter.updatesData} }`,
      ]),
    ),
    ...renderTable(
      'references',
      'ReferenceDefinition',
      plan.references.map((reference) => [
        reference.getter,
        `{ name: ${quote(reference.getter)}, needsData: ${reference.needsData}, result: ${renderResult(reference.result, paths)} }`,
      ]),
    ),
    ...renderTable(
      'collections',
      'CollectionDefinition',
      plan.collections.map((collection) => [
        collection.getter,
        `{ ${renderRequest(collection, paths)}${collection.paginator ? `, paginator: ${collection.paginator}` : ''}, result: ${renderResult(collection.result, paths)} }`,
      ]),
    ),
  );
  for (const name of [
    'ActionDefinition',
    'RequestDefinition',
    'WaiterDefinition',
    'ReferenceDefinition',
    'CollectionDefinition',
  ]) {
    imports.engine.add(`type ${name}`);
  }

  const identifierType = `{ ${plan.identifiers.map((i) => `readonly ${i.name}: string`).join('; ')} }`;
  const loadNote = plan.load
    ? `loaded by ${plan.load.operation} (\`${plan.load.path}\`)`
    : `no load operation: data comes from ${plan.loadedFrom.join(' or ') || 'the action that returns it'}`;
  lines.push(
    `/** The identifiers of a${/^[AEIOU]/.test(plan.name) ? 'n' : ''} ${plan.name}. */`,
    `export type ${plan.name}Identifiers = ${identifierType};`,
    '',
    '/**',
    ` * EC2 ${plan.name}: identifiers ${plan.identifiers.map((i) => `\`${i.getter}\``).join(', ')}; ${plan.shape ? `data of shape ${plan.shape}, ` : ''}${loadNote}.`,
    ' * Attributes read the loaded data and never send a request.',
    ' */',
    `export class ${plan.name} extends Resource<${shape}, ${plan.name}Identifiers> {`,
    '  /** The tables this class runs on (boto3 resources-1.json, paths compiled). */',
    '  static readonly tables: ResourceTables = {',
    '    definition,',
    '    actions,',
    '    waiters,',
    '    references,',
    '    collections,',
    '    batchActions,',
    `    attributes: [${plan.attributes
      .filter((a) => a.identifier === undefined)
      .map((a) => `[${quote(a.getter)}, ${quote(a.member)}]`)
      .join(', ')}],`,
    '  };',
    '',
    `  constructor(context: ResourceContext, identifiers: ${plan.name}Identifiers, data?: ${shape}, origin?: ResourceOrigin) {`,
    '    super(context, definition, identifiers, data, origin);',
    '  }',
    '',
  );
  for (const identifier of plan.identifiers) {
    lines.push(
      `  /** Identifier \`${identifier.name}\` (always available). */`,
      `  get ${identifier.getter}(): string {`,
      `    return this.identifiers.${identifier.name};`,
      '  }',
      '',
    );
  }
  for (const attribute of plan.attributes) {
    if (attribute.identifier !== undefined) {
      lines.push(
        `  /** \`${attribute.member}\`: the identifier \`${attribute.identifier}\` (always available). */`,
        `  get ${attribute.getter}(): string {`,
        `    return this.identifiers.${attribute.identifier};`,
        '  }',
        '',
      );
    } else {
      lines.push(
        `  /** \`${attribute.member}\` of the loaded data. */`,
        `  get ${attribute.getter}(): ${shape}[${quote(attribute.member)}] {`,
        `    return this.attribute(${quote(attribute.member)});`,
        '  }',
        '',
      );
    }
  }
  for (const action of plan.actions) {
    noteCall(imports, action);
    if (action.result) imports.classes.add(action.result.type);
    const cls = action.result ? `, ${action.result.type}` : '';
    lines.push(
      ...renderActionMethod(
        action,
        actionDocs(action, subject),
        `this.runAction(actions.${action.getter}, input, options${cls})`,
        false,
      ),
    );
  }
  for (const waiter of plan.waiters) {
    imports.waiters.add(waiter.spec);
    imports.waiters.add('type WaitOptions');
    lines.push(
      '  /**',
      `   * Waits for ${waiter.waiterName} (${waiter.call.operation} every ${waiter.delay} s, at most ${waiter.maxAttempts} times unless`,
      `   * \`options\` say otherwise)${filledIn(waiter.call)}${waiter.updatesData ? ', then keeps the data of its final response' : ''}. Resolves to this object.`,
      '   */',
      `  ${waiter.getter}(input?: ${inputType(waiter.call)}, options?: WaitOptions): Promise<this> {`,
      `    return this.runWaiter(waiters.${waiter.getter}, input, options);`,
      '  }',
      '',
    );
  }
  for (const reference of plan.references) {
    imports.classes.add(reference.result.type);
    const type = reference.result.type;
    const method = reference.result.plural ? 'referenceMany' : 'referenceOne';
    const returns = reference.result.plural
      ? `${type}[]`
      : reference.needsData
        ? `${type} | undefined`
        : type;
    const bang = !reference.result.plural && !reference.needsData ? '!' : '';
    lines.push(
      `  /** ${describeReference(reference, subject)} */`,
      `  get ${reference.getter}(): ${returns} {`,
      `    return this.${method}(references.${reference.getter}, ${type})${bang};`,
      '  }',
      '',
    );
  }
  for (const collection of plan.collections) {
    if (collection.paginator) imports.paginators.add(collection.paginator);
    imports.collections.add(collection.result.type);
    lines.push(
      ...renderCollectionGetter(
        collection,
        subject,
        `this.collectionSource(collections.${collection.getter})`,
      ),
    );
  }
  if (lines.at(-1) === '') lines.pop();
  lines.push('}', '');
  return lines;
}

export function renderResourceFile(
  plan: ResourcePlan,
  paths: PathTable,
  byType: ReadonlyMap<string, ResourcePlan>,
  collectionOf: ReadonlyMap<string, CollectionPlan>,
): string {
  const imports = newImports();
  const body = renderResourceClass(plan, paths, imports, collectionOf);
  const collection = collectionOf.get(plan.name);
  if (collection) body.push(...renderCollectionClass(plan, collection, imports));
  return [
    generatedHeader(
      SOURCE,
      `The EC2 resource ${plan.name}${collection ? ` and ${plan.name}Collection` : ''}.`,
    ),
    ...renderImports(imports, plan.name, byType),
    ...body,
  ].join('\n');
}

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
  const runtime = readFileSync(new URL('./jmespath-compile-runtime.ts', import.meta.url), 'utf8');
  context.write(
    `${OUTPUT_DIR}/jmespath-runtime.ts`,
    `${generatedHeader(`${MODEL_DIR}/resources-1.json`, 'A copy of packages/codegen/src/jmespath-compile-runtime.ts.')}\n${runtime}`,
  );
};
