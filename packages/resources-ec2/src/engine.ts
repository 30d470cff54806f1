// What the generated classes import from the hand-written engine, in one place.
export type { AsDryRun, NotDryRun } from './action-types.js';
export { type CollectionQuery, ResourceCollection } from './collection.js';
export type { CollectionSource } from './collection-source.js';
export type { ResourceContext } from './context.js';
export type {
  ActionDefinition,
  CollectionDefinition,
  ReferenceDefinition,
  RequestDefinition,
  ResourceDefinition,
  ResourceTables,
  ServiceTables,
  WaiterDefinition,
} from './definitions.js';
export { construct, Resource, type ResourceOrigin } from './resource.js';
export { type EC2ResourceOptions, ServiceResource } from './service-resource.js';
