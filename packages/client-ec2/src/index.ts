// @boto-ts/client-ec2: EC2Client (one method per operation, schemas decoded on first use), every
// model shape as a type, and the errors a caller checks for. For bundles, see
// `@boto-ts/client-ec2/operations`.
export {
  type CallOptions,
  isDryRunOutcome,
  isServiceError,
  type ResponseMetadata,
  ServiceError,
  ValidationError,
  type WithMetadata,
} from '@boto-ts/core/client';
export type { RunInstancesCallOptions } from './customizations/index.js';
export * from './generated/index.js';
