// The errors resources throw on purpose: reading an attribute of an object that was never loaded, a
// load that finds nothing, and misuse (a missing identifier, a bad collection option). Service errors
// pass through unchanged as ServiceError.

import { BotoError } from '@boto-ts/core';

/** `Instance` -> `instance`: how the messages name a variable holding the resource. */
export function variableName(resourceName: string): string {
  return resourceName.charAt(0).toLowerCase() + resourceName.slice(1);
}

/**
 * An attribute, reference or data-sourced action was used on an object whose data was never loaded.
 * Resources never make a hidden network call: load first (`await instance.load()`), or get the object
 * from a collection or an action, which hand it over loaded.
 */
export class ResourceNotLoadedError extends BotoError {
  override readonly name: string = 'ResourceNotLoadedError';
  /** The resource (`Instance(id='i-0abc')`). */
  readonly resource: string;
  /** What was read (`state`). */
  readonly member: string;

  constructor(resource: string, member: string, remedy: string) {
    super(
      'ResourceNotLoaded',
      `${resource} is not loaded, so \`${member}\` cannot be read: ${remedy}. Reading attributes never makes a network call.`,
    );
    this.resource = resource;
    this.member = member;
  }
}

/** The load operation answered, but without this resource (an empty list: deleted, or not visible yet). */
export class ResourceNotFoundError extends BotoError {
  override readonly name: string = 'ResourceNotFoundError';
  readonly resource: string;
  /** The operation that was asked (`DescribeInstances`). */
  readonly operation: string;

  constructor(resource: string, operation: string, detail: string, options?: { cause?: unknown }) {
    super('ResourceNotFound', `${resource} was not found: ${operation} ${detail}`, options);
    this.resource = resource;
    this.operation = operation;
  }
}

export type ResourceErrorCode =
  /** An identifier is missing or not a non-empty string. */
  | 'MissingIdentifier'
  /** The resource type has no load operation (Route, KeyPair, RouteTableAssociation). */
  | 'ResourceNotLoadable'
  /** limit() or pageSize() with a value that is not a positive integer, or pageSize() on an operation that does not page. */
  | 'InvalidCollectionOption';

/** Misuse of a resource or collection, caught before anything is sent. */
export class ResourceError extends BotoError {
  override readonly name: string = 'ResourceError';
  declare readonly code: ResourceErrorCode;

  constructor(code: ResourceErrorCode, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
  }
}
