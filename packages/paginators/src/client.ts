// The least a client must offer to be paginated: the operation's method by name (an EC2Client, or any
// object with `describeInstances(input, options)`), or `send(schema, input, options)` (a bare
// ServiceClient, given a spec that carries the operation's schema).

import {
  type CallOptions,
  callOperation as callWith,
  hasSend,
  type MethodClient,
  type SchemaSource,
  type SendClient,
} from '@boto-ts/core';
import { PaginationError } from './errors.js';

export type { MethodClient, SchemaSource, SendClient };

/** What `createPaginator` and `getPaginator` accept. */
export type PaginatorClient<Method extends string = string, Input = never, Output = unknown> =
  | SendClient
  | MethodClient<Method, Input, Output>;

/** Calls the operation the way the client allows, or says what the client lacks. */
export function callOperation(
  client: object,
  spec: { readonly operation: string; readonly method: string; readonly schema?: SchemaSource | undefined },
  input: object,
  options: CallOptions,
): Promise<object> {
  const call = callWith(client, spec, input, options);
  if (call) return call;
  throw new PaginationError(
    'PaginatorClientMismatch',
    spec.operation,
    hasSend(client)
      ? `the client has no ${spec.method}() method and the spec carries no schema; pass an EC2Client, or add the schema: { ...spec, schema: ${spec.operation}Operation } (from @boto-ts/client-ec2/operations)`
      : `the client has neither ${spec.method}() nor send(); pass an EC2Client or a ServiceClient`,
  );
}
