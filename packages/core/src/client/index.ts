export { type DryRunOutcome, isDryRunOutcome } from './dry-run.js';
export type { ResponseMetadata, WithMetadata } from './metadata.js';
export {
  callOperation,
  hasSend,
  type MethodClient,
  type SchemaSource,
  type SendClient,
  untilAborted,
} from './operation-call.js';
export { ServiceClient } from './service-client.js';
export type {
  CallOptions,
  ClientConfig,
  ClientDefaults,
  ClientEffects,
  Logger,
  RetryMode,
  SessionLike,
  TraceEvent,
} from './types.js';
export { buildUserAgent } from './user-agent.js';
export { SDK_VERSION } from './version.js';
