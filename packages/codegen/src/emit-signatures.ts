// The typed signatures of one operation, shared by the client class methods and the per-operation
// functions: input optional when nothing is required, and for inputs with a `DryRun` member,
// overloads that tell a dry run (resolves to DryRunOutcome) from a real call.

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
 * The overloads and the implementation head, without the body. `head` is `describeInstances` in a
 * class, `export function describeInstances` in a module; `leading` is a first parameter, if any.
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
  const result = `Promise<WithMetadata<${parts.output}>>`;
  const doc = `${indent}/** @see ${docUrl} */\n`;
  if (!parts.dryRun)
    return `${doc}${indent}${head}(${leading}input${opt}: ${parts.input}, ${options}): ${result}`;
  return (
    `${doc}${indent}${head}(${leading}input${opt}: ${parts.input} & { DryRun?: false }, ${options}): ${result};\n` +
    `${indent}/** As a dry run: checks permissions only, resolves to a DryRunOutcome. @see ${docUrl} */\n` +
    `${indent}${head}(${leading}input: ${parts.input} & { DryRun: true }, ${options}): Promise<DryRunOutcome>;\n` +
    `${indent}${head}(${leading}input${opt}: ${parts.input}, ${options}): ${result.slice(0, -1)} | DryRunOutcome>;\n` +
    `${indent}${head}(${leading}input${opt}: ${parts.input}, ${options}): Promise<unknown>`
  );
}
