// What a collection is made from: the context, the collection's definition, and the resource (or the
// service) whose identifiers fill in its request. Kept apart so resources and collections can both
// refer to it without importing each other.

import type { ResourceContext } from './context.js';
import type { CollectionDefinition } from './definitions.js';
import type { ParamOwner } from './request-params.js';

export interface CollectionSource {
  readonly context: ResourceContext;
  readonly definition: CollectionDefinition;
  readonly owner: ParamOwner;
}
