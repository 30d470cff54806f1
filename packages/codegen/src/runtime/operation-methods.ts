// Turns an operation schema into a per-operation function (`describeInstances(client, input)`) that
// sends it through ServiceClient.send after the operation's customization (if any); the function's
// signature is typed by method-types.ts.

import type { CallOptions, OperationSchema, ServiceClient } from '@boto-ts/core';

/**
 * A hand-written change to one call before it is sent (RunInstances UserData): returns the schema
 * and input to send, never mutating the caller's input.
 */
export type Customization = (
  operation: OperationSchema,
  input: object | undefined,
  options: CallOptions | undefined,
) => { readonly operation: OperationSchema; readonly input: object | undefined };

/**
 * A function that sends `operation` through any ServiceClient: `describeInstances(client, input, options)`.
 * `Signature` is the typed call signature from method-types.ts.
 */
export function operationFunction<Signature>(
  operation: OperationSchema,
  customize?: Customization,
): Signature {
  const call = (client: ServiceClient, input?: object, options?: CallOptions): Promise<unknown> => {
    const customized = customize ? customize(operation, input, options) : { operation, input };
    return client.send(customized.operation, customized.input ?? {}, options);
  };
  return call as Signature;
}
