// Structure members by property name, built once per schema and cached by identity: the validator and
// the serializer walk the caller's keys (in the caller's order) and look each one up here.

import { type MemberSchema, memberName, type StructureSchema } from './schema.js';

const indexes = new WeakMap<StructureSchema, ReadonlyMap<string, MemberSchema>>();

export function membersByName(schema: StructureSchema): ReadonlyMap<string, MemberSchema> {
  let index = indexes.get(schema);
  if (index === undefined) {
    index = new Map(schema.members.map((member) => [memberName(member), member]));
    indexes.set(schema, index);
  }
  return index;
}
