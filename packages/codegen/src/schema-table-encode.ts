// Encodes a service's schemas as compact text, one JSON entry per line, for the full client:
// importing a string costs a fraction of evaluating thousands of object literals, and the client
// decodes only the operations it calls (@boto-ts/core/schema-table is the decoder; keep them in step).
//
// Layout, entries separated by ENTRY_SEPARATOR (`~`, which no entry holds; the text is written as one
// plain string literal, which V8 reads faster than a template literal with line breaks):
// - entry 0: the name dictionary: every structure and member name and wire name, sorted and
//   front-coded (frontCode); every other entry is one JSON value;
// - one entry per operation, in operation-name order (the decoder is given the sorted names):
//   `[inputRef, outputRef, errorRefs, rest]` (trailing empties dropped);
// - one entry per schema: structure `[0, name, members, rest?]`, list `[1, memberRef, rest?]`,
//   map `[2, keyRef, valueRef, rest?]`, scalar `[3, fields]`.
// A structure's name and each member tuple's name, serialized name and XML name are written as
// dictionary positions + 1 (a `0` keeps meaning "unused slot"). `rest` holds every other field as
// plain data. A ref is the table index of a schema (0-7: core's shared scalars, in schema-graph's
// order; then the schema entries in order); a thunk (recursive shape) is `-(index + 1)`. `null` inside
// data stands for `undefined`.

import type { OperationSchema, Schema, SchemaRef } from '@boto-ts/core';
import { DICTIONARY_BLOCK, ENTRY_SEPARATOR } from '@boto-ts/core/schema-table';
import { compareCodeUnits } from './names.js';
import { isSchema, type SchemaGraph, sharedScalars } from './schema-graph.js';

/** Plain data only: a schema or thunk here means the format needs a new positional slot. */
function data(value: unknown, where: string): unknown {
  if (typeof value === 'function' || isSchema(value))
    throw new Error(`codegen: ${where} holds a schema where the table format expects plain data`);
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : data(item, where)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) out[key] = data(item, where);
    return out;
  }
  return value;
}

function without(object: object, keys: readonly string[]): Record<string, unknown> | undefined {
  const rest: Record<string, unknown> = {};
  let any = false;
  for (const [key, value] of Object.entries(object))
    if (!keys.includes(key) && value !== undefined) {
      rest[key] = value;
      any = true;
    }
  return any ? rest : undefined;
}

function trimTrailing(entry: unknown[]): unknown[] {
  while (entry.length > 0 && (entry[entry.length - 1] === undefined || entry[entry.length - 1] === null))
    entry.pop();
  return entry;
}

/** Member tuple slots that hold names (name, serializedName, xmlName): written through the dictionary. */
const NAME_SLOTS: ReadonlySet<number> = new Set([0, 3, 4]);

export function encodeSchemaTable(graph: SchemaGraph): string {
  const index = new Map<string, number>();
  for (const [i, [, name]] of sharedScalars.entries()) index.set(name, i);
  for (const [i, schema] of graph.schemas.entries())
    index.set(graph.nameOf(schema), sharedScalars.length + i);

  const ref = (value: SchemaRef): number => {
    const target = typeof value === 'function' ? value() : value;
    const position = index.get(graph.nameOf(target));
    if (position === undefined) throw new Error(`codegen: no table index for ${graph.nameOf(target)}`);
    return typeof value === 'function' ? -(position + 1) : position;
  };

  // The dictionary: every name once, sorted, front-coded (see frontCode).
  const names = new Set<string>();
  for (const schema of graph.schemas)
    if (schema.kind === 'structure') {
      names.add(schema.name);
      for (const member of schema.members)
        member.forEach((slot, i) => {
          if (NAME_SLOTS.has(i) && typeof slot === 'string') names.add(slot);
        });
    }
  const dictionary = [...names].sort(compareCodeUnits);
  const position = new Map(dictionary.map((name, i) => [name, i + 1]));
  const named = (name: string): number => position.get(name) as number;

  const schemaEntry = (schema: Schema): unknown[] => {
    const where = graph.nameOf(schema);
    switch (schema.kind) {
      case 'structure': {
        const members = schema.members.map((member) =>
          member.map((slot, i) => {
            if (i === 1) return ref(slot as SchemaRef);
            if (NAME_SLOTS.has(i) && typeof slot === 'string') return named(slot);
            return slot === undefined ? null : data(slot, where);
          }),
        );
        return trimTrailing([
          0,
          named(schema.name),
          members,
          data(without(schema, ['kind', 'name', 'members']), where),
        ]);
      }
      case 'list':
        return trimTrailing([1, ref(schema.member), data(without(schema, ['kind', 'member']), where)]);
      case 'map':
        return trimTrailing([
          2,
          ref(schema.key),
          ref(schema.value),
          data(without(schema, ['kind', 'key', 'value']), where),
        ]);
      default: {
        const fields: Record<string, unknown> = {};
        for (const [key, value] of Object.entries(schema))
          if (value !== undefined) fields[key] = data(value, where);
        return [3, fields];
      }
    }
  };

  const operationEntry = (operation: OperationSchema): unknown[] =>
    trimTrailing([
      operation.input ? ref(operation.input) : null,
      operation.output ? ref(operation.output) : null,
      operation.errors ? operation.errors.map(ref) : null,
      data(without(operation, ['name', 'input', 'output', 'errors']), operation.name),
    ]);

  const entries = [frontCode(dictionary)];
  for (const operation of graph.operations) entries.push(JSON.stringify(operationEntry(operation)));
  for (const schema of graph.schemas) entries.push(JSON.stringify(schemaEntry(schema)));
  for (const entry of entries)
    if (entry.includes(ENTRY_SEPARATOR))
      throw new Error(`codegen: a schema table entry holds the separator ${ENTRY_SEPARATOR}: ${entry}`);
  return entries.join(ENTRY_SEPARATOR);
}

/** The longest shared prefix front coding records (its length is one character, `0` + length). */
export const MAX_SHARED_PREFIX = 35;

/**
 * Sorted names as one line: each entry is one character giving how many leading characters it
 * shares with the previous name (`0` + n), then the rest; entries are separated by `|`. Every
 * DICTIONARY_BLOCK-th name shares nothing (it is written whole), so the decoder can start at any block
 * and decode only the names a call uses. EC2's 5,266 names take 68 kB this way instead of 145 kB as a
 * JSON array.
 */
export function frontCode(sortedNames: readonly string[]): string {
  let previous = '';
  return sortedNames
    .map((name, index) => {
      if (name.includes('|') || name.includes(ENTRY_SEPARATOR))
        throw new Error(`codegen: name ${JSON.stringify(name)} cannot be front-coded`);
      let shared = 0;
      if (index % DICTIONARY_BLOCK !== 0)
        while (shared < MAX_SHARED_PREFIX && shared < previous.length && previous[shared] === name[shared])
          shared++;
      previous = name;
      return String.fromCharCode(48 + shared) + name.slice(shared);
    })
    .join('|');
}

/** The text as a single-quoted JavaScript string literal (escapes only what a string literal must). */
export function stringLiteral(text: string): string {
  return `'${text.replace(/[\\'\n\r\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}'`;
}
