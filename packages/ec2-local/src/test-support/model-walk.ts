// Checks an EC2 XML response against the botocore model: every element must be a member of the
// operation's output shape (by its XML name), lists must wrap entries in their member name, and
// scalars must have the model's type (integers, booleans, timestamps, enum values).

import { XMLParser } from 'fast-xml-parser';

interface Member {
  readonly shape: string;
  readonly locationName?: string;
}
interface Shape {
  readonly type: string;
  readonly members?: Record<string, Member>;
  readonly member?: Member;
  readonly enum?: readonly string[];
}
export interface Model {
  readonly operations: Record<string, { output?: { shape: string } }>;
  readonly shapes: Record<string, Shape>;
}

// Values EC2 really sends that the model's enums spell differently: the model's own documentation
// of `platform` says the value is `windows`, while the PlatformValues enum lists `Windows`.
const REAL_VALUES: Readonly<Record<string, readonly string[]>> = { PlatformValues: ['windows'] };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  trimValues: false,
});

export function parseXml(body: string): Record<string, unknown> {
  return parser.parse(body) as Record<string, unknown>;
}

function walk(model: Model, shapeName: string, node: unknown, path: string, problems: string[]): void {
  const shape = model.shapes[shapeName];
  if (!shape) {
    problems.push(`${path}: unknown shape ${shapeName}`);
    return;
  }
  if (shape.type === 'structure') {
    if (node === '') return;
    if (typeof node !== 'object' || node === null || Array.isArray(node)) {
      problems.push(
        `${path}: expected an element with children for ${shapeName}, got ${JSON.stringify(node)}`,
      );
      return;
    }
    for (const [name, child] of Object.entries(node)) {
      const entry = Object.entries(shape.members ?? {}).find(
        ([member, m]) => (m.locationName ?? member) === name,
      );
      if (!entry) {
        problems.push(`${path}: <${name}> is not a member of ${shapeName}`);
        continue;
      }
      if (Array.isArray(child)) {
        problems.push(`${path}: <${name}> appears more than once`);
        continue;
      }
      walk(model, entry[1].shape, child, `${path}.${name}`, problems);
    }
    return;
  }
  if (shape.type === 'list') {
    if (node === '') return;
    const itemName = shape.member?.locationName ?? 'member';
    if (typeof node !== 'object' || node === null) {
      problems.push(`${path}: expected a list of <${itemName}>`);
      return;
    }
    for (const [name, child] of Object.entries(node)) {
      if (name !== itemName) {
        problems.push(`${path}: list entry <${name}> should be <${itemName}>`);
        continue;
      }
      const items = Array.isArray(child) ? child : [child];
      for (const [i, item] of items.entries())
        walk(model, shape.member!.shape, item, `${path}[${i}]`, problems);
    }
    return;
  }
  if (typeof node !== 'string') {
    problems.push(`${path}: expected text for ${shape.type}, got ${JSON.stringify(node)}`);
    return;
  }
  if ((shape.type === 'integer' || shape.type === 'long') && !/^-?\d+$/.test(node))
    problems.push(`${path}: not an integer: ${node}`);
  if (shape.type === 'boolean' && node !== 'true' && node !== 'false')
    problems.push(`${path}: not a boolean: ${node}`);
  if (shape.type === 'timestamp' && Number.isNaN(Date.parse(node)))
    problems.push(`${path}: not a timestamp: ${node}`);
  if (
    shape.type === 'string' &&
    shape.enum &&
    node !== '' &&
    !shape.enum.includes(node) &&
    !REAL_VALUES[shapeName]?.includes(node)
  ) {
    problems.push(`${path}: '${node}' is not one of ${shapeName}'s values`);
  }
}

/** Problems found in a success response of `action` (empty when it matches the model). */
export function checkResponse(model: Model, action: string, body: string): string[] {
  const problems: string[] = [];
  const document = parseXml(body);
  const rootName = `${action}Response`;
  const root = document[rootName] as Record<string, unknown> | undefined;
  if (!root) return [`root element is not <${rootName}>: ${Object.keys(document).join(', ')}`];
  if (root['@_xmlns'] !== 'http://ec2.amazonaws.com/doc/2016-11-15/')
    problems.push(`wrong namespace ${String(root['@_xmlns'])}`);
  if (typeof root.requestId !== 'string' || root.requestId === '') problems.push('missing requestId');
  const { '@_xmlns': _ns, requestId: _id, ...members } = root;
  const output = model.operations[action]?.output?.shape;
  if (!output) {
    const keys = Object.keys(members);
    if (keys.length !== 1 || members.return !== 'true')
      problems.push(`expected only <return>true</return>, got ${keys.join(', ')}`);
    return problems;
  }
  walk(model, output, members, action, problems);
  return problems;
}
