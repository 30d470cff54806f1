// Acceptor matching, as botocore and the Smithy waiter rules define it: path matchers look at a
// successful output only; pathAll and pathAny need a non-empty list; status looks at the HTTP status of
// either outcome; error looks at the service error code. Pure functions, no I/O.

import type { ServiceError } from '@boto-ts/core';
import type { Acceptor } from './spec.js';

/** What one attempt produced: an output, or a service error. */
export type Outcome =
  | { readonly output: object; readonly error?: undefined }
  | { readonly output?: undefined; readonly error: ServiceError };

/** JSON-style deep equality (the JMESPath `==`). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object' && !Array.isArray(b)) {
    const keys = Object.keys(a);
    return (
      keys.length === Object.keys(b).length &&
      keys.every(
        (key) =>
          Object.hasOwn(b, key) &&
          sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
      )
    );
  }
  return false;
}

/** Evaluates a compiled path; a JMESPath type error (e.g. `length(null)`) means "no value", not a crash. */
export function evaluatePath(
  path: (output: unknown) => unknown,
  output: unknown,
): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: path(output) };
  } catch {
    return { ok: false };
  }
}

function statusOf(outcome: Outcome): number | undefined {
  if (outcome.error) return outcome.error.statusCode;
  const metadata = (outcome.output as { $metadata?: { httpStatusCode?: number } }).$metadata;
  // A successful call without metadata (a client that does not report it) answered 200.
  return metadata?.httpStatusCode ?? 200;
}

export function acceptorMatches(acceptor: Acceptor, outcome: Outcome): boolean {
  switch (acceptor.matcher) {
    case 'status':
      return statusOf(outcome) === acceptor.expected;
    case 'error':
      if (acceptor.expected === true) return outcome.error !== undefined;
      if (acceptor.expected === false) return outcome.error === undefined;
      return outcome.error?.code === acceptor.expected;
    default: {
      if (outcome.error) return false;
      const result = evaluatePath(acceptor.path, outcome.output);
      if (!result.ok) return false;
      const { value } = result;
      if (acceptor.matcher === 'path') return sameValue(value, acceptor.expected);
      // pathAll / pathAny: only a non-empty list can match (an empty list is not "all running").
      if (!Array.isArray(value) || value.length === 0) return false;
      return acceptor.matcher === 'pathAll'
        ? value.every((element) => sameValue(element, acceptor.expected))
        : value.some((element) => sameValue(element, acceptor.expected));
    }
  }
}

/** The first acceptor, in model order, that matches; undefined when none does. */
export function firstMatch(
  acceptors: readonly Acceptor[],
  outcome: Outcome,
): { readonly acceptor: Acceptor; readonly index: number } | undefined {
  const index = acceptors.findIndex((acceptor) => acceptorMatches(acceptor, outcome));
  return index === -1 ? undefined : { acceptor: acceptors[index]!, index };
}

/** `pathAny Reservations[].Instances[].State.Name == "terminated"`, `error InvalidInstanceID.NotFound`. */
export function describeAcceptor(acceptor: Acceptor): string {
  switch (acceptor.matcher) {
    case 'status':
      return `status ${acceptor.expected}`;
    case 'error':
      return acceptor.expected === true
        ? 'any error'
        : acceptor.expected === false
          ? 'no error'
          : `error ${acceptor.expected}`;
    default:
      return `${acceptor.matcher} ${acceptor.argument} == ${JSON.stringify(acceptor.expected)}`;
  }
}
