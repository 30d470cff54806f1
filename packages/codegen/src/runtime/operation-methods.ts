// Turns operation schemas into callable methods and functions, so generated code stays a table:
// each method or function sends its operation through ServiceClient.send, after the operation's
// customization (if any). The signatures are typed by method-types.ts.

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

/** Sends operation `name` through `client`, resolving its schema however the client keeps them. */
export type OperationSender = (
  client: ServiceClient,
  name: string,
  input: object | undefined,
  options: CallOptions | undefined,
  customize?: Customization,
) => Promise<unknown>;

/** `DescribeInstances` -> `describeInstances`. */
export function methodName(operation: string): string {
  return operation.charAt(0).toLowerCase() + operation.slice(1);
}

/**
 * Defines one method per operation on `prototype` (a ServiceClient subclass): `describeInstances`
 * sends `DescribeInstances`. Each method is a named function, so stack traces show its name.
 */
export function defineOperationMethods(
  prototype: ServiceClient,
  operations: readonly string[],
  send: OperationSender,
  customizations: Readonly<Record<string, Customization>>,
): void {
  for (const operation of operations) {
    const name = methodName(operation);
    const customize = customizations[operation];
    const method = {
      [name](this: ServiceClient, input?: object, options?: CallOptions): Promise<unknown> {
        return send(this, operation, input, options, customize);
      },
    }[name];
    Object.defineProperty(prototype, name, {
      value: method,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
}

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
