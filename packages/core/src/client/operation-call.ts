// Calling one operation on whatever client a helper (paginator, waiter, resource) is given: the
// operation's method by name (an EC2Client), else `send(schema, ...)` (a bare ServiceClient), plus
// an abort race for clients that do not watch the signal themselves.

import type { OperationSchema } from '../protocol/schema.js';
import type { CallOptions } from './types.js';

/** A client with `send`: every ServiceClient, EC2Client included. */
export interface SendClient {
  send(operation: OperationSchema, input: object, options?: CallOptions): Promise<object>;
}

/** A client with the operation's method (`describeInstances`). */
export type MethodClient<Method extends string, Input, Output> = {
  readonly [K in Method]: (input: Input, options?: CallOptions) => Promise<Output>;
};

/** An operation's schema, or a function loading it on first use. */
export type SchemaSource = OperationSchema | (() => Promise<OperationSchema>);

/**
 * Calls the operation the way the client allows: its method when it has one, else `send` with the
 * schema. Undefined when the client offers neither, so the caller can raise its own error.
 */
export function callOperation(
  client: object,
  target: { readonly method: string; readonly schema?: SchemaSource | undefined },
  input: object,
  options: CallOptions,
): Promise<object> | undefined {
  const method = (client as Record<string, unknown>)[target.method];
  if (typeof method === 'function') {
    return (method as (input: object, options: CallOptions) => Promise<object>).call(client, input, options);
  }
  const send = (client as Partial<SendClient>).send;
  const { schema } = target;
  if (typeof send !== 'function' || schema === undefined) return undefined;
  if (typeof schema !== 'function') return send.call(client, schema, input, options);
  return schema().then((loaded) => send.call(client, loaded, input, options));
}

/** Whether `client` has a `send` method (a ServiceClient). */
export function hasSend(client: object): client is SendClient {
  return typeof (client as Partial<SendClient>).send === 'function';
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
