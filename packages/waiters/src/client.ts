// The least a client must offer to be waited on: the operation's method by name (an EC2Client), or
// `send(schema, input, options)` (a bare ServiceClient, given a spec that carries the schema).

import { BotoError, type CallOptions, type OperationSchema } from '@boto-ts/core';

/** A client with `send`: every ServiceClient, EC2Client included. */
export interface SendClient {
  send(operation: OperationSchema, input: object, options?: CallOptions): Promise<object>;
}

/** A client with the operation's method (`describeInstances`). */
export type MethodClient<Method extends string, Input, Output> = {
  readonly [K in Method]: (input: Input, options?: CallOptions) => Promise<Output>;
};

export type WaiterClient<Method extends string = string, Input = never, Output = unknown> =
  | SendClient
  | MethodClient<Method, Input, Output>;

/** An operation's schema, or a function loading it on first use. */
export type SchemaSource = OperationSchema | (() => Promise<OperationSchema>);

/** Calls the operation the way the client allows: its method when it has one, else `send`. */
export async function callOperation(
  client: object,
  spec: { readonly name: string; readonly method: string; readonly schema?: SchemaSource | undefined },
  input: object,
  options: CallOptions,
): Promise<object> {
  const method = (client as Record<string, unknown>)[spec.method];
  if (typeof method === 'function') {
    return (method as (input: object, options: CallOptions) => Promise<object>).call(client, input, options);
  }
  const send = (client as Partial<SendClient>).send;
  if (typeof send === 'function' && spec.schema) {
    const schema = typeof spec.schema === 'function' ? await spec.schema() : spec.schema;
    return send.call(client, schema, input, options);
  }
  throw new BotoError(
    'WaiterClientMismatch',
    `Waiter ${spec.name}: the client has ${
      typeof send === 'function'
        ? 'only send() and the spec carries no schema'
        : `neither ${spec.method}() nor send()`
    }; pass an EC2Client, or a ServiceClient with a spec that has the operation's schema`,
  );
}

/**
 * Settles with `call`, or rejects with the abort reason as soon as `signal` aborts, even when the
 * client does not watch the signal itself (its late answer is then ignored).
 */
export function untilAborted<T>(call: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return call;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    call.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
