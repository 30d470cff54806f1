// @boto-ts/ec2-local: a local Amazon EC2 endpoint for demos, tests and learning. It speaks the EC2
// query protocol (API 2016-11-15), verifies SigV4 with its own verifier, keeps state in memory and can
// inject faults. It shares no code with the SDK it serves.

export { SUPPORTED_ACTIONS } from './actions/registry.js';
export { type AccountOptions, DEFAULT_ACCOUNT_ID, DEFAULT_CREDENTIALS } from './auth/accounts.js';
export type { SignatureClaim } from './auth/claim.js';
export {
  type ComputedSignature,
  computeSignature,
  type SignedRequest,
  type SigningIdentity,
  type VerifyOptions,
  verifySigV4,
} from './auth/verifier.js';
export { FAULT_KINDS, type FaultKind, type FaultOptions } from './faults/faults.js';
export { Ec2Error } from './protocol/errors.js';
export { CONTROL_PREFIX } from './server/control.js';
export { API_VERSION, XML_NAMESPACE } from './server/handler.js';
export type { Ec2LocalOptions, Ec2LocalServer, InstanceSummary, RequestLogEntry } from './server/options.js';
export { startEc2Local } from './server/start.js';
export { DEFAULT_DELAYS, type StateDelays, type StateDelaysOption } from './state/delays.js';
export { CANNED_IMAGE_IDS, DEFAULT_IMAGE_ID, type ImageSpec } from './state/images.js';
export type { InstanceStateName } from './state/records.js';
