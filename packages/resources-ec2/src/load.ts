// load(): one call to the resource's load operation, its data picked out by the load path. Right after
// a create, EC2 may not see the new object yet (InvalidInstanceID.NotFound, or an empty list): then the
// call is retried a few times with doubling delays, each retry reported to the trace and logger.

import { isServiceError, type ServiceError } from '@boto-ts/core';
import { callMethod, type ResourceContext } from './context.js';
import type { LoadDefinition } from './definitions.js';
import { ResourceNotFoundError } from './errors.js';
import { buildParams, type ParamOwner } from './request-params.js';

export interface LoadOptions {
  /** Aborts the call in flight and any wait between retries. */
  readonly signal?: AbortSignal | undefined;
}

/** `InvalidInstanceID.NotFound`, `InvalidVpcID.NotFound`, `InvalidGroup.NotFound`, ... */
export function isNotFound(error: unknown): error is ServiceError {
  return isServiceError(error) && /NotFound$/.test(error.code);
}

export interface LoadTarget extends ParamOwner {
  /** `Instance(id='i-0abc')`, for messages. */
  readonly label: string;
  /** When the object was created by an action of this SDK (ms since the epoch), else undefined. */
  readonly createdAt: number | undefined;
}

function isObject(value: unknown): value is object {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Loads the data of `target`; retries a NotFound only while the object is fresh from a create. */
export async function loadData(
  context: ResourceContext,
  definition: LoadDefinition,
  target: LoadTarget,
  options: LoadOptions = {},
): Promise<object> {
  const input = buildParams(definition.params, target);
  const callOptions = options.signal ? { signal: options.signal } : undefined;
  const consistency = context.consistency;
  for (let attempt = 1; ; attempt++) {
    let missing: ResourceNotFoundError | ServiceError;
    try {
      const response = await callMethod(context, definition.method, input, callOptions);
      const data = definition.path(response);
      if (isObject(data)) return data;
      missing = new ResourceNotFoundError(
        target.label,
        definition.operation,
        `answered without it (${definition.expression} is empty): it was deleted, or was never visible to these credentials and region`,
      );
    } catch (error) {
      if (!isNotFound(error)) throw error;
      missing = error;
    }
    const age = target.createdAt === undefined ? undefined : context.now() - target.createdAt;
    if (
      consistency === undefined ||
      age === undefined ||
      age > consistency.windowMs ||
      attempt >= consistency.maxAttempts
    ) {
      throw missing;
    }
    const delayMs = consistency.delayMs * 2 ** (attempt - 1);
    context.report({
      type: 'eventualConsistency',
      operation: definition.operation,
      attempt,
      resource: target.label,
      code: missing.code,
      createdMsAgo: Math.round(age),
      nextDelayMs: delayMs,
      message: `${target.label} was created ${(age / 1000).toFixed(1)} s ago and ${definition.operation} does not see it yet (${missing.code}); EC2 is eventually consistent, so load() retries in ${delayMs} ms (attempt ${attempt + 1} of ${consistency.maxAttempts})`,
    });
    await context.sleep(delayMs, options.signal);
  }
}
