// What the credential sources need from the session that builds them: effects, the shared config
// (loaded on first use), the selected profile's settings, STS and SSO targets, and user callbacks.

import type { SettingsSource } from '../config/settings.js';
import type { Profile, SharedConfig } from '../config/shared-config.js';
import type { CredentialEffects } from './effects.js';
import type { ContainerOptions } from './sources/container.js';
import type { StsCalls, StsTarget } from './sts-calls.js';

/** Asked for the current code of an MFA device (`mfa_serial`) before AssumeRole. */
export type MfaCodeProvider = (serialNumber: string) => Promise<string>;

export interface SourceContext {
  readonly effects: CredentialEffects;
  /** The home directory (for `~/.aws/sso/cache`). */
  readonly home: string;
  /** Both shared files, read and parsed on first use. */
  readonly sharedConfig: () => SharedConfig;
  /** A profile by name; ConfigError listing the profiles that exist when there is none. */
  readonly profile: (name: string) => Profile;
  /** The session's environment and profile, for settings (IMDS endpoint, timeouts...). */
  readonly settings: () => SettingsSource;
  /** Region and endpoint for STS calls. */
  readonly stsTarget: () => StsTarget;
  /** A configured endpoint URL for the SSO portal (`AWS_ENDPOINT_URL_SSO`...), if any. */
  readonly ssoEndpointUrl: () => string | undefined;
  readonly sts: StsCalls;
  readonly mfaCodeProvider?: MfaCodeProvider | undefined;
  /** How long `credential_process` may run. */
  readonly processTimeoutMs: number;
  /** Container endpoint overrides (tests point the relative-URI host at loopback). */
  readonly container?: ContainerOptions | undefined;
}
