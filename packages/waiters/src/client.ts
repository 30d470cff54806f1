// The least a client must offer to be waited on: the operation's method by name (an EC2Client), or
// `send(schema, input, options)` (a bare ServiceClient, given a spec that carries the schema).

import {
  BotoError,
  type CallOptions,
  callOperation as callWith,
  hasSend,
  type MethodClient,
  type SchemaSource,
  type SendClient,
} from '@boto-ts/core';

export type { MethodClient, SchemaSource, SendClient };

export type WaiterClient<Method extends string = string, Input = never, Output = unknown> =
  | SendClient
  | MethodClient<Method, Input, Output>;

/** Calls the operation the way the client allows, or says what the client lacks. */
export function callOperation(
  client: object,
  spec: { readonly name: string; readonly method: string; readonly schema?: SchemaSource | undefined },
  input: object,
  options: CallOptions,
): Promise<object> {
  const call = callWith(client, spec, input, options);
  if (call) return call;
  throw new BotoError(
    'WaiterClientMismatch',
    `Waiter ${spec.name}: the client has ${
      hasSend(client) ? 'only send() and the spec carries no schema' : `neither ${spec.method}() nor send()`
    }; pass an EC2Client, or a ServiceClient with a spec that has the operation's schema`,
  );
}
