// Public exports of core/session.

export type { AccountLister, AccountsOptions, OrganizationAccount } from './accounts.js';
export type { AssumeRoleOptions } from './assumed-role.js';
export type { AvailableRegionsOptions, RegionalService } from './available-regions.js';
export { defaultSession, setupDefaultSession } from './default-session.js';
export type { EnabledRegionsOptions } from './enabled-regions.js';
export { isOptInRegion, OPT_IN_REGIONS } from './opt-in-regions.js';
export {
  type ProviderCredentials,
  Session,
  type SessionEffects,
  type SessionOptions,
} from './session.js';
