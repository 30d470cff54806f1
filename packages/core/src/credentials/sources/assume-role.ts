// Assume-role profiles: `role_arn` with `source_profile` (itself keys, SSO, a process... or another
// role: chains) or `credential_source` (Environment | Ec2InstanceMetadata | EcsContainer), plus
// `external_id`, `role_session_name`, `duration_seconds`, `mfa_serial` (asks the MFA-code callback).
// A source_profile loop is detected before any call and named.

import type { Profile } from '../../config/shared-config.js';
import { ConfigError, CredentialsError } from '../../errors/errors.js';
import { createCredentialChain } from '../chain.js';
import { cacheCredentials } from '../refreshing-cache.js';
import { type CredentialSource, skip } from '../source.js';
import type { SourceContext } from '../source-context.js';
import type { Credentials, CredentialsProvider } from '../types.js';
import { containerSource } from './container.js';
import { environmentSource } from './environment.js';
import { imdsSource, readImdsSettings } from './imds.js';
import { profileSources } from './profile-sources.js';
import { defaultRoleSessionName, readDurationSeconds } from './role-settings.js';

/** True when a profile is an assume-role profile (web identity profiles also set role_arn). */
export function isAssumeRoleProfile(profile: Profile): boolean {
  return profile.get('role_arn') !== undefined && profile.get('web_identity_token_file') === undefined;
}

function hasStaticKeys(profile: Profile): boolean {
  return profile.get('aws_access_key_id') !== undefined;
}

function credentialSourceFor(context: SourceContext, profile: Profile, name: string): CredentialSource {
  switch (name) {
    case 'Environment':
      return environmentSource(context.effects.env);
    case 'Ec2InstanceMetadata':
      return imdsSource(context.effects, () => readImdsSettings(context.settings()));
    case 'EcsContainer':
      return containerSource(context.effects, context.container);
    default:
      throw new ConfigError(
        `credential_source in profile "${profile.name}" is "${name}"; use Environment, Ec2InstanceMetadata or EcsContainer.`,
        { code: 'InvalidConfigValue' },
      );
  }
}

/** The credentials a role is assumed with, cached (they may themselves expire). */
function sourceCredentials(
  context: SourceContext,
  profile: Profile,
  visited: readonly string[],
): CredentialsProvider {
  const sourceName = profile.get('source_profile');
  const credentialSource = profile.get('credential_source');
  if (sourceName !== undefined && credentialSource !== undefined) {
    throw new ConfigError(
      `Profile "${profile.name}" sets both source_profile and credential_source; keep one.`,
      { code: 'InvalidAssumeRoleConfig' },
    );
  }
  if (credentialSource !== undefined) {
    const chain = createCredentialChain([credentialSourceFor(context, profile, credentialSource)], {
      context: `credential_source ${credentialSource} of profile "${profile.name}"`,
    });
    return cacheCredentials(chain, cacheOptions(context, `credential_source ${credentialSource}`));
  }
  if (sourceName === undefined) {
    throw new ConfigError(
      `Profile "${profile.name}" sets role_arn but neither source_profile nor credential_source; add one.`,
      { code: 'InvalidAssumeRoleConfig' },
    );
  }
  const source = context.profile(sourceName);
  const selfWithKeys = sourceName === profile.name && hasStaticKeys(source);
  if (visited.includes(sourceName) && !selfWithKeys) {
    throw new ConfigError(`source_profile loop: ${[...visited, sourceName].join(' -> ')}. Break the cycle.`, {
      code: 'SourceProfileLoop',
    });
  }
  if (isAssumeRoleProfile(source) && !hasStaticKeys(source)) {
    return cacheCredentials(
      roleFetcher(context, source, [...visited, sourceName]),
      cacheOptions(context, `role of profile "${sourceName}"`),
    );
  }
  const chain = createCredentialChain(profileSources(context, sourceName, { useEnv: false }), {
    context: `source_profile "${sourceName}" of profile "${profile.name}"`,
  });
  return cacheCredentials(chain, cacheOptions(context, `source_profile "${sourceName}"`));
}

function cacheOptions(context: SourceContext, source: string) {
  return {
    source,
    now: context.effects.now,
    random: context.effects.random,
    logger: context.effects.logger,
  };
}

/** An uncached fetch of the role's credentials (the caller caches). Validates the chain eagerly. */
export function roleFetcher(
  context: SourceContext,
  profile: Profile,
  visited: readonly string[],
): CredentialsProvider {
  const roleArn = profile.get('role_arn') as string;
  const source = sourceCredentials(context, profile, visited);
  const durationSeconds = readDurationSeconds(profile);
  return async (): Promise<Credentials> => {
    const serialNumber = profile.get('mfa_serial');
    let tokenCode: string | undefined;
    if (serialNumber !== undefined) {
      if (!context.mfaCodeProvider) {
        throw new CredentialsError(
          `Profile "${profile.name}" needs an MFA code (mfa_serial is set); pass mfaCodeProvider to the Session.`,
          { code: 'MfaCodeRequired' },
        );
      }
      tokenCode = (await context.mfaCodeProvider(serialNumber)).trim();
    }
    return context.sts.assumeRole(
      {
        roleArn,
        roleSessionName: profile.get('role_session_name') ?? defaultRoleSessionName(context.effects.now()),
        externalId: profile.get('external_id'),
        durationSeconds,
        serialNumber,
        tokenCode,
      },
      source,
      context.stsTarget(),
    );
  };
}

export function assumeRoleSource(context: SourceContext, profileName: string): CredentialSource {
  let fetch: CredentialsProvider | undefined;
  return {
    name: 'assume-role',
    async load() {
      const profile = context.profile(profileName);
      if (!isAssumeRoleProfile(profile)) return skip(`no role_arn in profile "${profileName}"`);
      fetch ??= roleFetcher(context, profile, [profileName]);
      return fetch();
    },
  };
}
