// Schema-guided decoding with the built-in scanner: each element is read once and its value written
// straight into the output object the schema describes; unknown elements are skipped. Members absent
// from the document are absent from the output. A repeated element replaces the earlier value, except
// the items of flattened lists and maps, which accumulate.

import type { ListSchema, MapSchema, ScalarSchema, Schema, StructureSchema } from '../protocol/schema.js';
import { resolveSchema } from '../protocol/schema.js';
import { findMember, structureTable, type XmlMemberEntry } from './lookup.js';
import {
  convertScalar,
  convertScalarInPlace,
  INVALID,
  invalidScalarMessage,
  NOT_HANDLED,
} from './scalars.js';
import type { XmlScanner } from './scanner.js';

/** Called for a child element no member claims; it must consume the element (e.g. `skipContent`). */
export type UnknownElementHandler = (scanner: XmlScanner) => void;

/** Decodes the element whose start tag the scanner just read, as a structure. */
export function decodeStructure(
  sc: XmlScanner,
  schema: StructureSchema,
  onUnknown?: UnknownElementHandler,
): Record<string, unknown> {
  const table = structureTable(schema);
  const out: Record<string, unknown> = {};
  if (table.attributes !== undefined) readAttributeMembers(sc, table.attributes, out);
  if (sc.selfClosing) return out;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  const src = sc.src;
  while (sc.nextChild(parentStart, parentEnd)) {
    const entry = findMember(table, src, sc.localStart, sc.nameEnd);
    if (entry === undefined) {
      if (onUnknown === undefined) sc.skipContent();
      else onUnknown(sc);
    } else if (entry.flattened) addFlattenedItem(sc, entry, out);
    else {
      const value = decodeValue(sc, entry.schema);
      if (value !== undefined) out[entry.name] = value;
      else if (entry.name in out) delete out[entry.name];
    }
  }
  return out;
}

/** Decodes the element whose start tag was just read, by the kind of `schema`. Undefined = no value. */
export function decodeValue(sc: XmlScanner, schema: Schema): unknown {
  switch (schema.kind) {
    case 'string':
      return sc.readText();
    case 'structure':
      return decodeStructure(sc, schema);
    case 'list':
      return decodeList(sc, schema);
    case 'map':
      return decodeMap(sc, schema);
    default:
      return decodeScalar(sc, schema);
  }
}

function decodeScalar(sc: XmlScanner, schema: ScalarSchema): unknown {
  if (sc.readPlainText()) {
    const value = convertScalarInPlace(sc.src, sc.textStart, sc.textEnd, schema);
    if (value !== NOT_HANDLED) return value;
    const text = sc.src.slice(sc.textStart, sc.textEnd);
    const converted = convertScalar(text, schema);
    if (converted === INVALID) sc.fail(`${invalidScalarMessage(text, schema)}`, sc.textStart);
    return converted;
  }
  const start = sc.pos;
  const nameStart = sc.nameStart;
  const nameEnd = sc.nameEnd;
  const text = sc.readText();
  const value = convertScalar(text, schema);
  if (value === INVALID)
    sc.fail(`<${sc.src.slice(nameStart, nameEnd)}>: ${invalidScalarMessage(text, schema)}`, start);
  return value;
}

function decodeList(sc: XmlScanner, schema: ListSchema): unknown[] {
  const items: unknown[] = [];
  if (sc.selfClosing) return items;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  const itemName = schema.memberName ?? 'member';
  const member = resolveSchema(schema.member);
  while (sc.nextChild(parentStart, parentEnd)) {
    if (!sc.isNamed(itemName)) sc.skipContent();
    else {
      const item = decodeValue(sc, member);
      if (item !== undefined) items.push(item);
    }
  }
  return items;
}

function decodeMap(sc: XmlScanner, schema: MapSchema): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  if (sc.selfClosing) return map;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  while (sc.nextChild(parentStart, parentEnd)) {
    if (!sc.isNamed('entry')) sc.skipContent();
    else decodeMapEntry(sc, schema, map);
  }
  return map;
}

/** One map entry (`<entry>`, or the repeated member element of a flattened map) with key and value children. */
function decodeMapEntry(sc: XmlScanner, schema: MapSchema, map: Record<string, unknown>): void {
  if (sc.selfClosing) return;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  const keyName = schema.keyName ?? 'key';
  const valueName = schema.valueName ?? 'value';
  let key: string | undefined;
  let value: unknown;
  while (sc.nextChild(parentStart, parentEnd)) {
    if (sc.isNamed(keyName)) key = sc.readText();
    else if (sc.isNamed(valueName)) value = decodeValue(sc, resolveSchema(schema.value));
    else sc.skipContent();
  }
  if (key !== undefined && value !== undefined) setMapEntry(map, key, value);
}

function addFlattenedItem(sc: XmlScanner, entry: XmlMemberEntry, out: Record<string, unknown>): void {
  const schema = entry.schema;
  if (schema.kind === 'list') {
    const item = decodeValue(sc, resolveSchema(schema.member));
    let items = out[entry.name] as unknown[] | undefined;
    if (items === undefined) {
      items = [];
      out[entry.name] = items;
    }
    if (item !== undefined) items.push(item);
  } else if (schema.kind === 'map') {
    let map = out[entry.name] as Record<string, unknown> | undefined;
    if (map === undefined) {
      map = {};
      out[entry.name] = map;
    }
    decodeMapEntry(sc, schema, map);
  }
}

function readAttributeMembers(
  sc: XmlScanner,
  attributes: ReadonlyMap<string, XmlMemberEntry>,
  out: Record<string, unknown>,
): void {
  for (const [name, text] of sc.readAttributes()) {
    const entry = attributes.get(name);
    if (entry === undefined || !isScalar(entry.schema)) continue;
    const value = convertScalar(text, entry.schema);
    if (value === INVALID)
      sc.fail(`attribute ${name}: ${invalidScalarMessage(text, entry.schema)}`, sc.attrStart);
    if (value !== undefined) out[entry.name] = value;
    else delete out[entry.name];
  }
}

export function isScalar(schema: Schema): schema is ScalarSchema {
  return schema.kind !== 'structure' && schema.kind !== 'list' && schema.kind !== 'map';
}

/** Sets a map entry whose key comes from the document, without ever touching the object's prototype. */
export function setMapEntry(map: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(map, key, { value, enumerable: true, writable: true, configurable: true });
  else map[key] = value;
}
