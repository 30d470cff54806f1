// Writes the client class (`EC2Client extends ServiceClient`, one method per operation) and the
// per-operation functions (`describeInstances(client, input, options)`) that bundles use instead.

import { posix } from 'node:path';
import { overloads, signatureParts } from './emit-signatures.js';
import type { ServiceModel } from './model.js';
import { compareCodeUnits, operationConstName } from './names.js';
import { coreImports, type ServiceTarget } from './service-target.js';

function sortedOperations(model: ServiceModel): string[] {
  return Object.keys(model.operations).sort((a, b) => compareCodeUnits(a, b));
}

/** `import { transform, type Options } from '<module>'` lines for the customizations in use. */
function customizationImports(target: ServiceTarget, fromDir: string): string {
  const byModule = new Map<string, Set<string>>();
  for (const custom of Object.values(target.customizations)) {
    const module = posix.relative(fromDir, custom.module) || '.';
    const specifier = module.startsWith('.') ? module : `./${module}`;
    const names = byModule.get(specifier) ?? new Set<string>();
    names.add(custom.customize).add(`type ${custom.optionsType}`);
    byModule.set(specifier, names);
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

/** The statements that send one operation: through its customization, if it has one. */
function sendStatements(target: ServiceTarget, operation: string, send: string, indent: string): string {
  const schema = `S.${operationConstName(operation)}`;
  const custom = target.customizations[operation];
  if (!custom) return `${indent}return ${send}(${schema}, input ?? {}, options);`;
  return `${indent}const call = ${custom.customize}(${schema}, input, options);\n${indent}return ${send}(call.operation, call.input ?? {}, options);`;
}

function usesDryRun(model: ServiceModel, target: ServiceTarget): boolean {
  return sortedOperations(model).some((operation) => signatureParts(model, target, operation).dryRun);
}

/** `client.ts` of a small service: the config type and the client class with explicit methods. */
export function emitClientClass(model: ServiceModel, target: ServiceTarget): string {
  const { prefix, constPrefix } = target;
  const clientName = `${prefix}Client`;
  const methods = sortedOperations(model).map((operation) => {
    const parts = signatureParts(model, target, operation);
    const head = overloads(parts, target.referenceUrl(operation), parts.name, '', '  ');
    return `${head} {\n${sendStatements(target, operation, 'this.send', '    ')}\n  }\n`;
  });
  const coreTypes = ['CallOptions', 'ClientConfig', 'WithMetadata'];
  if (usesDryRun(model, target)) coreTypes.push('DryRunOutcome', 'DryRunFlag', 'Outcome', 'WithDryRun');
  const imports = [
    coreImports(target, ['ServiceClient'], coreTypes),
    customizationImports(target, target.outDir),
    `import * as S from './schemas.js';\n`,
    `import { ${constPrefix}Service } from './service.js';\n`,
    `import type * as T from './types.js';\n`,
  ].join('');
  return `${imports}
/** Options of \`new ${clientName}(...)\`: a session, or region, credentials, endpoint, retries, transport, trace. */
export type ${prefix}ClientConfig = ClientConfig;

/**
 * ${target.title}: one method per operation, named as the operation in camelCase.
 * Each resolves to the operation's output with \`$metadata\`, or rejects with a ServiceError.
 */
export class ${clientName} extends ServiceClient {
  constructor(config?: ${prefix}ClientConfig) {
    super(${constPrefix}Service, config);
  }

${methods.join('\n')}}
`;
}

/** `functions.ts`: one function per operation over any ServiceClient, and the bare client factory. */
export function emitOperationFunctions(model: ServiceModel, target: ServiceTarget, dir: string): string {
  const { prefix, constPrefix } = target;
  const toGenerated = posix.relative(dir, target.outDir) || '.';
  const local = (file: string) => {
    const path = posix.join(toGenerated, file);
    return path.startsWith('.') ? path : `./${path}`;
  };
  const functions = sortedOperations(model).map((operation) => {
    const parts = signatureParts(model, target, operation);
    const head = overloads(
      parts,
      target.referenceUrl(operation),
      `export function ${parts.name}`,
      'client: ServiceClient, ',
      '',
    );
    return `${head} {\n${sendStatements(target, operation, 'client.send', '  ')}\n}\n`;
  });
  const coreTypes = ['CallOptions', 'ClientConfig', 'WithMetadata'];
  if (usesDryRun(model, target)) coreTypes.push('DryRunOutcome', 'DryRunFlag', 'Outcome', 'WithDryRun');
  const imports = [
    coreImports(target, ['ServiceClient'], coreTypes),
    customizationImports(target, dir),
    `import * as S from './schemas.js';\n`,
    `import { ${constPrefix}Service } from '${local('service.js')}';\n`,
    `import type * as T from '${local('types.js')}';\n`,
  ].join('');
  return `${imports}
/**
 * A client without per-operation methods, for the functions below (bundles keep only the
 * operations they call). Any ${prefix}Client works with these functions too.
 */
export function create${prefix}BareClient(config?: ClientConfig): ServiceClient {
  return new ServiceClient(${constPrefix}Service, config);
}

${functions.join('\n')}`;
}

/** `operation-types.ts`: method name -> input and output types (for typed helpers). */
export function emitOperationTypes(model: ServiceModel, target: ServiceTarget): string {
  const entries = sortedOperations(model).map((operation) => {
    const parts = signatureParts(model, target, operation);
    return `  ${parts.name}: { input: ${parts.input}; output: ${parts.output} };\n`;
  });
  return `import type * as T from './types.js';

/** Every operation by method name, with its input and output types (paginators, waiters, resources). */
export interface ${target.prefix}Operations {
${entries.join('')}}

/** An operation's method name (\`describeInstances\`). */
export type ${target.prefix}MethodName = keyof ${target.prefix}Operations;
`;
}

/** `operation-names.ts` of a small service: the operation names, as a runtime list and a union type. */
export function emitOperationNames(model: ServiceModel, target: ServiceTarget): string {
  const names = sortedOperations(model);
  for (const name of names)
    if (!/^[A-Z][A-Za-z0-9]*$/.test(name))
      throw new Error(`codegen: operation name ${name} is not PascalCase`);
  const P = target.prefix;
  return `import type { ${P}MethodName } from './operation-types.js';

/** An operation name (\`AssumeRole\`): a method name with its first letter capitalized. */
export type ${P}OperationName = Capitalize<${P}MethodName>;

/** Every operation name of the model, sorted. */
export const ${target.constPrefix}OperationNames: readonly ${P}OperationName[] = [
${names.map((name) => `  '${name}',\n`).join('')}];
`;
}
