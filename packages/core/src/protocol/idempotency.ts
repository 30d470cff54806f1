// Idempotency tokens (`ClientToken` and the like): filled with a fresh UUID v4 when the caller left them
// out, once per call, before the first attempt, so every retry sends the same token and the service
// runs the request at most once. Only top-level input members carry tokens (as in botocore and the v3 SDK).

import { randomUUID } from 'node:crypto';
import { MEMBER_IDEMPOTENCY_TOKEN, memberHas, memberName, type OperationSchema } from './schema.js';

/**
 * Returns `input` unchanged when every token member is set, else a shallow copy with the missing ones
 * filled by `uuid` (default: node:crypto randomUUID). Never mutates the caller's object.
 */
export function fillIdempotencyTokens<T extends object>(
  operation: OperationSchema,
  input: T,
  uuid: () => string = randomUUID,
): T {
  const schema = operation.input;
  if (schema === undefined) return input;
  let filled: Record<string, unknown> | undefined;
  for (const member of schema.members) {
    if (!memberHas(member, MEMBER_IDEMPOTENCY_TOKEN)) continue;
    const name = memberName(member);
    const current = (input as Record<string, unknown>)[name];
    if (current !== undefined && current !== null) continue;
    filled ??= { ...(input as Record<string, unknown>) };
    filled[name] = uuid();
  }
  return (filled as T | undefined) ?? input;
}
