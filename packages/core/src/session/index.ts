// Public exports of core/session.
export { defaultSession, setupDefaultSession } from './default-session.js';
export {
  type ProviderCredentials,
  Session,
  type SessionEffects,
  type SessionOptions,
} from './session.js';
