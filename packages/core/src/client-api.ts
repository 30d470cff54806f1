// @boto-ts/core/client: the narrow entry point generated clients import. It holds only what a client
// module needs when it is loaded (ServiceClient, the schema format, the errors a caller checks for),
// so importing a client does not load the rest of core; the request pipeline loads on the first call.
// The same modules as the main entry: classes and schema objects are shared, never copied.

export { type DryRunOutcome, isDryRunOutcome } from './client/dry-run.js';
export type { ResponseMetadata, WithMetadata } from './client/metadata.js';
export type {
  Customization,
  DryRunFlag,
  DryRunResult,
  OperationTypesOf,
  Outcome,
  WithDryRun,
} from './client/method-types.js';
export { ServiceClient } from './client/service-client.js';
export type { CallOptions, ClientConfig } from './client/types.js';
export {
  BotoError,
  isServiceError,
  ServiceError,
  ValidationError,
  type ValidationProblem,
} from './errors/errors.js';
export {
  blobSchema,
  booleanSchema,
  doubleSchema,
  floatSchema,
  integerSchema,
  type ListSchema,
  longSchema,
  type MapSchema,
  MEMBER_BASE64_TEXT,
  type MemberSchema,
  memberHas,
  memberName,
  type OperationSchema,
  type ScalarSchema,
  type Schema,
  type SchemaRef,
  type ServiceSchema,
  type StructureSchema,
  stringSchema,
  timestampSchema,
} from './protocol/schema.js';
