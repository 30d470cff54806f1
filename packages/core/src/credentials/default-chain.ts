// The default credential chain in botocore's order: environment keys, assume-role profile, web identity,
// SSO, keys in the credentials file, credential_process, keys in the config file, container
// credentials, instance metadata (the names, in order: chain-order.ts). Loaded on the first lookup
// that reaches the chain (default-chain-loader.ts).

import { type CredentialSource, skip } from './source.js';
import type { SourceContext } from './source-context.js';
import { assumeRoleSource } from './sources/assume-role.js';
import { containerSource } from './sources/container.js';
import { environmentSource } from './sources/environment.js';
import { imdsSource, readImdsSettings } from './sources/imds.js';
import { profileSources } from './sources/profile-sources.js';

export function defaultChainSources(
  context: SourceContext,
  profileName: string,
  options: {
    /** False when the profile was chosen in code: environment keys then do not override it (botocore). */
    readonly useEnv: boolean;
  },
): CredentialSource[] {
  const environment: CredentialSource = options.useEnv
    ? environmentSource(context.effects.env)
    : {
        name: 'environment',
        load: async () => skip(`not used: profile "${profileName}" was chosen in code`),
      };
  return [
    environment,
    assumeRoleSource(context, profileName),
    ...profileSources(context, profileName, options),
    containerSource(context.effects, context.container),
    imdsSource(context.effects, () => readImdsSettings(context.settings())),
  ];
}
