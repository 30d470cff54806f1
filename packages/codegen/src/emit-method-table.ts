// The EC2-sized form of the client (800 methods with typed overloads would be ~800 kB of
// declarations): the per-operation functions are typed, documented consts; the client's method types
// (`EC2Methods`) are derived from them; the methods themselves are one plain internal class.
// Runtime helpers live in runtime/operation-methods.ts, signatures in runtime/method-types.ts
// (both copied beside the output).

import { posix } from 'node:path';
import { type OperationSignatureParts, signatureParts } from './emit-signatures.js';
import type { ServiceModel } from './model.js';
import { compareCodeUnits, methodName, operationConstName } from './names.js';
import { coreImports, type ServiceTarget } from './service-target.js';

function sortedOperations(model: ServiceModel): string[] {
  return Object.keys(model.operations).sort((a, b) => compareCodeUnits(a, b));
}

/** `DryRunMethod`, `OptionalInputMethod`, ... (`Function` instead of `Method` for the function form). */
function signatureType(parts: OperationSignatureParts, form: 'Method' | 'Function'): string {
  const name = `${parts.inputOptional ? 'OptionalInput' : ''}${parts.dryRun ? 'DryRun' : ''}${form}`;
  const base = name === form ? `Operation${form}` : name;
  const options = parts.optionsType === 'CallOptions' ? '' : `, ${parts.optionsType}`;
  return `${base}<${parts.input}, ${parts.output}${options}>`;
}

function relativeSpecifier(fromDir: string, repoPath: string): string {
  const path = posix.relative(fromDir, repoPath);
  return path.startsWith('.') ? path : `./${path}`;
}

/** Type-only imports of the customizations' option types, seen from `fromDir`. */
function customizationTypeImports(target: ServiceTarget, fromDir: string, model: ServiceModel): string {
  const byModule = new Map<string, Set<string>>();
  for (const [operation, custom] of Object.entries(target.customizations)) {
    if (!model.operations[operation])
      throw new Error(`codegen: customization for unknown operation ${operation}`);
    const specifier = relativeSpecifier(fromDir, custom.module);
    byModule.set(specifier, (byModule.get(specifier) ?? new Set()).add(custom.optionsType));
  }
  return [...byModule]
    .map(([module, names]) => `import type { ${[...names].sort().join(', ')} } from '${module}';\n`)
    .join('');
}

function customizationValueImports(target: ServiceTarget, fromDir: string): string {
  const byModule = new Map<string, Set<string>>();
  for (const custom of Object.values(target.customizations)) {
    const specifier = relativeSpecifier(fromDir, custom.module);
    byModule.set(specifier, (byModule.get(specifier) ?? new Set()).add(custom.customize));
  }
  return [...byModule]
    .map(([module, names]) => `import { ${[...names].sort().join(', ')} } from '${module}';\n`)
    .join('');
}

function usedSignatureTypes(
  model: ServiceModel,
  target: ServiceTarget,
  form: 'Method' | 'Function',
): string[] {
  const used = new Set<string>();
  for (const operation of sortedOperations(model))
    used.add(signatureType(signatureParts(model, target, operation), form).replace(/<.*$/, ''));
  return [...used].sort();
}

/** `methods.ts`: the client's methods, derived from the documented per-operation functions. */
export function emitMethodsType(target: ServiceTarget): string {
  const P = target.prefix;
  return `import type { MethodOf } from './method-types.js';
import type * as F from './operations/functions.js';

/**
 * Every operation method of ${P}Client (\`describeInstances(input, options)\`), derived from the
 * per-operation functions (\`describeInstances(client, input, options)\`): same types, same docs.
 */
export type ${P}Methods = { [Method in keyof typeof F]: MethodOf<(typeof F)[Method]> };
`;
}

/**
 * \`client.ts\`: everything \`import { EC2Client }\` loads, in one module (each extra module costs
 * start-up time): the config type, the lazy schema table, the methods, the client, the names.
 *
 * The methods are one plain class written out in full, because V8 builds a class's methods far
 * faster than it adds 800 properties to a prototype in a loop (7 ms against 60 ms measured). That
 * class is \`@internal\`, so its loose signatures stay out of the published declarations, where
 * EC2Client's methods are typed by \`EC2Methods\`.
 */
export function emitLazyClientModule(model: ServiceModel, target: ServiceTarget): string {
  const P = target.prefix;
  const c = target.constPrefix;
  const methods = sortedOperations(model).map((operation) => {
    const custom = target.customizations[operation];
    const extra = custom ? `, ${custom.customize}` : '';
    return `  ${methodName(operation)}(input?: object, options?: CallOptions): Promise<unknown> {\n    return callOperation(this, '${operation}', input, options${extra});\n  }\n`;
  });
  for (const name of sortedOperations(model))
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name))
      throw new Error(`codegen: operation name ${name} is not PascalCase`);
  return `${coreImports(target, ['ServiceClient'], ['CallOptions', 'ClientConfig', 'OperationSchema', 'ServiceSchema'])}${customizationValueImports(target, target.outDir)}import type { ${P}Methods } from './methods.js';
import type { Customization } from './operation-methods.js';
import type { ${P}MethodName } from './operation-types.js';
import type { SchemaTable } from './schema-table.js';
import { ${c}Service } from './service.js';

/** Options of \`new ${P}Client(...)\`: a session, or region, credentials, endpoint, retries, transport, trace. */
export type ${P}ClientConfig = ClientConfig;

/** An operation name (\`DescribeInstances\`): a method name with its first letter capitalized. */
export type ${P}OperationName = Capitalize<${P}MethodName>;

// ---- schemas: the compact schema text, loaded and decoded on the first call ----

let table: SchemaTable | undefined;
let loading: Promise<SchemaTable> | undefined;

/** Loads the schema text and its decoder (separate modules, so importing the client parses neither) once. */
function loadTable(): Promise<SchemaTable> {
  loading ??= Promise.all([import('./schema-text.js'), import('./schema-table.js')]).then(
    ([{ ${c}SchemaText }, { createSchemaTable }]) => {
      table = createSchemaTable(${c}SchemaText, ${c}OperationNames);
      return table;
    },
  );
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

/** @internal ${P}Client's methods, untyped here: ${P}Client types them with ${P}Methods. */
export class ${P}ClientMethods extends ServiceClient {
${methods.join('\n')}}

/** ${P}ClientMethods, seen with the typed signatures of ${P}Methods. */
const TypedMethods = ${P}ClientMethods as unknown as new (
  service: ServiceSchema,
  config?: ClientConfig,
) => ServiceClient & ${P}Methods;

/**
 * ${target.title}: one method per operation, named as the operation in camelCase
 * (\`describeInstances\`). Each resolves to the operation's output with \`$metadata\`, or rejects
 * with a ServiceError; an operation's schema is decoded on its first call.
 */
export class ${P}Client extends TypedMethods {
  constructor(config?: ${P}ClientConfig) {
    super(${c}Service, config);
  }
}

/** Every operation name of the model, sorted (read off the methods: a second list would cost 22 kB). */
export const ${c}OperationNames: readonly ${P}OperationName[] = /*#__PURE__*/ Object.getOwnPropertyNames(
  ${P}ClientMethods.prototype,
)
  .filter((name) => name !== 'constructor')
  .map((name) => (name.charAt(0).toUpperCase() + name.slice(1)) as ${P}OperationName);
`;
}

/** `operations/functions.ts`: one documented, typed const per operation (and nothing else). */
export function emitFunctionConsts(model: ServiceModel, target: ServiceTarget, dir: string): string {
  const functions = sortedOperations(model).map((operation) => {
    const parts = signatureParts(model, target, operation);
    const custom = target.customizations[operation];
    const args = `S.${operationConstName(operation)}${custom ? `, ${custom.customize}` : ''}`;
    return `/** @see ${target.referenceUrl(operation)} */\nexport const ${parts.name} = /*#__PURE__*/ operationFunction<${signatureType(parts, 'Function')}>(${args});\n`;
  });
  return `${customizationTypeImports(target, dir, model)}${customizationValueImports(target, dir)}import type { ${usedSignatureTypes(model, target, 'Function').join(', ')} } from '${relativeSpecifier(dir, `${target.outDir}/method-types.js`)}';
import { operationFunction } from '${relativeSpecifier(dir, `${target.outDir}/operation-methods.js`)}';
import type * as T from '${relativeSpecifier(dir, `${target.outDir}/types.js`)}';
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

/** `operation-types.ts`: input and output types by method name, read off the per-operation functions. */
export function emitDerivedOperationTypes(target: ServiceTarget): string {
  const P = target.prefix;
  return `import type { OperationTypes } from './method-types.js';
import type * as F from './operations/functions.js';

/** Every operation by method name, with its input and output types (paginators, waiters, resources). */
export type ${P}Operations = { [Method in keyof typeof F]: OperationTypes<(typeof F)[Method]> };

/** An operation's method name (\`describeInstances\`). */
export type ${P}MethodName = keyof typeof F;
`;
}
