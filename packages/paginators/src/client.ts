// The least a client must offer to be paginated: the operation's method by name (an EC2Client, or any
// object with `describeInstances(input, options)`), or `send(schema, input, options)` (a bare
// ServiceClient, given a spec that carries the operation's schema).

import type { CallOptions, OperationSchema } from '@boto-ts/core';
import { PaginationError } from './errors.js';

/** A client with `send`: every ServiceClient, EC2Client included. */
export interface SendClient {
  send(operation: OperationSchema, input: object, options?: CallOptions): Promise<object>;
}

/** A client with the operation's method (`describeInstances`). */
export type MethodClient<Method extends string, Input, Output> = {
  readonly [K in Method]: (input: Input, options?: CallOptions) => Promise<Output>;
};

/** What `createPaginator` and `getPaginator` accept. */
export type PaginatorClient<Method extends string = string, Input = never, Output = unknown> =
  | SendClient
  | MethodClient<Method, Input, Output>;

/** An operation's schema, or a function loading it on first use. */
export type SchemaSource = OperationSchema | (() => Promise<OperationSchema>);

/** Calls the operation the way the client allows: its method when it has one, else `send`. */
export async function callOperation(
  client: object,
  spec: { readonly operation: string; readonly method: string; readonly schema?: SchemaSource | undefined },
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
  throw new PaginationError(
    'PaginatorClientMismatch',
    spec.operation,
    typeof send === 'function'
      ? `the client has no ${spec.method}() method and the spec carries no schema; pass an EC2Client, or add the schema: { ...spec, schema: ${spec.operation}Operation } (from @boto-ts/client-ec2/operations)`
      : `the client has neither ${spec.method}() nor send(); pass an EC2Client or a ServiceClient`,
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
