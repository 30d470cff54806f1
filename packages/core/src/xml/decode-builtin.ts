// Schema-guided decoding with the built-in scanner: each element is read once and its value written
// straight into the output object the schema describes; unknown elements are skipped. Members absent
// from the document are absent from the output. A repeated element replaces the earlier value, except
// the items of flattened lists and maps, which accumulate.

import type { ScalarSchema, Schema, StructureSchema } from '../protocol/schema.js';
import {
  type DecodePlan,
  findMember,
  KIND_LIST,
  KIND_MAP,
  KIND_STRING,
  KIND_STRUCTURE,
  planOf,
  type RecentText,
  SCALAR_OTHER,
  type XmlMemberEntry,
  type XmlStructureTable,
} from './lookup.js';
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
  return readStructure(sc, planOf(schema).table(), onUnknown, undefined);
}

const SLASH = 47;

/**
 * The longest text readString remembers for reuse. V8 copies strings this short when slicing (longer
 * slices point into the document), so a remembered value never keeps a response body alive.
 */
const RECENT_TEXT_MAX = 12;

/**
 * The element name of the start tag just read, as a string, when it has no prefix and is `known` (a
 * member's element name): end tags are then compared with it. Undefined otherwise.
 */
function plainName(sc: XmlScanner, known: string): string | undefined {
  return sc.localStart === sc.nameStart ? known : undefined;
}

/**
 * `name` is the structure's element name when the caller knows it (see plainName). Each child is first
 * tried as the member that followed the previous one last time (one comparison in place), and looked up
 * by name only when that guess is wrong.
 */
function readStructure(
  sc: XmlScanner,
  table: XmlStructureTable,
  onUnknown: UnknownElementHandler | undefined,
  name: string | undefined,
): Record<string, unknown> {
  const out = new table.Output();
  if (table.attributes !== undefined) readAttributeMembers(sc, table.attributes, out);
  if (sc.selfClosing) return out;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  const src = sc.src;
  let guess = table.first;
  let previous: XmlMemberEntry | undefined;
  for (;;) {
    const lt = sc.nextTag(parentStart, parentEnd);
    if (src.charCodeAt(lt + 1) === SLASH) {
      sc.endTag(lt, name, parentStart, parentEnd);
      return out;
    }
    let entry: XmlMemberEntry | undefined;
    let childName: string | undefined;
    if (guess !== undefined && sc.startTagNamed(lt, guess.xml)) {
      entry = guess;
      childName = guess.xml;
    } else {
      sc.readStartTag();
      entry = findMember(table, src, sc.localStart, sc.nameEnd);
      if (entry === undefined) {
        if (onUnknown === undefined) sc.skipContent();
        else onUnknown(sc);
        continue;
      }
      if (previous === undefined) table.first = entry;
      else previous.following = entry;
      childName = plainName(sc, entry.xml);
    }
    previous = entry;
    guess = entry.following;
    if (entry.flattened) addFlattenedItem(sc, entry, out, childName);
    else {
      const value = readValue(sc, entry.plan, childName, entry);
      if (value !== undefined) out[entry.name] = value;
      else if (entry.name in out) delete out[entry.name];
    }
  }
}

/**
 * Decodes the element whose start tag was just read, by the kind of `plan`. Undefined = no value.
 * `name`: the element's name when known (see plainName).
 */
function readValue(
  sc: XmlScanner,
  plan: DecodePlan,
  name: string | undefined,
  seen: RecentText | undefined,
): unknown {
  switch (plan.kind) {
    case KIND_STRING:
      return readString(sc, name, seen);
    case KIND_STRUCTURE:
      return readStructure(sc, plan.table(), undefined, name);
    case KIND_LIST:
      return readList(sc, plan, name);
    case KIND_MAP:
      return readMap(sc, plan);
    default:
      return readScalar(sc, plan, name);
  }
}

/**
 * Text content. The usual case, plain text right up to the end tag, is one slice of the document; when
 * it equals the short value `seen` last held (an enum, an account id), that string is returned instead
 * of a new one, which keeps a large output smaller.
 */
function readString(sc: XmlScanner, name: string | undefined, seen: RecentText | undefined): string {
  if (name === undefined || sc.selfClosing) return sc.readText();
  const src = sc.src;
  const start = sc.pos;
  const lt = src.indexOf('<', start);
  if (
    lt < 0 ||
    src.charCodeAt(lt + 1) !== SLASH ||
    !src.startsWith(name, lt + 2) ||
    src.charCodeAt(lt + 2 + name.length) !== 62 ||
    sc.needsDecoding(start, lt)
  )
    return sc.readText();
  sc.pos = lt + 3 + name.length;
  if (seen === undefined) return src.slice(start, lt);
  const recent = seen.recentText;
  if (recent.length === lt - start && src.startsWith(recent, start)) return recent;
  const text = src.slice(start, lt);
  if (text.length <= RECENT_TEXT_MAX) seen.recentText = text;
  return text;
}

function readScalar(sc: XmlScanner, plan: DecodePlan, name: string | undefined): unknown {
  const schema = plan.schema as ScalarSchema;
  if (plan.scalar !== SCALAR_OTHER && !sc.selfClosing) {
    const src = sc.src;
    const start = sc.pos;
    const lt = src.indexOf('<', start);
    if (lt >= 0 && src.charCodeAt(lt + 1) === SLASH && !sc.needsDecoding(start, lt)) {
      sc.endTag(lt, name, sc.nameStart, sc.nameEnd);
      const value = convertScalarInPlace(src, start, lt, plan.scalar);
      if (value !== NOT_HANDLED) return value;
      const text = src.slice(start, lt);
      const converted = convertScalar(text, schema);
      if (converted === INVALID) sc.fail(invalidScalarMessage(text, schema), start);
      return converted;
    }
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

function readList(sc: XmlScanner, plan: DecodePlan, name: string | undefined): unknown[] {
  if (sc.selfClosing) return [];
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  const src = sc.src;
  const itemName = plan.itemName;
  const item = plan.item();
  const items = sc.items;
  const base = sc.itemsTop;
  for (;;) {
    const lt = sc.nextTag(parentStart, parentEnd);
    if (src.charCodeAt(lt + 1) === SLASH) {
      sc.endTag(lt, name, parentStart, parentEnd);
      const top = sc.itemsTop;
      sc.itemsTop = base;
      return top === base ? [] : items.slice(base, top);
    }
    let value: unknown;
    if (sc.startTagNamed(lt, itemName)) value = readValue(sc, item, itemName, plan);
    else {
      sc.readStartTag();
      if (!sc.isNamed(itemName)) {
        sc.skipContent();
        continue;
      }
      value = readValue(sc, item, plainName(sc, itemName), plan);
    }
    // Written at the top, which nested lists have moved back to where they found it.
    if (value !== undefined) items[sc.itemsTop++] = value;
  }
}

function readMap(sc: XmlScanner, plan: DecodePlan): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  if (sc.selfClosing) return map;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  while (sc.nextChild(parentStart, parentEnd)) {
    if (!sc.isNamed('entry')) sc.skipContent();
    else readMapEntry(sc, plan, map);
  }
  return map;
}

/** One map entry (`<entry>`, or the repeated member element of a flattened map) with key and value children. */
function readMapEntry(sc: XmlScanner, plan: DecodePlan, map: Record<string, unknown>): void {
  if (sc.selfClosing) return;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  let key: string | undefined;
  let value: unknown;
  while (sc.nextChild(parentStart, parentEnd)) {
    if (sc.isNamed(plan.keyName)) key = sc.readText();
    else if (sc.isNamed(plan.valueName)) value = readValue(sc, plan.item(), undefined, undefined);
    else sc.skipContent();
  }
  if (key !== undefined && value !== undefined) setMapEntry(map, key, value);
}

function addFlattenedItem(
  sc: XmlScanner,
  entry: XmlMemberEntry,
  out: Record<string, unknown>,
  name: string | undefined,
): void {
  const plan = entry.plan;
  if (plan.kind === KIND_LIST) {
    const item = readValue(sc, plan.item(), name, entry);
    let items = out[entry.name] as unknown[] | undefined;
    if (items === undefined) {
      items = [];
      out[entry.name] = items;
    }
    if (item !== undefined) items.push(item);
  } else if (plan.kind === KIND_MAP) {
    let map = out[entry.name] as Record<string, unknown> | undefined;
    if (map === undefined) {
      map = {};
      out[entry.name] = map;
    }
    readMapEntry(sc, plan, map);
  }
}

function readAttributeMembers(
  sc: XmlScanner,
  attributes: ReadonlyMap<string, XmlMemberEntry>,
  out: Record<string, unknown>,
): void {
  for (const [name, text] of sc.readAttributes()) {
    const entry = attributes.get(name);
    if (entry === undefined || !isScalar(entry.plan.schema)) continue;
    const value = convertScalar(text, entry.plan.schema);
    if (value === INVALID)
      sc.fail(`attribute ${name}: ${invalidScalarMessage(text, entry.plan.schema)}`, sc.attrStart);
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
