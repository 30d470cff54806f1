// Emits packages/paginators/src/generated/ec2/: one PaginatorSpec const per EC2 paginator (plain data,
// typed with the client's shapes) and the name -> spec table behind getPaginator. Reads
// paginators-1.json merged with paginators-1.sdk-extras.json, and service-2.json to check every key.

import type { Emitter } from './context.js';
import { generatedHeader } from './header.js';
import type { ListShape, PaginatorsModel, ServiceModel, StructureShape } from './model.js';
import { methodName, quote } from './names.js';

const MODEL_DIR = 'ec2/2016-11-15';
const OUTPUT_DIR = 'packages/paginators/src/generated/ec2';

/** paginators-1.sdk-extras.json: members merged into the paginators of the same name. */
export interface PaginatorsExtras {
  readonly merge?: { readonly pagination?: Readonly<Record<string, Readonly<Record<string, unknown>>>> };
}

/** Everything the generated spec says about one paginator, checked against the service model. */
export interface PaginatorPlan {
  readonly operation: string;
  readonly method: string;
  readonly inputShape: string;
  readonly outputShape: string;
  readonly inputToken: readonly string[];
  readonly outputToken: readonly string[];
  readonly limitKey: string | undefined;
  readonly resultKeys: readonly string[];
  readonly itemKey: string | undefined;
  readonly moreResults: string | undefined;
  readonly nonAggregateKeys: readonly string[];
}

const list = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

export function mergePaginatorExtras(
  base: PaginatorsModel,
  extras: PaginatorsExtras | undefined,
): PaginatorsModel {
  const additions = extras?.merge?.pagination ?? {};
  const pagination = { ...base.pagination };
  for (const [name, members] of Object.entries(additions)) {
    if (!pagination[name]) throw new Error(`paginators sdk-extras: ${name} is not a paginator of the model`);
    pagination[name] = { ...pagination[name], ...members };
  }
  return { pagination };
}

function structure(service: ServiceModel, name: string, where: string): StructureShape {
  const shape = service.shapes[name];
  if (shape?.type !== 'structure') throw new Error(`${where}: shape ${name} is not a structure`);
  return shape;
}

function listElement(service: ServiceModel, shapeName: string): string | undefined {
  const shape = service.shapes[shapeName];
  return shape?.type === 'list' ? (shape as ListShape).member.shape : undefined;
}

/**
 * The member of each result element that holds the items users mean, when the result key is a
 * grouping: the operation's noun (`Instances` in DescribeInstances) is not the result key
 * (`Reservations`) but names a list of structures inside each result element. Only EC2's
 * DescribeInstances matches in the current model; the rule is stated so new models are judged the same way.
 */
export function nestedItemKey(
  service: ServiceModel,
  operation: string,
  resultKey: string,
): string | undefined {
  const noun = operation.replace(/^(Describe|Get|List|Search)/, '');
  if (noun === resultKey) return undefined;
  const output = structure(service, service.operations[operation]!.output!.shape, operation);
  const element = listElement(service, output.members[resultKey]!.shape);
  const elementShape = element === undefined ? undefined : service.shapes[element];
  if (elementShape?.type !== 'structure') return undefined;
  const member = elementShape.members[noun];
  if (!member) return undefined;
  const inner = listElement(service, member.shape);
  return inner !== undefined && service.shapes[inner]?.type === 'structure' ? noun : undefined;
}

/** Checks every paginator against the service model and decides how its items are flattened. */
export function planPaginators(service: ServiceModel, paginators: PaginatorsModel): PaginatorPlan[] {
  return Object.entries(paginators.pagination)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([operation, config]) => {
      const model = service.operations[operation];
      if (!model?.input || !model.output)
        throw new Error(`paginator ${operation}: no such operation with input and output`);
      const input = structure(service, model.input.shape, operation);
      const output = structure(service, model.output.shape, operation);
      const inputMember = (key: string) => {
        if (!input.members[key])
          throw new Error(`paginator ${operation}: ${key} is not a member of ${model.input!.shape}`);
        return key;
      };
      const outputMember = (key: string) => {
        // Only top-level members are supported (every EC2 paginator); a path would need a JMESPath accessor.
        if (!output.members[key])
          throw new Error(`paginator ${operation}: ${key} is not a member of ${model.output!.shape}`);
        return key;
      };
      const inputToken = list(config.input_token).map(inputMember);
      const outputToken = list(config.output_token).map(outputMember);
      if (inputToken.length === 0 || inputToken.length !== outputToken.length) {
        throw new Error(`paginator ${operation}: input_token and output_token must pair up`);
      }
      const resultKeys = list(config.result_key).map(outputMember);
      if (resultKeys.length === 0) throw new Error(`paginator ${operation}: no result_key`);
      for (const key of resultKeys) {
        if (listElement(service, output.members[key]!.shape) === undefined) {
          throw new Error(`paginator ${operation}: result key ${key} is not a list`);
        }
      }
      return {
        operation,
        method: methodName(operation),
        inputShape: model.input.shape,
        outputShape: model.output.shape,
        inputToken,
        outputToken,
        limitKey: config.limit_key === undefined ? undefined : inputMember(config.limit_key),
        resultKeys,
        itemKey: nestedItemKey(service, operation, resultKeys[0]!),
        moreResults: config.more_results === undefined ? undefined : outputMember(config.more_results),
        nonAggregateKeys: list(config.non_aggregate_keys).map(outputMember),
      };
    });
}

const strings = (values: readonly string[]): string => `[${values.map(quote).join(', ')}]`;
const union = (values: readonly string[]): string =>
  values.length === 0 ? 'never' : values.map(quote).join(' | ');

function renderSpec(plan: PaginatorPlan): string {
  const output = `T.${plan.outputShape}`;
  const element = `ListItem<${output}, ${quote(plan.resultKeys[0]!)}>`;
  const item = plan.itemKey === undefined ? element : `ListItem<${element}, ${quote(plan.itemKey)}>`;
  const type = `PaginatorSpec<T.${plan.inputShape}, ${output}, ${item}, ${union(plan.resultKeys)}, ${union(plan.nonAggregateKeys)}, ${quote(plan.method)}>`;
  const fields = [
    `operation: ${quote(plan.operation)}`,
    `method: ${quote(plan.method)}`,
    `inputToken: ${strings(plan.inputToken)}`,
    `outputToken: ${strings(plan.outputToken)}`,
    ...(plan.limitKey === undefined ? [] : [`limitKey: ${quote(plan.limitKey)}`]),
    `resultKeys: ${strings(plan.resultKeys)}`,
    ...(plan.itemKey === undefined ? [] : [`itemKey: ${quote(plan.itemKey)}`]),
    ...(plan.moreResults === undefined ? [] : [`moreResults: ${quote(plan.moreResults)}`]),
    ...(plan.nonAggregateKeys.length === 0 ? [] : [`nonAggregateKeys: ${strings(plan.nonAggregateKeys)}`]),
  ];
  const note =
    plan.itemKey === undefined
      ? `items are ${plan.resultKeys[0]} elements`
      : `items are the ${plan.itemKey} of each ${plan.resultKeys[0]} element`;
  return [
    `/** ${plan.operation}: ${note}. */`,
    `export const ${plan.method}Paginator: ${type} = {`,
    ...fields.map((field) => `  ${field},`),
    '};',
    '',
  ].join('\n');
}

export function renderPaginators(plans: readonly PaginatorPlan[]): string {
  const header = generatedHeader(
    `${MODEL_DIR}/paginators-1.json (+ paginators-1.sdk-extras.json, service-2.json)`,
    'Paginator specs for every EC2 paginator.',
  );
  return [
    header,
    "import type * as T from '@boto-ts/client-ec2';",
    "import type { ListItem, PaginatorSpec } from '../../spec.js';",
    '',
    ...plans.map(renderSpec),
    `/** Every EC2 paginator spec, by method name (${plans.length}). */`,
    'export const ec2Paginators = {',
    ...plans.map((plan) => `  ${plan.method}: ${plan.method}Paginator,`),
    '};',
    '',
    '/** The name of an EC2 paginator: the method name of the operation it pages (`describeInstances`). */',
    'export type EC2PaginatorName = keyof typeof ec2Paginators;',
    '',
  ].join('\n');
}

function renderIndex(): string {
  return [
    generatedHeader(`${MODEL_DIR}/paginators-1.json`, 'The generated EC2 paginator specs.'),
    "export * from './paginators.js';",
    '',
  ].join('\n');
}

export const emitPaginators: Emitter = (context) => {
  const service = context.readModel<ServiceModel>(`${MODEL_DIR}/service-2.json`);
  const paginators = mergePaginatorExtras(
    context.readModel<PaginatorsModel>(`${MODEL_DIR}/paginators-1.json`),
    context.readModel<PaginatorsExtras>(`${MODEL_DIR}/paginators-1.sdk-extras.json`),
  );
  const plans = planPaginators(service, paginators);
  context.write(`${OUTPUT_DIR}/paginators.ts`, renderPaginators(plans));
  context.write(`${OUTPUT_DIR}/index.ts`, renderIndex());
};
