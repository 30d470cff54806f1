// The fallback decoder (`parser: 'fast-xml-parser'`): fast-xml-parser builds a generic tree (strings
// only, every element an array, namespace prefixes removed), which is then walked with the schema.
// It gives the same results as the built-in decoder and is loaded only when asked for, so the optional
// peer dependency costs nothing otherwise. It also serves as the differential oracle in tests.

import { createRequire } from 'node:module';
import { ConfigError, XmlParseError } from '../errors/errors.js';
import type { ListSchema, MapSchema, OperationSchema, Schema, StructureSchema } from '../protocol/schema.js';
import { resolveSchema } from '../protocol/schema.js';
import { isScalar, setMapEntry } from './decode-builtin.js';
import { structureTable } from './lookup.js';
import type { DecodedOutput } from './output-types.js';
import { REQUEST_ID_ELEMENTS, RESPONSE_METADATA_ELEMENT } from './request-id.js';
import { convertScalar, INVALID, invalidScalarMessage } from './scalars.js';
import { BODY_START_CHARS } from './scanner.js';

type FastXmlParser = typeof import('fast-xml-parser');

/** An element as fast-xml-parser returns it: its text, or an object of child arrays, `#text` and `@_attributes`. */
type Node = string | { readonly [key: string]: Node[] | string };

interface Loaded {
  readonly parse: (text: string) => unknown;
  readonly validate: (text: string) => true | { err: { msg: string; line: number; col: number } };
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded !== undefined) return loaded;
  let fxp: FastXmlParser;
  try {
    fxp = createRequire(import.meta.url)('fast-xml-parser') as FastXmlParser;
  } catch (cause) {
    throw new ConfigError(
      "parser: 'fast-xml-parser' needs the fast-xml-parser package: install it (npm i fast-xml-parser@5) or use the built-in parser.",
      { cause },
    );
  }
  const parser = new fxp.XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    processEntities: true,
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute,
  });
  loaded = {
    parse: (text) => parser.parse(text),
    validate: fxp.XMLValidator.validate as Loaded['validate'],
  };
  return loaded;
}

class Walk {
  requestId: string | undefined;
  constructor(
    readonly text: string,
    readonly context: string,
  ) {}

  fail(message: string): never {
    throw new XmlParseError(
      `Could not decode the ${this.context}: ${message}. ` +
        'The body is not the XML the service sends; if it was cut short, retrying the call usually helps.',
      { requestId: this.requestId, bodyStart: this.text.slice(0, BODY_START_CHARS) },
    );
  }
}

export function decodeWithFastXmlParser(
  text: string,
  operation: OperationSchema,
  wrapper: string | undefined,
): DecodedOutput {
  const walk = new Walk(text, `${operation.name} response`);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    if (operation.output !== undefined && operation.output.members.length > 0)
      walk.fail('the body is empty, but this operation returns data');
    return { output: {}, requestId: undefined };
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    walk.fail(
      'a DOCTYPE or entity declaration is not allowed in a response (nothing is fetched or expanded)',
    );
  // Until the tree exists, a rejected body still names its request id when one is visible.
  walk.requestId = /<(?:\w+:)?Request(?:Id|ID)>\s*([^<\s]+)\s*</i.exec(body)?.[1];
  const { parse, validate } = load();
  const valid = validate(body);
  if (valid !== true) walk.fail(`${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`);
  let tree: unknown;
  try {
    tree = parse(body);
  } catch (cause) {
    walk.fail(cause instanceof Error ? cause.message : String(cause));
  }
  const roots = Object.entries(tree as Record<string, Node[] | string>).filter(([key]) => key !== '#text');
  const root = roots[0]?.[1];
  if (roots.length !== 1 || !Array.isArray(root) || root.length !== 1)
    walk.fail('expected exactly one root element');
  const rootNode = root[0] as Node;
  walk.requestId = findRequestId(rootNode);
  const output = operation.output;
  let result: Record<string, unknown> = {};
  if (wrapper === undefined) {
    if (output !== undefined) result = walkStructure(walk, rootNode, output);
  } else if (output !== undefined) {
    const wrapped = last(childElements(rootNode, wrapper));
    if (wrapped !== undefined) result = walkStructure(walk, wrapped, output);
  }
  return { output: result, requestId: walk.requestId };
}

/** Same preference as the built-in decoder: requestId, RequestId, RequestID, ResponseMetadata/RequestId. */
function findRequestId(root: Node): string | undefined {
  const lastNonEmpty = (nodes: readonly Node[]): string | undefined =>
    nodes
      .map((n) => textOf(n).trim())
      .filter((id) => id !== '')
      .pop();
  for (const name of REQUEST_ID_ELEMENTS) {
    const id = lastNonEmpty(childElements(root, name));
    if (id !== undefined) return id;
  }
  return lastNonEmpty(
    childElements(root, RESPONSE_METADATA_ELEMENT).flatMap((m) => childElements(m, 'RequestId')),
  );
}

function walkValue(walk: Walk, node: Node, schema: Schema): unknown {
  switch (schema.kind) {
    case 'structure':
      return walkStructure(walk, node, schema);
    case 'list':
      return walkList(walk, node, schema);
    case 'map': {
      const map: Record<string, unknown> = {};
      for (const entry of childElements(node, 'entry')) walkMapEntry(walk, entry, schema, map);
      return map;
    }
    default: {
      const text = textOf(node);
      const value = convertScalar(text, schema);
      if (value === INVALID) walk.fail(invalidScalarMessage(text, schema));
      return value;
    }
  }
}

function walkStructure(walk: Walk, node: Node, schema: StructureSchema): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof node === 'string') return out;
  const table = structureTable(schema);
  if (table.attributes !== undefined) {
    for (const [name, entry] of table.attributes) {
      const text = node[`@_${name}`];
      const schema = entry.plan.schema;
      if (typeof text !== 'string' || !isScalar(schema)) continue;
      const value = convertScalar(text, schema);
      if (value === INVALID) walk.fail(invalidScalarMessage(text, schema));
      if (value !== undefined) out[entry.name] = value;
    }
  }
  for (const entry of table.elements) {
    const children = childElements(node, entry.xml);
    if (children.length === 0) continue;
    const schema = entry.plan.schema;
    if (entry.flattened && schema.kind === 'list') {
      const member = resolveSchema(schema.member);
      out[entry.name] = children.map((c) => walkValue(walk, c, member)).filter((v) => v !== undefined);
    } else if (entry.flattened && schema.kind === 'map') {
      const map: Record<string, unknown> = {};
      for (const child of children) walkMapEntry(walk, child, schema, map);
      out[entry.name] = map;
    } else {
      const value = walkValue(walk, children[children.length - 1] as Node, schema);
      if (value !== undefined) out[entry.name] = value;
    }
  }
  return out;
}

function walkList(walk: Walk, node: Node, schema: ListSchema): unknown[] {
  const member = resolveSchema(schema.member);
  const items: unknown[] = [];
  for (const child of childElements(node, schema.memberName ?? 'member')) {
    const item = walkValue(walk, child, member);
    if (item !== undefined) items.push(item);
  }
  return items;
}

function walkMapEntry(walk: Walk, entry: Node, schema: MapSchema, map: Record<string, unknown>): void {
  const key = last(childElements(entry, schema.keyName ?? 'key'));
  const value = last(childElements(entry, schema.valueName ?? 'value'));
  if (key === undefined || value === undefined) return;
  const decoded = walkValue(walk, value, resolveSchema(schema.value));
  if (decoded !== undefined) setMapEntry(map, textOf(key), decoded);
}

function childElements(node: Node, name: string): readonly Node[] {
  if (typeof node === 'string' || !Object.hasOwn(node, name)) return [];
  const children = node[name];
  return Array.isArray(children) ? children : [];
}

function textOf(node: Node): string {
  if (typeof node === 'string') return node;
  const text = Object.hasOwn(node, '#text') ? node['#text'] : undefined;
  return typeof text === 'string' ? text : '';
}

function last(nodes: readonly Node[]): Node | undefined {
  return nodes[nodes.length - 1];
}
