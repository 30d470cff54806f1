// A target's key: the stable string a checkpoint files its state under and idempotency keys are built
// from. Strings are their own key; plain objects of strings, numbers and booleans (`{ accountId, region }`)
// are keyed by their fields in name order; anything else needs the caller's `targetKey`.

import { FanOutError } from './errors.js';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** `us-east-1` -> `us-east-1`; `{ region: 'us-east-1', accountId: '1111' }` -> `accountId=1111/region=us-east-1`. */
export function defaultTargetKey(target: unknown): string {
  if (typeof target === 'string') return target;
  if (typeof target === 'number' && Number.isFinite(target)) return String(target);
  if (isPlainObject(target)) {
    const parts: string[] = [];
    for (const name of Object.keys(target).sort()) {
      const value = target[name];
      if (value === undefined) continue;
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new FanOutError(
          'TargetKeyRequired',
          `A target's "${name}" is not a string, number or boolean, and the default key reads only those; pass targetKey: (target) => string to fanOut.`,
        );
      }
      parts.push(`${name}=${String(value)}`);
    }
    if (parts.length > 0) return parts.join('/');
  }
  throw new FanOutError(
    'TargetKeyRequired',
    'fanOut cannot name this target by default (it is not a string or a plain object of strings and numbers); pass targetKey: (target) => string.',
  );
}

/** The account a target belongs to, for the per-account bound: its `accountId` field, when it has one. */
export function defaultAccountOf(target: unknown): string | undefined {
  if (isPlainObject(target) && typeof target['accountId'] === 'string') return target['accountId'];
  return undefined;
}
