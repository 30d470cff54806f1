// The EC2-sized form of the client (a class with 800 methods would be ~800 kB of source and
// declarations): method signatures as one typed interface (`EC2Methods`), methods defined from the
// operation list at load, and per-operation functions as typed consts. Runtime helpers live in
// runtime/operation-methods.ts, signatures in runtime/method-types.ts (copied beside the output).

import { posix } from 'node:path';
import { type OperationSignatureParts, signatureParts } from './emit-signatures.js';
import type { ServiceModel } from './model.js';
import { compareCodeUnits, operationConstName } from './names.js';
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

/** `client.ts`: the config type and the client class, its methods defined from the operation list. */
export function emitMethodTableClient(target: ServiceTarget): string {
  const P = target.prefix;
  const c = target.constPrefix;
  const customizations = Object.entries(target.customizations)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([operation, custom]) => `  ${operation}: ${custom.customize},\n`)
    .join('');
  return `${coreImports(target, ['ServiceClient'], ['ClientConfig'])}${customizationValueImports(target, target.outDir)}import type { ${P}Methods } from './methods.js';
import { ${c}OperationNames } from './operation-names.js';
import { defineOperationMethods } from './operation-methods.js';
import { callOperation } from './schemas.js';
import { ${c}Service } from './service.js';

/** Options of \`new ${P}Client(...)\`: a session, or region, credentials, endpoint, retries, transport, trace. */
export type ${P}ClientConfig = ClientConfig;

/**
 * ${target.title}: one method per operation, named as the operation in camelCase
 * (\`describeInstances\`), typed by ${P}Methods. Each resolves to the operation's output with
 * \`$metadata\`, or rejects with a ServiceError; an operation's schema is decoded on its first call.
 */
export class ${P}Client extends ServiceClient {
  constructor(config?: ${P}ClientConfig) {
    super(${c}Service, config);
  }
}

export interface ${P}Client extends ${P}Methods {}

/** Call customizations, by operation (hand-written, in src/customizations). */
const customizations = {
${customizations}};

defineOperationMethods(${P}Client.prototype, ${c}OperationNames, callOperation, customizations);
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
