// Emits packages/waiters/src/generated/ec2/: one WaiterSpec const per EC2 waiter, with every acceptor's
// JMESPath compiled to a TypeScript function (no JMESPath at run time), the resource each waiter talks
// about ("instance i-0abc is terminated"), the name -> spec table behind getWaiter, and a copy of the
// JMESPath value rules the compiled functions call. Reads waiters-2.json and service-2.json.

import type { Emitter } from './context.js';
import { generatedHeader } from './header.js';
import { compileNode, type JmespathNode, parseJmespath } from './jmespath-compile.js';
import type { ServiceModel, WaitersModel } from './model.js';
import { methodName, quote } from './names.js';

const MODEL_DIR = 'ec2/2016-11-15';
const OUTPUT_DIR = 'packages/waiters/src/generated/ec2';

type WaiterModel = WaitersModel['waiters'][string];
type AcceptorModel = WaiterModel['acceptors'][number];

/** How one waiter names the resources a response shows (see WaiterSubject in the waiters package). */
export interface SubjectPlan {
  readonly noun: string;
  readonly id: string;
  /** JMESPath AST of the resource list and of one resource's state. */
  readonly elements: JmespathNode;
  readonly state: JmespathNode;
  readonly label: string | undefined;
  /** The state fields, dotted (`State.Name`). */
  readonly tail: string;
}

// ---- types along a path, to find the shape of the resources a projection walks over ----

type PathType = { readonly shape: string } | { readonly list: PathType } | undefined;

function shapeType(service: ServiceModel, name: string): PathType {
  const shape = service.shapes[name];
  if (!shape) return undefined;
  return shape.type === 'list' ? { list: shapeType(service, shape.member.shape) } : { shape: name };
}

function typeAt(service: ServiceModel, node: JmespathNode, type: PathType): PathType {
  if (type === undefined) return undefined;
  switch (node.type) {
    case 'current':
      return type;
    case 'field': {
      if (!('shape' in type)) return undefined;
      const shape = service.shapes[type.shape];
      const member = shape?.type === 'structure' ? shape.members[node.name] : undefined;
      return member ? shapeType(service, member.shape) : undefined;
    }
    case 'flatten': {
      const child = typeAt(service, node.child, type);
      if (child === undefined || !('list' in child)) return undefined;
      return child.list !== undefined && 'list' in child.list ? child.list : child;
    }
    case 'projection': {
      const left = typeAt(service, node.left, type);
      if (left === undefined || !('list' in left)) return undefined;
      return { list: typeAt(service, node.right, left.list) };
    }
    case 'chain':
      return typeAt(service, node.right, typeAt(service, node.left, type));
    default:
      return undefined;
  }
}

/** `State.Name` for a chain of fields, undefined for anything else. */
function fieldPath(node: JmespathNode): string | undefined {
  if (node.type === 'field') return node.name;
  if (node.type !== 'chain') return undefined;
  const left = fieldPath(node.left);
  const right = fieldPath(node.right);
  return left !== undefined && right !== undefined ? `${left}.${right}` : undefined;
}

const ACRONYMS: Readonly<Record<string, string>> = {
  vpc: 'VPC',
  vpn: 'VPN',
  nat: 'NAT',
  ami: 'AMI',
  ipam: 'IPAM',
};

/** `NatGateway` -> `NAT gateway`, `VpcPeeringConnection` -> `VPC peering connection`. */
export function nounOf(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(' ')
    .map((word) => ACRONYMS[word.toLowerCase()] ?? word.toLowerCase())
    .join(' ');
}

/** The member naming a resource: `<Shape>Id`, else an `...Id` member sharing a word with the shape. */
function idMember(service: ServiceModel, shapeName: string): string | undefined {
  const shape = service.shapes[shapeName];
  if (shape?.type !== 'structure') return undefined;
  const ids = Object.keys(shape.members).filter(
    (name) => name.endsWith('Id') && service.shapes[shape.members[name]!.shape]?.type === 'string',
  );
  return (
    ids.find((name) => name === `${shapeName}Id`) ??
    ids.find((name) => shapeName.endsWith(name.slice(0, -2))) ??
    ids.find((name) => shapeName.startsWith(name.slice(0, -2))) ??
    ids[0]
  );
}

const PLAIN_STATES = new Set(['State', 'Status', 'State.Name', 'State.Code', 'Status.Code']);

/**
 * The subject of a waiter: from its first list acceptor whose path is `<resources>[].<fields>`, the
 * resources' shape, their id member and the state fields. Undefined when no acceptor has that form.
 */
export function planSubject(service: ServiceModel, waiter: WaiterModel): SubjectPlan | undefined {
  const output = service.operations[waiter.operation]?.output?.shape;
  if (!output) return undefined;
  for (const acceptor of waiter.acceptors) {
    if (acceptor.matcher !== 'pathAll' && acceptor.matcher !== 'pathAny') continue;
    const tree = parseJmespath(acceptor.argument!);
    if (tree.type !== 'projection') continue;
    const tail = fieldPath(tree.right);
    const elements: JmespathNode = { type: 'projection', left: tree.left, right: { type: 'current' } };
    const type = typeAt(service, elements, { shape: output });
    if (
      tail === undefined ||
      type === undefined ||
      !('list' in type) ||
      !type.list ||
      !('shape' in type.list)
    )
      continue;
    const element = type.list.shape;
    const id = idMember(service, element);
    if (id === undefined) continue;
    const label =
      PLAIN_STATES.has(tail) || (!tail.includes('.') && /(State|Status)$/.test(tail)) ? undefined : tail;
    // A status or result record speaks for the resource its id names (InstanceStatus -> instance).
    const record = /(Status|Result|Detail)$/.test(element);
    const noun = record ? nounOf(id.slice(0, -2)) : nounOf(element);
    return { noun, id, elements, state: tree.right, label, tail };
  }
  return undefined;
}

// ---- rendering ----

/** Compiled functions, one per distinct expression, shared by every waiter in the file. */
class FunctionTable {
  readonly #byCode = new Map<string, string>();
  readonly #lines: string[] = [];
  readonly helpers = new Set<string>();

  add(tree: JmespathNode, parameter: string, comment: string): string {
    const compiled = compileNode(tree, parameter, comment);
    for (const helper of compiled.helpers) this.helpers.add(helper);
    const key = `${parameter}:${compiled.code}`;
    const known = this.#byCode.get(key);
    if (known) return known;
    const name = `path${this.#byCode.size + 1}`;
    this.#byCode.set(key, name);
    this.#lines.push(
      `// ${comment}`,
      `const ${name} = (${parameter}: unknown): unknown => ${compiled.code};`,
      '',
    );
    return name;
  }

  render(): string[] {
    return this.#lines;
  }
}

const literal = (value: unknown): string =>
  typeof value === 'string' ? quote(value) : JSON.stringify(value);

function renderAcceptor(acceptor: AcceptorModel, table: FunctionTable, waiter: string): string {
  const head = `state: ${quote(acceptor.state)}, matcher: ${quote(acceptor.matcher)}`;
  if (acceptor.matcher === 'status' || acceptor.matcher === 'error') {
    return `{ ${head}, expected: ${literal(acceptor.expected)} }`;
  }
  if (acceptor.argument === undefined)
    throw new Error(`waiter ${waiter}: a ${acceptor.matcher} acceptor without argument`);
  const path = table.add(parseJmespath(acceptor.argument), 'output', acceptor.argument);
  return `{ ${head}, argument: ${quote(acceptor.argument)}, expected: ${literal(acceptor.expected)}, path: ${path} }`;
}

function renderSubject(
  plan: SubjectPlan,
  table: FunctionTable,
  subjects: Map<string, string>,
  lines: string[],
): string {
  const elements = table.add(plan.elements, 'output', `the ${plan.noun} list`);
  const state = table.add(plan.state, 'element', `${plan.tail} of one resource`);
  const body = [
    `noun: ${quote(plan.noun)}`,
    `elements: ${elements}`,
    `id: ${quote(plan.id)}`,
    `state: ${state}`,
    ...(plan.label === undefined ? [] : [`label: ${quote(plan.label)}`]),
  ].join(', ');
  const known = subjects.get(body);
  if (known) return known;
  const name = `subject${subjects.size + 1}`;
  subjects.set(body, name);
  lines.push(`const ${name}: WaiterSubject = { ${body} };`, '');
  return name;
}

export function renderWaiters(service: ServiceModel, waiters: WaitersModel): string {
  const table = new FunctionTable();
  const subjects = new Map<string, string>();
  const subjectLines: string[] = [];
  const specs: string[] = [];
  const names = Object.keys(waiters.waiters).sort();
  for (const name of names) {
    const waiter = waiters.waiters[name]!;
    const operation = service.operations[waiter.operation];
    if (!operation?.input || !operation.output)
      throw new Error(`waiter ${name}: no operation ${waiter.operation} with input and output`);
    const method = methodName(waiter.operation);
    const acceptors = waiter.acceptors.map((acceptor) => renderAcceptor(acceptor, table, name));
    const subject = planSubject(service, waiter);
    const subjectName = subject ? renderSubject(subject, table, subjects, subjectLines) : undefined;
    const succeedsOnError = waiter.acceptors.some((a) => a.state === 'success' && a.matcher === 'error');
    const type = `WaiterSpec<T.${operation.input.shape}, T.${operation.output.shape}, ${quote(method)}, ${succeedsOnError}>`;
    specs.push(
      `/** ${name}: polls ${waiter.operation} every ${waiter.delay} s, at most ${waiter.maxAttempts} times (the model's defaults). */`,
      `export const ${methodName(name)}Waiter: ${type} = {`,
      `  name: ${quote(name)},`,
      `  operation: ${quote(waiter.operation)},`,
      `  method: ${quote(method)},`,
      `  delay: ${waiter.delay},`,
      `  maxAttempts: ${waiter.maxAttempts},`,
      `  succeedsOnError: ${succeedsOnError},`,
      '  acceptors: [',
      ...acceptors.map((acceptor) => `    ${acceptor},`),
      '  ],',
      ...(subjectName ? [`  subject: ${subjectName},`] : []),
      '};',
      '',
    );
  }
  const header = generatedHeader(
    `${MODEL_DIR}/waiters-2.json (+ service-2.json)`,
    'Waiter specs for every EC2 waiter.',
  );
  return [
    header,
    "import type * as T from '@boto-ts/client-ec2';",
    "import type { WaiterSpec, WaiterSubject } from '../../spec.js';",
    `import { ${[...table.helpers].sort().join(', ')} } from '@boto-ts/core/jmespath';`,
    '',
    '// ---- acceptor paths, compiled from JMESPath at generation time ----',
    '',
    ...table.render(),
    '// ---- the resources each waiter talks about ----',
    '',
    ...subjectLines,
    ...specs,
    `/** Every EC2 waiter spec, by camelCase waiter name (${names.length}). */`,
    'export const ec2Waiters = {',
    ...names.map((name) => `  ${methodName(name)}: ${methodName(name)}Waiter,`),
    '};',
    '',
    '/** The name of an EC2 waiter: the model name in camelCase (`instanceRunning`). */',
    'export type EC2WaiterName = keyof typeof ec2Waiters;',
    '',
  ].join('\n');
}

export const emitWaiters: Emitter = (context) => {
  const service = context.readModel<ServiceModel>(`${MODEL_DIR}/service-2.json`);
  const waiters = context.readModel<WaitersModel>(`${MODEL_DIR}/waiters-2.json`);
  context.write(`${OUTPUT_DIR}/waiters.ts`, renderWaiters(service, waiters));
  context.write(
    `${OUTPUT_DIR}/index.ts`,
    [
      generatedHeader(`${MODEL_DIR}/waiters-2.json`, 'The generated EC2 waiter specs.'),
      "export * from './waiters.js';",
      '',
    ].join('\n'),
  );
};
