// getWaiter(client, 'instanceRunning') and waitUntil(client, 'instanceRunning', input, options): the
// typed EC2 waiters by name, on an EC2Client (its methods) or a bare ServiceClient (the operation's
// schema is loaded on first use). For the smallest bundle, import one spec and call createWaiter.

import type { EC2OperationName } from '@boto-ts/client-ec2';
import { BotoError } from '@boto-ts/core';
import { type EC2WaiterName, ec2Waiters } from './generated/ec2/index.js';
import type { AnyWaiterSpec } from './spec.js';
import { type ClientFor, createWaiter, type WaitArgs, type WaiterOf, type WaiterResult } from './waiter.js';

/** A bare client's schema, from the client package's schema table, loaded only when first needed. */
async function loadSchema(operation: string) {
  const { loadEC2Operation } = await import('@boto-ts/client-ec2');
  return loadEC2Operation(operation as EC2OperationName);
}

/** The spec of the EC2 waiter `Name`. */
export type EC2WaiterSpec<Name extends EC2WaiterName> = (typeof ec2Waiters)[Name];

/** The waiter `getWaiter(client, name)` returns. */
export type EC2Waiter<Name extends EC2WaiterName> = WaiterOf<EC2WaiterSpec<Name>>;

/** What `waitUntil(client, name, ...)` resolves to. */
export type EC2WaiterResult<Name extends EC2WaiterName> =
  EC2Waiter<Name> extends { wait(...args: never[]): Promise<infer Result> } ? Result : WaiterResult<object>;

/** The input and options of the EC2 waiter `Name`. */
export type EC2WaitArgs<Name extends EC2WaiterName> =
  EC2WaiterSpec<Name> extends { readonly types?: { readonly input: infer Input } } ? WaitArgs<Input> : never;

/** An EC2 waiter by its camelCase model name: `getWaiter(ec2, 'instanceRunning').wait({ InstanceIds: [id] })`. */
export function getWaiter<Name extends EC2WaiterName>(
  client: ClientFor<EC2WaiterSpec<Name>>,
  name: Name,
): EC2Waiter<Name> {
  const spec: AnyWaiterSpec | undefined = Object.hasOwn(ec2Waiters, name) ? ec2Waiters[name] : undefined;
  if (!spec) {
    throw new BotoError(
      'UnknownWaiter',
      `No EC2 waiter is named ${JSON.stringify(name)}; use a camelCase model waiter name (instanceRunning, volumeAvailable, ...)`,
    );
  }
  const hasMethod = typeof (client as unknown as Record<string, unknown>)[spec.method] === 'function';
  const runnable = hasMethod ? spec : { ...spec, schema: () => loadSchema(spec.operation) };
  return createWaiter(client as ClientFor<AnyWaiterSpec>, runnable) as unknown as EC2Waiter<Name>;
}

/** `getWaiter(client, name).wait(input, options)` in one call; resolves with the final response. */
export function waitUntil<Name extends EC2WaiterName>(
  client: ClientFor<EC2WaiterSpec<Name>>,
  name: Name,
  ...args: EC2WaitArgs<Name>
): Promise<EC2WaiterResult<Name>> {
  const waiter = getWaiter(client, name) as unknown as {
    wait(...args: unknown[]): Promise<EC2WaiterResult<Name>>;
  };
  return waiter.wait(...args);
}
