// Renders one generated resource file: the resource's tables (definition, actions, batch actions,
// waiters, references, collections), its class (identifier and attribute getters, actions, waiters,
// references, collections) and, when a collection yields it, its collection class with batch actions.

import type { CollectionPlan, ReferencePlan, ResourcePlan } from './emit-resources-model.js';
import { COLLECTION_RESERVED } from './emit-resources-names.js';
import {
  actionDocs,
  type FileImports,
  filledIn,
  inputType,
  newImports,
  noteCall,
  type PathTable,
  renderActionMethod,
  renderImports,
  renderParams,
  renderRequest,
  renderResult,
  renderTable,
  SOURCE,
} from './emit-resources-render.js';
import { generatedHeader } from './header.js';
import { ec2ReferenceUrl, quote } from './names.js';

function describeReference(reference: ReferencePlan, subject: string): string {
  const what = reference.result.plural
    ? `The ${reference.result.type} objects`
    : `The ${reference.result.type}`;
  if (!reference.needsData) return `${what} of ${subject}'s identifiers (no request is sent).`;
  const loaded = reference.result.data === undefined ? 'not loaded' : 'loaded with that data';
  const absent = reference.result.plural ? '' : '; undefined when the data names none';
  return `${what} named in ${subject}'s data (${loaded}${absent}). Reads the loaded data: load first.`;
}

export function renderCollectionGetter(collection: CollectionPlan, subject: string, body: string): string[] {
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
