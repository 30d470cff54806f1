// Writes schemas as plain object-literal consts (one per shape, dependencies first) and one exported
// OperationSchema const per operation. This is the bundle-friendly form: every const is a pure
// expression, so a bundler keeps only the shapes the operations an app calls can reach.
// With `inlineSingleUse`, a shape referenced from one place only is written inside that place
// rather than as a const of its own (most EC2 shapes: 2,986 of 3,434; a quarter of the module).

import type { OperationSchema, Schema } from '@boto-ts/core';
import { operationConstName, propertyKey, quote } from './names.js';
import { isSchema, type SchemaGraph, schemaRefs } from './schema-graph.js';

/** The schema interface a const is annotated with (keeps tsc from inferring literal types). */
function schemaType(schema: Schema): string {
  switch (schema.kind) {
    case 'structure':
      return 'StructureSchema';
    case 'list':
      return 'ListSchema';
    case 'map':
      return 'MapSchema';
    default:
      return 'ScalarSchema';
  }
}

/** How schemas are written: which are inlined, and which shared scalars the code used. */
export interface LiteralWriter {
  readonly graph: SchemaGraph;
  /** Names of schemas written inline where they are used (referenced from one place only). */
  readonly inline: ReadonlySet<string>;
  /** Shared scalar export names the code referenced. */
  readonly shared: Set<string>;
}

export function literalWriter(graph: SchemaGraph, inline: ReadonlySet<string> = new Set()): LiteralWriter {
  return { graph, inline, shared: new Set() };
}

/** A value inside a schema: nested schemas become const names (or inline literals), thunks `() => name`, data stays data. */
export function writeValue(value: unknown, writer: LiteralWriter): string {
  if (typeof value === 'function') return `() => ${reference(value() as Schema, writer)}`;
  if (isSchema(value)) {
    if (writer.inline.has(writer.graph.nameOf(value)))
      return writeObject(value as unknown as Record<string, unknown>, writer);
    return reference(value, writer);
  }
  if (Array.isArray(value)) return `[${value.map((item) => writeValue(item, writer)).join(', ')}]`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return writeObject(value as Record<string, unknown>, writer);
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`codegen: cannot write ${typeof value} into a schema literal`);
}

/**
 * Short local names for core's shared scalars: they are most of the references (7,000 in EC2),
 * so `str` instead of `stringSchema` keeps the module ~8% smaller.
 */
export const sharedScalarAliases: Readonly<Record<string, string>> = {
  stringSchema: 'str',
  booleanSchema: 'bool',
  integerSchema: 'int',
  longSchema: 'long',
  floatSchema: 'float',
  doubleSchema: 'double',
  timestampSchema: 'time',
  blobSchema: 'blob',
};

function reference(schema: Schema, writer: LiteralWriter): string {
  const name = writer.graph.nameOf(schema);
  if (!writer.graph.isShared(schema)) return name;
  writer.shared.add(name);
  return sharedScalarAliases[name] ?? name;
}

function writeObject(object: Record<string, unknown>, writer: LiteralWriter): string {
  const fields = Object.entries(object)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${propertyKey(key)}: ${writeValue(value, writer)}`);
  return `{ ${fields.join(', ')} }`;
}

/** Names of the schemas referenced directly from exactly one place (never through a thunk). */
function singleUseSchemas(graph: SchemaGraph): Set<string> {
  const uses = new Map<string, number>();
  const use = (ref: unknown, weight: number) => {
    const schema = typeof ref === 'function' ? (ref() as Schema) : (ref as Schema);
    if (graph.isShared(schema)) return;
    const name = graph.nameOf(schema);
    uses.set(name, (uses.get(name) ?? 0) + weight);
  };
  for (const schema of graph.schemas)
    for (const ref of schemaRefs(schema)) use(ref, typeof ref === 'function' ? 2 : 1);
  for (const operation of graph.operations) {
    if (operation.input) use(operation.input, 1);
    if (operation.output) use(operation.output, 1);
    for (const error of operation.errors ?? []) use(error, 1);
  }
  return new Set([...uses].filter(([, count]) => count === 1).map(([name]) => name));
}

export interface SchemaLiterals {
  /** The const declarations, shapes first, then the exported operation consts. */
  readonly code: string;
  /** Core's shared scalar schemas the code references, as import specifiers (`stringSchema as str`). */
  readonly sharedScalarsUsed: readonly string[];
  /** Schema interface names the code references (to import as types). */
  readonly schemaTypesUsed: readonly string[];
}

export interface SchemaLiteralOptions {
  /** Export the shape consts too (small services), or keep them module-private (EC2). */
  readonly exportShapes: boolean;
  /** Write shapes used in one place inside that place (module-private shapes only). */
  readonly inlineSingleUse?: boolean;
}

export function emitSchemaLiterals(graph: SchemaGraph, options: SchemaLiteralOptions): SchemaLiterals {
  if (options.inlineSingleUse && options.exportShapes)
    throw new Error('codegen: exported shape consts cannot be inlined');
  const writer = literalWriter(graph, options.inlineSingleUse ? singleUseSchemas(graph) : new Set());
  const types = new Set<string>(['OperationSchema']);
  const lines: string[] = [];
  const exported = options.exportShapes ? 'export ' : '';
  for (const schema of graph.schemas) {
    const name = graph.nameOf(schema);
    if (writer.inline.has(name)) continue;
    const type = schemaType(schema);
    types.add(type);
    const body = writeObject(schema as unknown as Record<string, unknown>, writer);
    lines.push(`${exported}const ${name}: ${type} = ${body};`);
  }
  lines.push('');
  for (const operation of graph.operations) lines.push(operationLiteral(operation, writer));
  return {
    code: `${lines.join('\n')}\n`,
    sharedScalarsUsed: [...writer.shared]
      .sort()
      .map((name) => `${name} as ${sharedScalarAliases[name] ?? name}`),
    schemaTypesUsed: [...types].sort(),
  };
}

function operationLiteral(operation: OperationSchema, writer: LiteralWriter): string {
  const body = writeObject(operation as unknown as Record<string, unknown>, writer);
  return `export const ${operationConstName(operation.name)}: OperationSchema = ${body};`;
}
