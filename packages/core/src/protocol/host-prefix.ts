// Endpoint host prefixes (`endpoint.hostPrefix` in the model): a fixed prefix such as `data-`, or one
// with `{Label}` placeholders filled from host-label members of the input. The pipeline prepends the
// result to the endpoint's host name.

import { ValidationError } from '../errors/errors.js';
import type { OperationSchema } from './schema.js';
import { HOST_LABEL } from './validate.js';

/** The operation's host prefix with its labels filled (`foo.bar.`), or undefined when it has none. */
export function resolveHostPrefix(operation: OperationSchema, input: object): string | undefined {
  const prefix = operation.hostPrefix;
  if (prefix === undefined || prefix === '') return undefined;
  return prefix.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = (input as Record<string, unknown>)[name];
    if (typeof value !== 'string' || !HOST_LABEL.test(value))
      throw new ValidationError(operation.name, [
        {
          path: name,
          message:
            'must be a valid host name label (1-63 letters, digits or hyphens, not starting or ending with a hyphen): it becomes part of the endpoint host',
        },
      ]);
    return value;
  });
}
