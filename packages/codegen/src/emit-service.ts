// Generates one service's client from its model: types, schemas, client class, per-operation
// functions and indexes, into the target's generated folder (EC2 -> client-ec2, STS -> core).

import type { ServiceSchema } from '@boto-ts/core';
import type { CodegenContext } from './context.js';
import {
  emitClientClass,
  emitOperationFunctions,
  emitOperationNames,
  emitOperationTypes,
} from './emit-client.js';
import { compactRuleSet } from './emit-endpoints.js';
import {
  emitBareClient,
  emitDerivedOperationTypes,
  emitFunctionDeclarations,
  emitLazyClientModule,
} from './emit-method-table.js';
import {
  emitSchemaLiterals,
  literalWriter,
  sharedScalarAliases,
  writeValue,
} from './emit-schema-literals.js';
import { emitShapeTypes } from './emit-types.js';
import { generatedHeader } from './header.js';
import type { ModelOperation, ServiceModel } from './model.js';
import { operationConstName, quote } from './names.js';
import { protocolModule } from './protocol-modules.js';
import { buildSchemas } from './schema-builder.js';
import { buildSchemaGraph, type SchemaGraph } from './schema-graph.js';
import { encodeSchemaTable, stringLiteral } from './schema-table-encode.js';
import { coreImports, type ServiceTarget } from './service-target.js';

/** Everything the emitters need about one service, computed once. */
export interface ServiceBuild {
  readonly target: ServiceTarget;
  readonly modelPath: string;
  readonly model: ServiceModel;
  readonly service: ServiceSchema;
  readonly graph: SchemaGraph;
}

/** The model with only the target's operations (its shapes, and so its modeled errors, all kept). */
function targetModel(model: ServiceModel, target: ServiceTarget): ServiceModel {
  if (target.operations === undefined) return model;
  const operations: Record<string, ModelOperation> = {};
  for (const name of target.operations) {
    const operation = model.operations[name];
    if (operation === undefined) throw new Error(`codegen: ${target.prefix} has no operation ${name}`);
    operations[name] = operation;
  }
  if (target.reachableShapesOnly !== true) return { ...model, operations };
  return { ...model, operations, shapes: reachableShapes(model, Object.values(operations)) };
}

/** The shapes `operations` reach (inputs, outputs, errors and everything they contain), in model order. */
function reachableShapes(model: ServiceModel, operations: readonly ModelOperation[]): ServiceModel['shapes'] {
  const seen = new Set<string>();
  const visit = (name: string | undefined): void => {
    if (name === undefined || seen.has(name)) return;
    const shape = model.shapes[name];
    if (shape === undefined) throw new Error(`codegen: ${model.metadata.serviceId} has no shape ${name}`);
    seen.add(name);
    if (shape.type === 'structure') for (const member of Object.values(shape.members)) visit(member.shape);
    else if (shape.type === 'list') visit(shape.member.shape);
    else if (shape.type === 'map') {
      visit(shape.key.shape);
      visit(shape.value.shape);
    }
  };
  for (const operation of operations) {
    visit(operation.input?.shape);
    visit(operation.output?.shape);
    for (const error of operation.errors ?? []) visit(error.shape);
  }
  return Object.fromEntries(Object.entries(model.shapes).filter(([name]) => seen.has(name)));
}

export function buildService(context: CodegenContext, target: ServiceTarget): ServiceBuild {
  const modelPath = `${target.modelDir}/service-2.json`;
  const model = targetModel(context.readModel<ServiceModel>(modelPath), target);
  const ruleSet = compactRuleSet(context.readModel<unknown>(`${target.modelDir}/endpoint-rule-set-1.json`));
  const built = buildSchemas(model, { endpointRuleSet: ruleSet, configKey: target.configKey });
  return { target, modelPath, model, service: built.service, graph: buildSchemaGraph(built) };
}

/** `service.ts`: the ServiceSchema const, its endpoint rule set parsed from compact JSON text. */
function serviceModule(build: ServiceBuild, shapesModule: string | undefined): string {
  const { target, service, graph } = build;
  const writer = literalWriter(graph);
  const fields = Object.entries(service)
    .filter(([key, value]) => value !== undefined && key !== 'loadProtocol')
    .map(([key, value]) => {
      if (key === 'endpointRuleSet')
        return value === null
          ? '  endpointRuleSet: null,'
          : `  endpointRuleSet: /*#__PURE__*/ JSON.parse(${quote(JSON.stringify(value))}),`;
      return `  ${key}: ${writeValue(value, writer)},`;
    });
  // The protocol module loads on the first call, and a bundler includes only this one.
  const { file, exportName } = protocolModule(service.protocol);
  fields.push(
    `  loadProtocol: () => import('${target.protocolModule(file)}').then((module) => module.${exportName}),`,
  );
  const referenced = (service.errors ?? []).map((error) => graph.nameOf(error));
  if (referenced.length > 0 && shapesModule === undefined)
    throw new Error(
      `codegen: ${target.prefix} has service-level errors but its schemas are not literal consts`,
    );
  const imports = [
    coreImports(
      target,
      [...writer.shared].map((name) => `${name} as ${sharedScalarAliases[name] ?? name}`),
      ['ServiceSchema'],
    ),
    referenced.length > 0
      ? `import { ${[...new Set(referenced)].sort().join(', ')} } from '${shapesModule}';\n`
      : '',
  ].join('');
  return `${imports}
/** ${target.title}: protocol, signing name, API version and endpoint rules. */
export const ${target.constPrefix}Service: ServiceSchema = {
${fields.join('\n')}
};
`;
}

/** A schemas module of object-literal consts (shapes private unless `exportShapes`). */
function literalSchemasModule(build: ServiceBuild, exportShapes: boolean): string {
  const literals = emitSchemaLiterals(build.graph, { exportShapes, inlineSingleUse: !exportShapes });
  return `${coreImports(build.target, literals.sharedScalarsUsed, literals.schemaTypesUsed)}
${literals.code}`;
}

function mainIndex(build: ServiceBuild, typeNames: ReadonlySet<string>): string {
  const { target } = build;
  const P = target.prefix;
  const c = target.constPrefix;
  const exported = [
    `${P}Client`,
    `${P}ClientConfig`,
    `${c}OperationNames`,
    `${P}OperationName`,
    `${P}Operations`,
    `${P}MethodName`,
    `${c}Service`,
    `load${P}Operation`,
    `create${P}BareClient`,
  ];
  for (const name of exported)
    if (typeNames.has(name))
      throw new Error(`codegen: ${name} is both a shape of the model and a generated export`);
  const lines = target.lazySchemas
    ? [
        `export { ${P}Client, type ${P}ClientConfig, ${c}OperationNames, type ${P}OperationName, load${P}Operation } from './client.js';`,
        `export type { DryRunOutcome } from '${target.coreModules('DryRunOutcome')}';`,
        `export type { ${P}MethodName, ${P}Operations } from './operation-types.js';`,
        `export { ${c}Service } from './service.js';`,
        `export type * from './types.js';`,
      ]
    : [
        `export { ${P}Client, type ${P}ClientConfig } from './client.js';`,
        `export * from './functions.js';`,
        `export { ${c}OperationNames, type ${P}OperationName } from './operation-names.js';`,
        `export type { ${P}MethodName, ${P}Operations } from './operation-types.js';`,
        `export { ${build.graph.operations.map((op) => operationConstName(op.name)).join(', ')} } from './schemas.js';`,
        `export { ${c}Service } from './service.js';`,
        `export type * from './types.js';`,
      ];
  return `${lines.join('\n')}\n`;
}

function shapeTypeNames(model: ServiceModel): Set<string> {
  return new Set(Object.keys(model.shapes));
}

/** Writes every file of one service's generated folder. */
export function emitService(context: CodegenContext, target: ServiceTarget): void {
  const build = buildService(context, target);
  const { model, modelPath } = build;
  const out = target.outDir;
  const write = (file: string, what: string, body: string) =>
    context.write(`${out}/${file}`, `${generatedHeader(modelPath, what)}\n${body}`);

  write(
    'types.ts',
    `${target.title}: a TypeScript type for every shape of the model.`,
    emitShapeTypes(model),
  );
  write(
    'operation-types.ts',
    'Input and output types by method name.',
    target.lazySchemas ? emitDerivedOperationTypes(target) : emitOperationTypes(model, target),
  );
  write(
    'index.ts',
    `The generated part of the ${target.prefix} client's public entry point.`,
    mainIndex(build, shapeTypeNames(model)),
  );

  if (target.lazySchemas) {
    write(
      'client.ts',
      `${target.prefix}Client: one method per operation.`,
      emitLazyClientModule(model, target),
    );
    write('service.ts', 'The service schema.', serviceModule(build, undefined));
    write(
      'schema-text.ts',
      'Every schema of the service as compact text (entries separated by `~`).',
      `// Its decoder comes with it: the client loads both on its first call.\nexport { createSchemaTable } from '@boto-ts/core/schema-table';\n\nexport const ${target.constPrefix}SchemaText: string = ${stringLiteral(encodeSchemaTable(build.graph))};\n`,
    );
    const opsDir = `${out}/operations`;
    write(
      'operations/schemas.ts',
      'Schemas as object-literal consts, for bundlers to tree-shake.',
      literalSchemasModule(build, false),
    );
    write(
      'operations/functions.ts',
      'One function per operation, for bundles.',
      emitFunctionDeclarations(model, target, opsDir),
    );
    write(
      'operations/bare-client.ts',
      'A bare client for the per-operation functions.',
      emitBareClient(target, opsDir),
    );
    write(
      'operations/index.ts',
      `The generated part of @boto-ts/client-${target.configKey}/operations.`,
      `export { create${target.prefix}BareClient } from './bare-client.js';\nexport * from './functions.js';\nexport * from './schemas.js';\nexport { ${target.constPrefix}Service } from '../service.js';\n`,
    );
  } else {
    write('client.ts', `${target.prefix}Client: one method per operation.`, emitClientClass(model, target));
    write('operation-names.ts', 'Operation names.', emitOperationNames(model, target));
    write('service.ts', 'The service schema.', serviceModule(build, './schemas.js'));
    write('schemas.ts', 'Schemas as object-literal consts.', literalSchemasModule(build, true));
    write('functions.ts', 'One function per operation.', emitOperationFunctions(model, target, out));
  }
}
