// @boto-ts/resources-ec2: typed boto3-style resources for EC2. `new EC2Resource({ session })`, then
// `resource.Instance(id)`, `resource.createInstances(...)`, `resource.instances.filter(...)`.
export type { AsDryRun, NotDryRun } from './action-types.js';
export {
  type CollectionIterateOptions,
  type CollectionQuery,
  MAX_BATCH_SIZE,
  ResourceCollection,
} from './collection.js';
export type { CollectionSource } from './collection-source.js';
export {
  type ConsistencyOptions,
  DEFAULT_CONSISTENCY,
  type ResourceContext,
  type ResourceOptions,
} from './context.js';
export type {
  ActionDefinition,
  CollectionDefinition,
  CompiledPath,
  IdentifierSource,
  LoadDefinition,
  ParamDefinition,
  ParamTarget,
  ReferenceDefinition,
  RequestDefinition,
  ResourceDefinition,
  ResourceTables,
  ResultDefinition,
  ServiceTables,
  WaiterDefinition,
} from './definitions.js';
export {
  ResourceError,
  type ResourceErrorCode,
  ResourceNotFoundError,
  ResourceNotLoadedError,
} from './errors.js';
export * from './generated/index.js';
export type { LoadOptions } from './load.js';
export { Resource, type ResourceMeta, type ResourceOrigin } from './resource.js';
export { type EC2ResourceOptions, ServiceResource } from './service-resource.js';
