// The EC2-sized form of the client (800 operations): EC2Client with one method per operation in one
// generated module, whose schemas come from the compact text on the first call; and the
// per-operation functions of `@boto-ts/client-ec2/operations`, one plain function declaration each.
// Both use emit-signatures' overloads: documented types in the declarations, plain JavaScript.

import { posix } from 'node:path';
import { overloads, signatureParts } from './emit-signatures.js';
import type { ServiceModel } from './model.js';
import { compareCodeUnits, operationConstName } from './names.js';
import { coreImports, type ServiceTarget } from './service-target.js';

function sortedOperations(model: ServiceModel): string[] {
  return Object.keys(model.operations).sort(compareCodeUnits);
}

function relativeSpecifier(fromDir: string, repoPath: string): string {
  const path = posix.relative(fromDir, repoPath);
  return path.startsWith('.') ? path : `./${path}`;
}

/** `import { customize, type Options } from '<module>'` lines for the customizations, seen from `fromDir`. */
function customizationImports(target: ServiceTarget, fromDir: string, model: ServiceModel): string {
  const byModule = new Map<string, Set<string>>();
  for (const [operation, custom] of Object.entries(target.customizations)) {
    if (!model.operations[operation])
      throw new Error(`codegen: customization for unknown operation ${operation}`);
    const specifier = relativeSpecifier(fromDir, custom.module);
    byModule.set(
      specifier,
      (byModule.get(specifier) ?? new Set()).add(custom.customize).add(`type ${custom.optionsType}`),
    );
  }
  return [...byModule]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([module, names]) => {
      const sorted = [...names].sort((a, b) =>
        compareCodeUnits(a.replace(/^type /, ''), b.replace(/^type /, '')),
      );
      return `import { ${sorted.join(', ')} } from '${module}';\n`;
    })
    .join('');
}

function usesDryRun(model: ServiceModel, target: ServiceTarget): boolean {
  return sortedOperations(model).some((operation) => signatureParts(model, target, operation).dryRun);
}

/**
 * `client.ts`: everything `import { EC2Client }` loads, in one module (each extra module costs
 * start-up time): the config type, the lazy schema table, the client with its methods, the names.
 * The methods are written out in the class because V8 builds a class's methods far faster than it
 * adds 800 properties to a prototype in a loop (7 ms against 60 ms, measured).
 */
export function emitLazyClientModule(model: ServiceModel, target: ServiceTarget): string {
  const P = target.prefix;
  const c = target.constPrefix;
  const methods = sortedOperations(model).map((operation) => {
    const parts = signatureParts(model, target, operation);
    const custom = target.customizations[operation];
    const extra = custom ? `, ${custom.customize}` : '';
    const head = overloads(parts, target.referenceUrl(operation), parts.name, '', '  ');
    return `${head} {\n    return callOperation(this, '${operation}', input, options${extra});\n  }\n`;
  });
  const dryRunTypes = usesDryRun(model, target) ? ['DryRunFlag', 'Outcome', 'WithDryRun'] : [];
  return `${coreImports(target, ['ServiceClient'], ['CallOptions', 'ClientConfig', 'Customization', 'OperationSchema', 'WithMetadata', ...dryRunTypes])}import type { SchemaTable } from '@boto-ts/core/schema-table';
${customizationImports(target, target.outDir, model)}import type { ${P}MethodName } from './operation-types.js';
import { ${c}Service } from './service.js';
import type * as T from './types.js';

/** Options of \`new ${P}Client(...)\`: a session, or region, credentials, endpoint, retries, transport, trace. */
export type ${P}ClientConfig = ClientConfig;

/** An operation name (\`DescribeInstances\`): a method name with its first letter capitalized. */
export type ${P}OperationName = Capitalize<${P}MethodName>;

// ---- schemas: the compact schema text, loaded and decoded on the first call ----

let table: SchemaTable | undefined;
let loading: Promise<SchemaTable> | undefined;

/** Loads the schema text with its decoder (one module, so importing the client parses neither) once. */
function loadTable(): Promise<SchemaTable> {
  loading ??= import('./schema-text.js').then(({ ${c}SchemaText, createSchemaTable }) => {
    table = createSchemaTable(${c}SchemaText, ${c}OperationNames);
    return table;
  });
  return loading;
}

/** The schema of one ${P} operation, decoded on first use. */
export async function load${P}Operation(name: ${P}OperationName): Promise<OperationSchema> {
  return (table ?? (await loadTable())).operation(name);
}

/** Sends one operation through \`client\`, decoding its schema first when it was never used. */
function callOperation(
  client: ServiceClient,
  name: string,
  input: object | undefined,
  options: CallOptions | undefined,
  customize?: Customization,
): Promise<unknown> {
  const send = (loaded: SchemaTable): Promise<unknown> => {
    const operation = loaded.operation(name);
    const call = customize ? customize(operation, input, options) : { operation, input };
    return client.send(call.operation, call.input ?? {}, options);
  };
  return table ? send(table) : loadTable().then(send);
}

// ---- the client ----

/**
 * ${target.title}: one method per operation, named as the operation in camelCase
 * (\`describeInstances\`). Each resolves to the operation's output with \`$metadata\`, or rejects
 * with a ServiceError; an operation's schema is decoded on its first call.
 */
export class ${P}Client extends ServiceClient {
  constructor(config?: ${P}ClientConfig) {
    super(${c}Service, config);
  }

${methods.join('\n')}}

/** Every operation name of the model, sorted (read off the methods: a second list would cost 22 kB). */
export const ${c}OperationNames: readonly ${P}OperationName[] = /*#__PURE__*/ Object.getOwnPropertyNames(
  ${P}Client.prototype,
)
  .filter((name) => name !== 'constructor')
  .map((name) => (name.charAt(0).toUpperCase() + name.slice(1)) as ${P}OperationName);
`;
}

/** `operations/functions.ts`: one documented function per operation (and nothing else). */
export function emitFunctionDeclarations(model: ServiceModel, target: ServiceTarget, dir: string): string {
  const functions = sortedOperations(model).map((operation) => {
    const parts = signatureParts(model, target, operation);
    const schema = `S.${operationConstName(operation)}`;
    const custom = target.customizations[operation];
    const head = overloads(
      parts,
      target.referenceUrl(operation),
      `export function ${parts.name}`,
      'client: ServiceClient, ',
      '',
    );
    const body = custom
      ? `  const call = ${custom.customize}(${schema}, input, options);\n  return client.send(call.operation, call.input ?? {}, options);`
      : `  return client.send(${schema}, input ?? {}, options);`;
    return `${head} {\n${body}\n}\n`;
  });
  const dryRunTypes = usesDryRun(model, target) ? ['DryRunFlag', 'Outcome', 'WithDryRun'] : [];
  return `${coreImports(target, [], ['CallOptions', 'ServiceClient', 'WithMetadata', ...dryRunTypes])}${customizationImports(target, dir, model)}import type * as T from '${relativeSpecifier(dir, `${target.outDir}/types.js`)}';
import * as S from './schemas.js';

${functions.join('\n')}`;
}

/** \`operations/bare-client.ts\`: a ServiceClient for the per-operation functions. */
export function emitBareClient(target: ServiceTarget, dir: string): string {
  const P = target.prefix;
  return `${coreImports(target, ['ServiceClient'], ['ClientConfig'])}import { ${target.constPrefix}Service } from '${relativeSpecifier(dir, `${target.outDir}/service.js`)}';

/**
 * A client without per-operation methods, for the per-operation functions (a bundle keeps only the
 * operations it calls). An ${P}Client works with those functions too.
 */
export function create${P}BareClient(config?: ClientConfig): ServiceClient {
  return new ServiceClient(${target.constPrefix}Service, config);
}
`;
}

/** `operation-types.ts`: method names, and input and output types by method name, read off the client. */
export function emitDerivedOperationTypes(target: ServiceTarget): string {
  const P = target.prefix;
  return `${coreImports(target, [], ['OperationTypesOf', 'ServiceClient'])}import type { ${P}Client } from './client.js';

/** An operation's method name (\`describeInstances\`). */
export type ${P}MethodName = Exclude<keyof ${P}Client, keyof ServiceClient>;

/** Every operation by method name, with its input and output types (paginators, waiters, resources). */
export type ${P}Operations = { [Method in ${P}MethodName]: OperationTypesOf<${P}Client[Method]> };
`;
}
