// @boto-ts/core/schema-table: decodes the compact schema text the generator writes for a full client
// (the generator's schema-table-encode.ts writes it; keep the two in step) into the same schema objects the object-literal form holds.
// Decoding is lazy: an operation, and the shapes it reaches, are built the first time it is asked for,
// and each shape is built once, so every operation that shares it shares the object.

import {
  blobSchema,
  booleanSchema,
  doubleSchema,
  floatSchema,
  integerSchema,
  longSchema,
  type MemberSchema,
  type OperationSchema,
  type Schema,
  type SchemaRef,
  type StructureSchema,
  stringSchema,
  timestampSchema,
} from './schema.js';

/** Table indexes 0-7, in the generator's order. */
const sharedScalars: readonly Schema[] = [
  stringSchema,
  booleanSchema,
  integerSchema,
  longSchema,
  floatSchema,
  doubleSchema,
  timestampSchema,
  blobSchema,
];

export interface SchemaTable {
  /** Every operation name, sorted. */
  readonly operationNames: readonly string[];
  /** The operation's schema; throws for a name the table does not hold. */
  operation(name: string): OperationSchema;
}

type Entry = unknown[];

/** `null` in encoded data stands for `undefined`. */
function plain(value: unknown): unknown {
  if (value === null) return undefined;
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** Separates the entries of the schema text (a character no entry holds, so the text needs no escapes). */
export const ENTRY_SEPARATOR = '~';

/** Every DICTIONARY_BLOCK-th name of the dictionary is written whole, so a block decodes on its own. */
export const DICTIONARY_BLOCK = 16;

/** The sorted names of a front-coded line (see the encoder's frontCode). */
export function frontDecode(line: string): string[] {
  const names: string[] = [];
  let previous = '';
  for (const entry of line.split('|')) {
    previous = previous.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1);
    names.push(previous);
  }
  return names;
}

/**
 * The name at a dictionary position, decoding only the block that holds it (once): a call needs a
 * few hundred of EC2's 5,266 names, and decoding them all costs more than the rest of a first call.
 */
function lazyDictionary(line: string): (index: number) => string {
  const entries = line.split('|');
  const names: string[] = new Array(entries.length);
  return (index) => {
    const known = names[index];
    if (known !== undefined) return known;
    if (index < 0 || index >= entries.length) throw new RangeError(`schema table: no name at ${index}`);
    const start = index - (index % DICTIONARY_BLOCK);
    const end = Math.min(start + DICTIONARY_BLOCK, entries.length);
    let previous = '';
    for (let i = start; i < end; i++) {
      const entry = entries[i] as string;
      previous = previous.slice(0, entry.charCodeAt(0) - 48) + entry.slice(1);
      names[i] = previous;
    }
    return names[index] as string;
  };
}

/** Member tuple slots that hold names, written as dictionary positions + 1 (0 = unused slot). */
const NAME_SLOTS: ReadonlySet<number> = new Set([0, 3, 4]);

/** `operationNames`: the service's operation names, sorted (the order of the operation lines). */
export function createSchemaTable(text: string, operationNames: readonly string[]): SchemaTable {
  const lines = text.split(ENTRY_SEPARATOR);
  const dictionary = lazyDictionary(lines[0] as string);
  /** The operation's line: names are sorted, so a binary search (no 800-entry map built up front). */
  const operationLine = (name: string): number | undefined => {
    let low = 0;
    let high = operationNames.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const candidate = operationNames[middle] as string;
      if (candidate === name) return middle + 1;
      if (candidate < name) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  };
  const firstSchemaLine = operationNames.length + 1 - sharedScalars.length;
  const schemas: (Schema | undefined)[] = [...sharedScalars];
  const operations = new Map<string, OperationSchema>();

  const named = (position: unknown): unknown =>
    typeof position === 'number' && position > 0 ? dictionary(position - 1) : plain(position);

  const schemaAt = (index: number): Schema => {
    const known = schemas[index];
    if (known) return known;
    const line = lines[firstSchemaLine + index];
    if (line === undefined || index < sharedScalars.length)
      throw new RangeError(`schema table: no schema at index ${index}`);
    const schema = decodeSchema(JSON.parse(line) as Entry);
    schemas[index] = schema;
    return schema;
  };

  const ref = (value: number): SchemaRef => (value >= 0 ? schemaAt(value) : () => schemaAt(-value - 1));

  const member = (tuple: unknown[]): MemberSchema =>
    tuple.map((slot, i) =>
      i === 1 ? ref(slot as number) : NAME_SLOTS.has(i) ? named(slot) : plain(slot),
    ) as unknown as MemberSchema;

  const decodeSchema = (entry: Entry): Schema => {
    switch (entry[0]) {
      case 0:
        return {
          kind: 'structure',
          name: named(entry[1]) as string,
          members: (entry[2] as unknown[][]).map(member),
          ...(entry[3] as object | undefined),
        };
      case 1:
        return { kind: 'list', member: ref(entry[1] as number), ...(entry[2] as object | undefined) };
      case 2:
        return {
          kind: 'map',
          key: ref(entry[1] as number),
          value: ref(entry[2] as number),
          ...(entry[3] as object | undefined),
        };
      default:
        return entry[1] as Schema;
    }
  };

  const structure = (index: number): StructureSchema => {
    const schema = schemaAt(index);
    if (schema.kind !== 'structure') throw new TypeError(`schema table: index ${index} is not a structure`);
    return schema;
  };

  return {
    operationNames,
    operation(name: string): OperationSchema {
      const known = operations.get(name);
      if (known) return known;
      const line = operationLine(name);
      if (line === undefined) throw new RangeError(`schema table: no operation named ${name}`);
      const entry = JSON.parse(lines[line] as string) as Entry;
      const operation: OperationSchema = {
        name,
        ...(typeof entry[0] === 'number' ? { input: structure(entry[0]) } : {}),
        ...(typeof entry[1] === 'number' ? { output: structure(entry[1]) } : {}),
        ...(Array.isArray(entry[2]) ? { errors: (entry[2] as number[]).map(structure) } : {}),
        ...(entry[3] as object | undefined),
      };
      operations.set(name, operation);
      return operation;
    },
  };
}
