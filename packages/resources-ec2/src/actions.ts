// Runs an action: the resource's parameters placed, the caller's input merged over them, one call on
// the client, then (for creating actions) the new resources built from the response. A dry run
// resolves to the DryRunOutcome as the client gives it.

import { type CallOptions, isDryRunOutcome } from '@boto-ts/core';
import { type BuiltResource, buildResources } from './build-resources.js';
import { callMethod, type ResourceContext } from './context.js';
import type { ActionDefinition } from './definitions.js';
import { ResourceError } from './errors.js';
import { buildParams, mergeInput, type ParamOwner } from './request-params.js';

/** Makes one object of the action's result class; `createdAt` marks it fresh for load(). */
export type CreateResource<R> = (built: BuiltResource, createdAt: number) => R;

export async function runAction<R>(
  context: ResourceContext,
  definition: ActionDefinition,
  owner: ParamOwner,
  input: object | undefined,
  options: CallOptions | undefined,
  create?: CreateResource<R>,
): Promise<unknown> {
  const request = mergeInput(
    buildParams(definition.params, owner),
    input as Record<string, unknown> | undefined,
  );
  const response = await callMethod(context, definition.method, request, options);
  const result = definition.result;
  if (isDryRunOutcome(response) || result === undefined || create === undefined) return response;
  const createdAt = context.now();
  const objects = buildResources(result, { source: response, request, parent: owner.identifiers }).map(
    (built) => create(built, createdAt),
  );
  if (result.plural) return objects;
  if (objects.length === 0) {
    throw new ResourceError(
      'MissingIdentifier',
      `${definition.operation} succeeded but its response names no ${result.type}, so no object can be returned; the raw call is ec2.${definition.method}(...)`,
    );
  }
  return objects[0];
}
