// Per-structure lookup tables for decoding: XML element (or attribute) name -> member. Built on first
// use and cached by schema identity, so a generated schema costs nothing until a response needs it.
// Element lookups compare the name in place in the document (a small hash of length, first and last
// character picks a bucket), so decoding makes no string for the names it recognises.

import {
  MEMBER_FLATTENED,
  MEMBER_XML_ATTRIBUTE,
  memberHas,
  memberName,
  memberSchema,
  type Schema,
  type StructureSchema,
  xmlName,
} from '../protocol/schema.js';

export interface XmlMemberEntry {
  /** The output property (`InstanceId`). */
  readonly name: string;
  /** The element (or attribute) name (`instanceId`). */
  readonly xml: string;
  readonly schema: Schema;
  /** A list or map whose items (entries) are repeated siblings named like the member. */
  readonly flattened: boolean;
  /** The next entry in the same bucket. */
  next: XmlMemberEntry | undefined;
}

export interface XmlStructureTable {
  /** Chained buckets, indexed by `bucketOf(...) & mask`. */
  readonly buckets: (XmlMemberEntry | undefined)[];
  readonly mask: number;
  /** The same entries as a list (for the fallback decoder, which looks names up the other way round). */
  readonly elements: readonly XmlMemberEntry[];
  /** Members read from attributes of the structure's own element; undefined when there are none. */
  readonly attributes: ReadonlyMap<string, XmlMemberEntry> | undefined;
}

const tables = new WeakMap<StructureSchema, XmlStructureTable>();

export function structureTable(schema: StructureSchema): XmlStructureTable {
  let table = tables.get(schema);
  if (table === undefined) {
    table = buildTable(schema);
    tables.set(schema, table);
  }
  return table;
}

export function bucketOf(length: number, first: number, last: number): number {
  return length * 31 + first * 7 + last;
}

/** The member whose element name is `src[start, end)`, or undefined. */
export function findMember(
  table: XmlStructureTable,
  src: string,
  start: number,
  end: number,
): XmlMemberEntry | undefined {
  const length = end - start;
  let entry = table.buckets[bucketOf(length, src.charCodeAt(start), src.charCodeAt(end - 1)) & table.mask];
  while (entry !== undefined) {
    if (entry.xml.length === length && src.startsWith(entry.xml, start)) return entry;
    entry = entry.next;
  }
  return undefined;
}

function buildTable(schema: StructureSchema): XmlStructureTable {
  let size = 8;
  while (size < schema.members.length * 2) size *= 2;
  const mask = size - 1;
  const buckets: (XmlMemberEntry | undefined)[] = new Array(size).fill(undefined);
  let attributes: Map<string, XmlMemberEntry> | undefined;
  const elements: XmlMemberEntry[] = [];
  for (const member of schema.members) {
    const target = memberSchema(member);
    const flattened =
      (target.kind === 'list' || target.kind === 'map') &&
      (memberHas(member, MEMBER_FLATTENED) || target.flattened === true);
    const xml = xmlName(member);
    const entry: XmlMemberEntry = {
      name: memberName(member),
      xml,
      schema: target,
      flattened,
      next: undefined,
    };
    if (memberHas(member, MEMBER_XML_ATTRIBUTE)) {
      attributes ??= new Map();
      attributes.set(xml, entry);
      continue;
    }
    if (xml === '' || findMember({ buckets, mask, elements, attributes }, xml, 0, xml.length) !== undefined)
      continue;
    const index = bucketOf(xml.length, xml.charCodeAt(0), xml.charCodeAt(xml.length - 1)) & mask;
    entry.next = buckets[index];
    buckets[index] = entry;
    elements.push(entry);
  }
  return { buckets, mask, elements, attributes };
}
