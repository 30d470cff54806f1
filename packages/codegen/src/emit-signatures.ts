// The typed signatures of one operation, shared by the client class methods and the per-operation
// functions: input optional when nothing is required, and for inputs with a `DryRun` member, a
// result type that tells a dry run (resolves to DryRunOutcome) from a real call.

import { hasDryRunMember, hasNoRequiredMember } from './emit-types.js';
import type { ServiceModel } from './model.js';
import { methodName } from './names.js';
import type { ServiceTarget } from './service-target.js';

export interface OperationSignatureParts {
  readonly operation: string;
  /** The method or function name (`describeInstances`). */
  readonly name: string;
  /** The input type expression (`T.DescribeInstancesRequest`). */
  readonly input: string;
  readonly output: string;
  readonly inputOptional: boolean;
  readonly dryRun: boolean;
  readonly optionsType: string;
}

/** `T.` is how generated code refers to the types module (`import type * as T`). */
export function signatureParts(
  model: ServiceModel,
  target: ServiceTarget,
  operation: string,
): OperationSignatureParts {
  const op = model.operations[operation];
  if (!op) throw new Error(`codegen: unknown operation ${operation}`);
  const inputShape = op.input?.shape;
  return {
    operation,
    name: methodName(operation),
    input: inputShape ? `T.${inputShape}` : 'object',
    output: op.output ? `T.${op.output.shape}` : 'object',
    inputOptional: hasNoRequiredMember(model, inputShape),
    dryRun: hasDryRunMember(model, inputShape),
    optionsType: target.customizations[operation]?.optionsType ?? 'CallOptions',
  };
}

/**
 * One documented, typed overload, then the implementation's head, left loose (\`input?: object\`) so
 * the documentation and types live in the declarations only and the JavaScript is one plain
 * function. With a \`DryRun\` member the overload is generic in the DryRun value: \`DryRun: true\`
 * resolves to a DryRunOutcome, no DryRun to the output, a DryRun known only at run time to either
 * (Outcome, in @boto-ts/core's client/method-types.ts). \`head\` is \`describeInstances\` in a class, \`export function describeInstances\`
 * in a module; \`leading\` is a first parameter, if any.
 */
export function overloads(
  parts: OperationSignatureParts,
  docUrl: string,
  head: string,
  leading: string,
  indent: string,
): string {
  const opt = parts.inputOptional ? '?' : '';
  const options = `options?: ${parts.optionsType}`;
  const typed = parts.dryRun
    ? `${head}<D extends DryRunFlag = undefined>(${leading}input${opt}: WithDryRun<${parts.input}, D>, ${options}): Outcome<D, ${parts.output}>;`
    : `${head}(${leading}input${opt}: ${parts.input}, ${options}): Promise<WithMetadata<${parts.output}>>;`;
  return `${indent}/** @see ${docUrl} */\n${indent}${typed}\n${indent}${head}(${leading}input?: object, ${options}): Promise<unknown>`;
}
