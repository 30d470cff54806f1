// Public exports of core/endpoints: region -> endpoint URL through the services' rule sets.
export { type EndpointAuthScheme, readAuthSchemes } from './auth-schemes.js';
export {
  bindEndpointParams,
  type EndpointParameterSources,
  type EndpointParameterValue,
  type OperationEndpointContext,
  operationEndpointParams,
} from './endpoint-params.js';
export {
  findPartition,
  knownPartitions,
  type PartitionData,
  type PartitionMatch,
  type PartitionOutputs,
} from './partition.js';
export { splitFipsPseudoRegion, validateRegion } from './region.js';
export {
  applyHostPrefix,
  type EndpointService,
  type EndpointSettings,
  type ResolvedEndpoint,
  resolveEndpoint,
} from './resolve.js';
export type {
  Rule,
  RuleCondition,
  RuleExpression,
  RuleParameter,
  RuleSet,
  RuleSetEndpoint,
} from './rule-set.js';
export { RuleSetError, resolveRuleSet } from './rules-engine.js';
