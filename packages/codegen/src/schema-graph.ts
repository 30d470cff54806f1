// Walks the schema objects buildSchemas made for a service and gives each one a stable const name,
// in an order where every object comes after the objects it references directly (thunks, which
// break recursive shapes, may point anywhere). Both schema emitters (object literals for bundles,
// the compact table for the full client) start from this walk, so they cannot disagree on names.

import {
  blobSchema,
  booleanSchema,
  doubleSchema,
  floatSchema,
  integerSchema,
  longSchema,
  type OperationSchema,
  type Schema,
  type SchemaRef,
  type ServiceSchema,
  stringSchema,
  timestampSchema,
} from '@boto-ts/core';
import { compareCodeUnits, schemaConstName } from './names.js';

/** The shared scalar schemas of core, in the fixed order the compact table numbers them. */
export const sharedScalars: readonly (readonly [Schema, string])[] = [
  [stringSchema, 'stringSchema'],
  [booleanSchema, 'booleanSchema'],
  [integerSchema, 'integerSchema'],
  [longSchema, 'longSchema'],
  [floatSchema, 'floatSchema'],
  [doubleSchema, 'doubleSchema'],
  [timestampSchema, 'timestampSchema'],
  [blobSchema, 'blobSchema'],
];

const schemaKinds = new Set([
  'structure',
  'list',
  'map',
  'string',
  'boolean',
  'integer',
  'long',
  'float',
  'double',
  'timestamp',
  'blob',
]);

/** The part of buildSchemas' result the emitters read. */
export interface SchemaSet {
  readonly service?: ServiceSchema;
  readonly operations: ReadonlyMap<string, OperationSchema>;
  readonly shapes: ReadonlyMap<string, Schema>;
}

/** True for a schema object (a value with a known `kind`), as opposed to plain data inside one. */
export function isSchema(value: unknown): value is Schema {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    schemaKinds.has((value as { kind?: unknown }).kind as string)
  );
}

/** The schema objects a schema references: its member, key and value schemas, thunks included. */
export function schemaRefs(schema: Schema): SchemaRef[] {
  switch (schema.kind) {
    case 'structure':
      return schema.members.map((member) => member[1]);
    case 'list':
      return [schema.member];
    case 'map':
      return [schema.key, schema.value];
    default:
      return [];
  }
}

export interface SchemaGraph {
  /** Operations by name, sorted by name. */
  readonly operations: readonly OperationSchema[];
  /** Every schema object the operations reach, except core's shared scalars, dependencies first. */
  readonly schemas: readonly Schema[];
  /** The const name of a schema object: a shared scalar's export name, or `$<ShapeName>`. */
  nameOf(schema: Schema): string;
  /** Whether the object is one of core's shared scalar schemas. */
  isShared(schema: Schema): boolean;
}

function resolve(ref: SchemaRef): Schema {
  return typeof ref === 'function' ? ref() : ref;
}

/** A stable key for an unnamed scalar (`string` with `min: 1`), so equal ones share one const. */
function scalarKey(schema: Schema): string {
  return JSON.stringify(Object.entries(schema).sort(([a], [b]) => compareCodeUnits(a, b)));
}

/** `$string_min1`, `$string_sensitive`: an unnamed scalar named by what sets it apart. */
function unnamedScalarName(schema: Schema): string {
  const traits = Object.entries(schema)
    .filter(([key, value]) => key !== 'kind' && value !== undefined)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([key, value]) => `_${key}${value === true ? '' : String(value).replace(/[^A-Za-z0-9]/g, '')}`);
  return `$${schema.kind}${traits.join('')}`;
}

export function buildSchemaGraph(set: SchemaSet): SchemaGraph {
  const shared = new Map<Schema, string>(sharedScalars);
  const shapeNames = new Map<Schema, string>();
  for (const [name, schema] of [...set.shapes].sort(([a], [b]) => compareCodeUnits(a, b)))
    if (!shared.has(schema) && !shapeNames.has(schema)) shapeNames.set(schema, name);

  const names = new Map<Schema, string>(shared);
  const usedNames = new Set<string>(shared.values());
  const scalarsByKey = new Map<string, Schema>();
  /** Unnamed equal scalars collapse to the first one met. */
  const canonical = new Map<Schema, Schema>();
  const order: Schema[] = [];
  const state = new Map<Schema, 'visiting' | 'done'>();
  const pending: Schema[] = [];

  const canonicalOf = (schema: Schema): Schema => {
    if (shared.has(schema) || shapeNames.has(schema) || schema.kind === 'structure') return schema;
    if (schema.kind === 'list' || schema.kind === 'map') return schema;
    const known = canonical.get(schema);
    if (known) return known;
    const key = scalarKey(schema);
    const first = scalarsByKey.get(key) ?? schema;
    scalarsByKey.set(key, first);
    canonical.set(schema, first);
    return first;
  };

  const nameFor = (schema: Schema): string => {
    const shape = shapeNames.get(schema);
    let base: string;
    if (shape !== undefined) base = schemaConstName(shape);
    else if (schema.kind === 'structure') base = schemaConstName(schema.name);
    else base = unnamedScalarName(schema);
    let name = base;
    for (let n = 2; usedNames.has(name); n++) name = `${base}_${n}`;
    usedNames.add(name);
    return name;
  };

  const visit = (input: Schema): void => {
    const schema = canonicalOf(input);
    if (shared.has(schema)) return;
    const seen = state.get(schema);
    if (seen === 'done') return;
    if (seen === 'visiting')
      throw new Error(
        'codegen: a schema references itself without a thunk; buildSchemas must break the cycle',
      );
    state.set(schema, 'visiting');
    for (const ref of schemaRefs(schema)) {
      if (typeof ref === 'function') pending.push(ref());
      else visit(ref);
    }
    state.set(schema, 'done');
    names.set(schema, nameFor(schema));
    order.push(schema);
  };

  const operations = [...set.operations.values()].sort((a, b) => compareCodeUnits(a.name, b.name));
  for (const operation of operations) {
    if (operation.input) visit(operation.input);
    if (operation.output) visit(operation.output);
    for (const error of operation.errors ?? []) visit(error);
    while (pending.length > 0) visit(pending.pop() as Schema);
  }
  for (const error of set.service?.errors ?? []) visit(error);
  while (pending.length > 0) visit(pending.pop() as Schema);

  return {
    operations,
    schemas: order,
    nameOf(schema: Schema): string {
      const name = names.get(canonicalOf(resolve(schema)));
      if (name === undefined) throw new Error(`codegen: schema ${JSON.stringify(schema)} was not walked`);
      return name;
    },
    isShared: (schema) => shared.has(schema),
  };
}
