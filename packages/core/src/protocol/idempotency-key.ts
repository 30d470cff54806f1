// `idempotencyKey` (a call option): the caller's stable name for "this one creation", turned into the
// operation's idempotency token (`ClientToken`) deterministically, so the same key sends the same token
// on every run: a sweep re-run after a crash gets the service's earlier answer instead of a second
// instance. Works for any operation whose schema flags a member MEMBER_IDEMPOTENCY_TOKEN.

import { createHash } from 'node:crypto';
import { ValidationError } from '../errors/errors.js';
import {
  MEMBER_IDEMPOTENCY_TOKEN,
  memberHas,
  memberName,
  type OperationSchema,
  type ServiceSchema,
} from './schema.js';

/**
 * The token for `key` in one member of one operation: SHA-256 of the four, shaped as a UUID (RFC 9562
 * version 8, "custom"), since services cap tokens at 64 characters and some expect a UUID's shape.
 * The service and operation are part of it, so one key used for two kinds of creation never collides.
 */
export function idempotencyTokenFor(
  serviceId: string,
  operation: string,
  member: string,
  key: string,
): string {
  const hex = createHash('sha256')
    .update(`boto-ts idempotency v1\u0000${serviceId}\u0000${operation}\u0000${member}\u0000${key}`)
    .digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Returns `input` with each idempotency-token member the caller left unset filled from `key` (a token
 * the caller set wins). Throws ValidationError, before anything is sent, when the key is empty or the
 * operation has no token member (the call would otherwise look protected and not be).
 */
export function fillKeyedIdempotencyTokens<T extends object>(
  service: Pick<ServiceSchema, 'serviceId'>,
  operation: OperationSchema,
  input: T,
  key: string,
): T {
  const tokenMembers = (operation.input?.members ?? []).filter((m) => memberHas(m, MEMBER_IDEMPOTENCY_TOKEN));
  if (typeof key !== 'string' || key === '' || tokenMembers.length === 0) {
    const message =
      tokenMembers.length === 0
        ? `idempotencyKey was given, but ${operation.name} has no idempotency token member (such as ClientToken), so the key would not make it safe to repeat; leave idempotencyKey out for this operation`
        : 'idempotencyKey must be a non-empty string that names this one creation (for example a sweep id, the target and the step)';
    throw new ValidationError(operation.name, [{ path: '', message }]);
  }
  let filled: Record<string, unknown> | undefined;
  for (const member of tokenMembers) {
    const name = memberName(member);
    const current = (input as Record<string, unknown>)[name];
    if (current !== undefined && current !== null) continue;
    filled ??= { ...(input as Record<string, unknown>) };
    filled[name] = idempotencyTokenFor(service.serviceId, operation.name, name, key);
  }
  return (filled as T | undefined) ?? input;
}
