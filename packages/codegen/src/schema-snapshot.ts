// Turns a schema graph into plain data for deep comparison: thunks are resolved, and a structure met
// again inside itself becomes `{ $recursive: name }`, so recursive shapes compare without looping.

import type { OperationSchema, Schema, SchemaRef } from '@boto-ts/core';

export function schemaSnapshot(ref: SchemaRef, path: readonly Schema[] = []): unknown {
  const schema = typeof ref === 'function' ? ref() : ref;
  if (path.includes(schema)) return { $recursive: schema.kind === 'structure' ? schema.name : schema.kind };
  const inner = [...path, schema];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (value === undefined) continue;
    if (key === 'members' && Array.isArray(value))
      out[key] = value.map((member: readonly unknown[]) =>
        member.map((slot, i) => (i === 1 ? schemaSnapshot(slot as SchemaRef, inner) : slot)),
      );
    else if (key === 'member' || key === 'key' || key === 'value')
      out[key] = schemaSnapshot(value as SchemaRef, inner);
    else out[key] = value;
  }
  return out;
}

export function operationSnapshot(operation: OperationSchema): unknown {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(operation)) {
    if (value === undefined) continue;
    if (key === 'input' || key === 'output') out[key] = schemaSnapshot(value as Schema);
    else if (key === 'errors') out[key] = (value as Schema[]).map((error) => schemaSnapshot(error));
    else out[key] = value;
  }
  return out;
}
