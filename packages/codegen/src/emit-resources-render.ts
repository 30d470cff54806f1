// The pieces every generated resources file is made of: the compiled-path table (paths.ts), plain-data
// literals of params and results, the TypeScript types of inputs and outputs, action overloads, and
// the import block. Pure string building from the plans.

import type { ActionPlan, CallPlan, ParamPlan, ResourcePlan, ResultPlan } from './emit-resources-model.js';
import { generatedHeader } from './header.js';
import { compileJmespath } from './jmespath-compile.js';
import { ec2ReferenceUrl, quote } from './names.js';

export const MODEL_DIR = 'ec2/2016-11-15';
export const OUTPUT_DIR = 'packages/resources-ec2/src/generated';
export const SOURCE = `${MODEL_DIR}/resources-1.json (+ service-2.json, paginators-1.json, waiters-2.json)`;

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
      ...(helpers.length === 0
        ? []
        : [`import { ${helpers.join(', ')} } from '@boto-ts/core/jmespath';`, '']),
      ...this.#lines,
    ].join('\n');
  }
}

// ---- values ----

export const lit = (value: string | number | boolean): string =>
  typeof value === 'string' ? quote(value) : String(value);

export function renderTarget(target: readonly (string | number)[]): string {
  return `[${target.map(lit).join(', ')}]`;
}

export function renderParam(param: ParamPlan, paths: PathTable): string {
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

export function renderParams(params: readonly ParamPlan[], paths: PathTable): string {
  return params.length === 0 ? '[]' : `[${params.map((param) => renderParam(param, paths)).join(', ')}]`;
}

export function renderResult(result: ResultPlan, paths: PathTable): string {
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

export function renderRequest(call: CallPlan, paths: PathTable): string {
  return `operation: ${quote(call.operation)}, method: ${quote(call.method)}, params: ${renderParams(call.params, paths)}`;
}

// ---- types ----

export const union = (names: readonly string[]): string => names.map(quote).join(' | ');

export function inputType(call: CallPlan): string {
  const base = call.inputShape === undefined ? 'object' : `T.${call.inputShape}`;
  return call.omitted.length === 0 ? base : `Omit<${base}, ${union(call.omitted)}>`;
}

export const outputType = (call: CallPlan): string =>
  `WithMetadata<${call.outputShape === undefined ? 'object' : `T.${call.outputShape}`}>`;

export const optionsType = (call: CallPlan): string =>
  call.operation === 'RunInstances' ? 'RunInstancesCallOptions' : 'CallOptions';

export function resultType(action: ActionPlan): string {
  if (action.result === undefined) return outputType(action);
  return action.result.plural ? `${action.result.type}[]` : action.result.type;
}

/** Overloads and body of an action (or, with `batch`, of a collection's batch action). */
export function renderActionMethod(
  action: ActionPlan,
  docs: string[],
  body: string,
  batch: boolean,
): string[] {
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

export function filledIn(call: CallPlan): string {
  return call.omitted.length === 0 ? '' : ` (${call.omitted.map((m) => `\`${m}\``).join(', ')} filled in)`;
}

export function actionDocs(action: ActionPlan, subject: string): string[] {
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

export interface FileImports {
  readonly classes: Set<string>;
  readonly collections: Set<string>;
  readonly paginators: Set<string>;
  readonly waiters: Set<string>;
  readonly core: Set<string>;
  readonly engine: Set<string>;
  runInstancesOptions: boolean;
}

export const newImports = (): FileImports => ({
  classes: new Set(),
  collections: new Set(),
  paginators: new Set(),
  waiters: new Set(),
  core: new Set(),
  engine: new Set(),
  runInstancesOptions: false,
});

export function noteCall(imports: FileImports, call: CallPlan): void {
  imports.core.add('type CallOptions');
  imports.core.add('type WithMetadata');
  if (call.dryRun) {
    imports.core.add('type DryRunOutcome');
    imports.engine.add('type AsDryRun');
    imports.engine.add('type NotDryRun');
  }
  if (call.operation === 'RunInstances') imports.runInstancesOptions = true;
}

export function renderImports(
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

export function renderTable(name: string, type: string, entries: readonly [string, string][]): string[] {
  if (entries.length === 0) return [`const ${name} = {} satisfies Record<string, ${type}>;`, ''];
  return [
    `const ${name} = {`,
    ...entries.map(([key, value]) => `  ${key}: ${value},`),
    `} satisfies Record<string, ${type}>;`,
    '',
  ];
}
