// Public exports of core/credentials.
export { createCredentialChain } from './chain.js';
export { DEFAULT_CHAIN_ORDER } from './chain-order.js';
export type { CredentialEffects, ProcessResult, RunProcess } from './effects.js';
export {
  cacheCredentials,
  type RefreshingCacheOptions,
  RefreshingCredentialsCache,
} from './refreshing-cache.js';
export type { CredentialSource, Skipped, SourceOutcome } from './source.js';
export type { MfaCodeProvider } from './source-context.js';
export type { AssumeRoleParams, StsCalls, StsTarget, WebIdentityParams } from './sts-calls.js';
export type { Credentials, CredentialsProvider } from './types.js';
