export type { ResponseMetadata, WithMetadata } from './metadata.js';
export { ServiceClient } from './service-client.js';
export type {
  CallOptions,
  ClientConfig,
  ClientDefaults,
  Logger,
  RetryMode,
  SessionLike,
  TraceEvent,
} from './types.js';
