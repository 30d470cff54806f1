// Turns operation schemas into callable methods and functions, so generated code stays a table:
// each method or function sends its operation through ServiceClient.send, after the operation's
// input customization (if any). The signatures are typed by method-types.ts.

import type { CallOptions, OperationSchema, ServiceClient } from '@boto-ts/core';

/** Returns the input to send (a copy when it changes anything); e.g. RunInstances UserData encoding. */
export type InputCustomization = (input: never, options: never) => unknown;

/** Sends operation `name` through `client`, resolving its schema however the client keeps them. */
export type OperationSender = (
  client: ServiceClient,
  name: string,
  input: object | undefined,
  options: CallOptions | undefined,
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
  customizations: Readonly<Record<string, InputCustomization>>,
): void {
  for (const operation of operations) {
    const name = methodName(operation);
    const customize = customizations[operation] as
      | ((input: object | undefined, options: CallOptions | undefined) => object | undefined)
      | undefined;
    const method = {
      [name](this: ServiceClient, input?: object, options?: CallOptions): Promise<unknown> {
        return send(this, operation, customize ? customize(input, options) : input, options);
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
  customize?: InputCustomization,
): Signature {
  const apply = customize as
    | ((input: object | undefined, options: CallOptions | undefined) => object | undefined)
    | undefined;
  const call = (client: ServiceClient, input?: object, options?: CallOptions): Promise<unknown> =>
    client.send(operation, (apply ? apply(input, options) : input) ?? {}, options);
  return call as Signature;
}
