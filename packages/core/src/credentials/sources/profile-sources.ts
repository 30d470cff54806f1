// The sources that read one profile, in botocore's order: web identity, SSO, keys in the credentials
// file, credential_process, keys in the config file. Used for the session's profile and for a role's
// `source_profile`.

import type { CredentialSource } from '../source.js';
import type { SourceContext } from '../source-context.js';
import { credentialProcessSource } from './credential-process.js';
import { ssoSource } from './sso.js';
import { staticKeysSource } from './static-keys.js';
import { webIdentitySource } from './web-identity.js';

export function profileSources(
  context: SourceContext,
  profileName: string,
  options: { readonly useEnv: boolean },
): CredentialSource[] {
  const profile = () => context.profile(profileName);
  const files = () => context.sharedConfig();
  return [
    webIdentitySource(context, profile, options),
    ssoSource(profile, files, context.effects, context.home, context.ssoEndpointUrl),
    staticKeysSource('credentials-file', () => ({
      section: profile().credentialsSection,
      where: `profile "${profileName}" in ${files().credentialsFile.path}`,
    })),
    credentialProcessSource(profile, context.effects, context.processTimeoutMs),
    staticKeysSource('config-file', () => ({
      section: profile().configSection,
      where: `profile "${profileName}" in ${files().configFile.path}`,
    })),
  ];
}
