// Per-structure lookup tables for decoding: XML element (or attribute) name -> member. Built on first
// use and cached by schema identity, so a generated schema costs nothing until a response needs it.

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
  readonly schema: Schema;
  /** A list or map whose items (entries) are repeated siblings named like the member. */
  readonly flattened: boolean;
}

export interface XmlStructureTable {
  readonly elements: ReadonlyMap<string, XmlMemberEntry>;
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

function buildTable(schema: StructureSchema): XmlStructureTable {
  const elements = new Map<string, XmlMemberEntry>();
  let attributes: Map<string, XmlMemberEntry> | undefined;
  for (const member of schema.members) {
    const target = memberSchema(member);
    const flattened =
      (target.kind === 'list' || target.kind === 'map') &&
      (memberHas(member, MEMBER_FLATTENED) || target.flattened === true);
    const entry: XmlMemberEntry = { name: memberName(member), schema: target, flattened };
    if (memberHas(member, MEMBER_XML_ATTRIBUTE)) {
      attributes ??= new Map();
      attributes.set(xmlName(member), entry);
    } else if (!elements.has(xmlName(member))) elements.set(xmlName(member), entry);
  }
  return { elements, attributes };
}
