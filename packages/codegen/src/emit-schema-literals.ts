// Writes schemas as plain object-literal consts (one per shape, dependencies first) and one exported
// OperationSchema const per operation. This is the bundle-friendly form: every const is a pure
// expression, so a bundler keeps only the shapes the operations an app calls can reach.

import type { OperationSchema, Schema } from '@boto-ts/core';
import { operationConstName, propertyKey, quote } from './names.js';
import { isSchema, type SchemaGraph } from './schema-graph.js';

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

/** A value inside a schema: nested schemas become const names, thunks `() => name`, data stays data. */
export function writeValue(value: unknown, graph: SchemaGraph, shared: Set<string>): string {
  if (typeof value === 'function') return `() => ${reference(value() as Schema, graph, shared)}`;
  if (isSchema(value)) return reference(value, graph, shared);
  if (Array.isArray(value)) return `[${value.map((item) => writeValue(item, graph, shared)).join(', ')}]`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'object') return writeObject(value as Record<string, unknown>, graph, shared);
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

function reference(schema: Schema, graph: SchemaGraph, shared: Set<string>): string {
  const name = graph.nameOf(schema);
  if (!graph.isShared(schema)) return name;
  shared.add(name);
  return sharedScalarAliases[name] ?? name;
}

function writeObject(object: Record<string, unknown>, graph: SchemaGraph, shared: Set<string>): string {
  const fields = Object.entries(object)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${propertyKey(key)}: ${writeValue(value, graph, shared)}`);
  return `{ ${fields.join(', ')} }`;
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
}

export function emitSchemaLiterals(graph: SchemaGraph, options: SchemaLiteralOptions): SchemaLiterals {
  const shared = new Set<string>();
  const types = new Set<string>(['OperationSchema']);
  const lines: string[] = [];
  const exported = options.exportShapes ? 'export ' : '';
  for (const schema of graph.schemas) {
    const type = schemaType(schema);
    types.add(type);
    const body = writeObject(schema as unknown as Record<string, unknown>, graph, shared);
    lines.push(`${exported}const ${graph.nameOf(schema)}: ${type} = ${body};`);
  }
  lines.push('');
  for (const operation of graph.operations) lines.push(operationLiteral(operation, graph, shared));
  return {
    code: `${lines.join('\n')}\n`,
    sharedScalarsUsed: [...shared].sort().map((name) => `${name} as ${sharedScalarAliases[name] ?? name}`),
    schemaTypesUsed: [...types].sort(),
  };
}

function operationLiteral(operation: OperationSchema, graph: SchemaGraph, shared: Set<string>): string {
  const body = writeObject(operation as unknown as Record<string, unknown>, graph, shared);
  return `export const ${operationConstName(operation.name)}: OperationSchema = ${body};`;
}
