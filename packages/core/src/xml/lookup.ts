// Decode plans: what the built-in decoder needs to know about a schema, precomputed once per schema
// object (cached by identity, built on first use, so generated schemas cost nothing until a response
// needs them). A plan has a small numeric kind, so the hot loop dispatches on numbers rather than on
// schema objects of many shapes; a structure's plan holds its lookup table, element name -> member.
// Lookups compare the name in place in the document (a small hash of length, first and last character
// picks a bucket), so decoding makes no string for the names it recognises.

import {
  MEMBER_FLATTENED,
  MEMBER_XML_ATTRIBUTE,
  memberHas,
  memberName,
  memberSchema,
  resolveSchema,
  type Schema,
  type StructureSchema,
  xmlName,
} from '../protocol/schema.js';
import { type OutputObjectConstructor, outputObjectConstructor } from './output-objects.js';

export const KIND_STRING = 0;
export const KIND_STRUCTURE = 1;
export const KIND_LIST = 2;
export const KIND_MAP = 3;
export const KIND_SCALAR = 4;

/** Scalar kinds the decoder can read in place (see convertScalarInPlace). */
export const SCALAR_OTHER = 0;
export const SCALAR_BOOLEAN = 1;
export const SCALAR_INTEGER = 2;
export const SCALAR_TIMESTAMP = 3;

/** Remembers the last short text value read for a member or a list's items (see readString). */
export interface RecentText {
  recentText: string;
}

export interface XmlMemberEntry extends RecentText {
  /** The output property (`InstanceId`). */
  readonly name: string;
  /** The element (or attribute) name (`instanceId`). */
  readonly xml: string;
  readonly plan: DecodePlan;
  /** A list or map whose items (entries) are repeated siblings named like the member. */
  readonly flattened: boolean;
  /** The next entry in the same bucket. */
  next: XmlMemberEntry | undefined;
  /**
   * The member whose element followed this one last time (learned while decoding): the decoder tries
   * it first, so a document in the usual order is read without looking names up.
   */
  following: XmlMemberEntry | undefined;
}

export interface XmlStructureTable {
  /** Makes this structure's (plain) output objects; see output-objects.ts. */
  readonly Output: OutputObjectConstructor;
  /** Chained buckets, indexed by `bucketOf(...) & mask`. */
  readonly buckets: (XmlMemberEntry | undefined)[];
  readonly mask: number;
  /** The same entries as a list (for the fallback decoder, which looks names up the other way round). */
  readonly elements: readonly XmlMemberEntry[];
  /** Members read from attributes of the structure's own element; undefined when there are none. */
  readonly attributes: ReadonlyMap<string, XmlMemberEntry> | undefined;
  /** The member whose element came first last time (see XmlMemberEntry.following). */
  first: XmlMemberEntry | undefined;
}

export class DecodePlan implements RecentText {
  readonly kind: number;
  readonly scalar: number;
  readonly schema: Schema;
  /** Lists: the item element name. Maps: the key and value element names. */
  readonly itemName: string;
  readonly keyName: string;
  readonly valueName: string;
  recentText = '';
  private builtTable: XmlStructureTable | undefined = undefined;
  private builtItem: DecodePlan | undefined = undefined;

  constructor(schema: Schema) {
    this.schema = schema;
    this.itemName = schema.kind === 'list' ? internalized(schema.memberName ?? 'member') : '';
    this.keyName = schema.kind === 'map' ? (schema.keyName ?? 'key') : '';
    this.valueName = schema.kind === 'map' ? (schema.valueName ?? 'value') : '';
    switch (schema.kind) {
      case 'string':
        this.kind = KIND_STRING;
        break;
      case 'structure':
        this.kind = KIND_STRUCTURE;
        break;
      case 'list':
        this.kind = KIND_LIST;
        break;
      case 'map':
        this.kind = KIND_MAP;
        break;
      default:
        this.kind = KIND_SCALAR;
    }
    this.scalar =
      schema.kind === 'boolean'
        ? SCALAR_BOOLEAN
        : schema.kind === 'integer' || schema.kind === 'long'
          ? SCALAR_INTEGER
          : schema.kind === 'timestamp'
            ? SCALAR_TIMESTAMP
            : SCALAR_OTHER;
  }

  /** Structures: the member lookup table. */
  table(): XmlStructureTable {
    this.builtTable ??= buildTable(this.schema as StructureSchema);
    return this.builtTable;
  }

  /** Lists: the plan of the items. Maps: the plan of the values. */
  item(): DecodePlan {
    if (this.builtItem === undefined) {
      const schema = this.schema;
      this.builtItem = planOf(
        resolveSchema(schema.kind === 'list' ? schema.member : schema.kind === 'map' ? schema.value : schema),
      );
    }
    return this.builtItem;
  }
}

const plans = new WeakMap<Schema, DecodePlan>();

export function planOf(schema: Schema): DecodePlan {
  let plan = plans.get(schema);
  if (plan === undefined) {
    plan = new DecodePlan(schema);
    plans.set(schema, plan);
  }
  return plan;
}

export function structureTable(schema: StructureSchema): XmlStructureTable {
  return planOf(schema).table();
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

/**
 * The same string as V8's unique copy (the one property keys use). Names from a generated schema are
 * built by slicing and joining (front-coded text), so each is a fresh, often rope-shaped string: used as
 * a key in `out[name] = value`, such a string is looked up in the string table on every store, and
 * compared by `startsWith` through its pieces. A property key is always the unique copy.
 */
function internalized(name: string): string {
  return Object.keys({ [name]: 0 })[0] ?? name;
}

function buildTable(schema: StructureSchema): XmlStructureTable {
  let size = 8;
  while (size < schema.members.length * 2) size *= 2;
  const mask = size - 1;
  const buckets: (XmlMemberEntry | undefined)[] = new Array(size).fill(undefined);
  let attributes: Map<string, XmlMemberEntry> | undefined;
  const elements: XmlMemberEntry[] = [];
  const seen = new Set<string>();
  for (const member of schema.members) {
    const target = memberSchema(member);
    const flattened =
      (target.kind === 'list' || target.kind === 'map') &&
      (memberHas(member, MEMBER_FLATTENED) || target.flattened === true);
    const xml = internalized(xmlName(member));
    const entry: XmlMemberEntry = {
      name: internalized(memberName(member)),
      xml,
      plan: planOf(target),
      flattened,
      next: undefined,
      following: undefined,
      recentText: '',
    };
    if (memberHas(member, MEMBER_XML_ATTRIBUTE)) {
      attributes ??= new Map();
      attributes.set(xml, entry);
      continue;
    }
    // The first member with a given element name wins (a model never has two).
    if (xml === '' || seen.has(xml)) continue;
    seen.add(xml);
    const index = bucketOf(xml.length, xml.charCodeAt(0), xml.charCodeAt(xml.length - 1)) & mask;
    entry.next = buckets[index];
    buckets[index] = entry;
    elements.push(entry);
  }
  return { Output: outputObjectConstructor(), buckets, mask, elements, attributes, first: undefined };
}
