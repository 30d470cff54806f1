// SSO (IAM Identity Center): a profile with `sso_session` (pointing at `[sso-session x]`) or the legacy
// `sso_start_url` / `sso_region` keys, plus `sso_account_id` and `sso_role_name`. Reads the token that
// `aws sso login` cached under ~/.aws/sso/cache/<sha1 of the session name or start URL>.json, then
// calls GetRoleCredentials. An expired or missing token says to run `aws sso login`.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ssoCacheDirectory } from '../../config/paths.js';
import { type Profile, type SharedConfig, sectionValue } from '../../config/shared-config.js';
import { ConfigError, CredentialsError } from '../../errors/errors.js';
import type { CredentialEffects } from '../effects.js';
import { type CredentialSource, type SourceOutcome, skip } from '../source.js';
import { getRoleCredentials, ssoPortalEndpoint } from '../sso-portal.js';

export interface SsoProfileConfig {
  readonly startUrl: string;
  readonly region: string;
  readonly accountId: string;
  readonly roleName: string;
  /** The sso-session name, for the new-style configuration. */
  readonly session?: string | undefined;
  /** What the token cache file is named after. */
  readonly cacheKey: string;
  readonly loginHint: string;
}

const SSO_KEYS = ['sso_session', 'sso_start_url', 'sso_region', 'sso_account_id', 'sso_role_name'];

export function usesSso(profile: Profile): boolean {
  return SSO_KEYS.some((key) => profile.get(key) !== undefined);
}

/** Reads and checks a profile's SSO keys; ConfigError naming each missing or conflicting key. */
export function readSsoConfig(profile: Profile, shared: SharedConfig): SsoProfileConfig {
  const sessionName = profile.get('sso_session');
  let startUrl = profile.get('sso_start_url');
  let region = profile.get('sso_region');
  if (sessionName !== undefined) {
    const section = shared.ssoSession(sessionName);
    if (!section) {
      throw new ConfigError(
        `Profile "${profile.name}" sets sso_session = ${sessionName}, but the config file has no [sso-session ${sessionName}] section.`,
        { code: 'InvalidSsoConfig' },
      );
    }
    for (const key of ['sso_start_url', 'sso_region'] as const) {
      const fromSession = sectionValue(section, key);
      const fromProfile = profile.get(key);
      if (fromProfile !== undefined && fromSession !== undefined && fromProfile !== fromSession) {
        throw new ConfigError(
          `Profile "${profile.name}" sets ${key} differently from [sso-session ${sessionName}]; remove it from the profile.`,
          { code: 'InvalidSsoConfig' },
        );
      }
    }
    startUrl = sectionValue(section, 'sso_start_url') ?? startUrl;
    region = sectionValue(section, 'sso_region') ?? region;
  }
  const accountId = profile.get('sso_account_id');
  const roleName = profile.get('sso_role_name');
  const missing = Object.entries({
    sso_start_url: startUrl,
    sso_region: region,
    sso_account_id: accountId,
    sso_role_name: roleName,
  })
    .filter(([, value]) => value === undefined)
    .map(([key]) => key);
  if (missing.length > 0) {
    throw new ConfigError(
      `Profile "${profile.name}" is set up for SSO but lacks ${missing.join(', ')}${sessionName ? ` (in the profile or [sso-session ${sessionName}])` : ''}.`,
      { code: 'InvalidSsoConfig' },
    );
  }
  return {
    startUrl: startUrl as string,
    region: region as string,
    accountId: accountId as string,
    roleName: roleName as string,
    session: sessionName,
    cacheKey: sessionName ?? (startUrl as string),
    loginHint: sessionName ? `--sso-session ${sessionName}` : `--profile ${profile.name}`,
  };
}

/** The cache file `aws sso login` writes for `cacheKey` (session name or start URL). */
export function ssoTokenCachePath(home: string, cacheKey: string): string {
  return join(ssoCacheDirectory(home), `${createHash('sha1').update(cacheKey, 'utf8').digest('hex')}.json`);
}

/** `2024-01-01T00:00:00Z`, and the older CLI's `2019-11-14T04:05:45UTC`. */
function parseExpiresAt(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const time = Date.parse(value.replace(/UTC$/, 'Z'));
  return Number.isNaN(time) ? undefined : time;
}

export async function readSsoToken(
  effects: CredentialEffects,
  home: string,
  config: SsoProfileConfig,
): Promise<string> {
  const path = ssoTokenCachePath(home, config.cacheKey);
  const login = `run \`aws sso login ${config.loginHint}\``;
  let text: string;
  try {
    text = await effects.readFile(path);
  } catch (error) {
    throw new CredentialsError(`No cached SSO token at ${path}; ${login} first.`, {
      code: 'SsoTokenMissing',
      cause: error,
    });
  }
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CredentialsError(`The cached SSO token ${path} is not valid JSON; ${login} again.`, {
      code: 'SsoTokenInvalid',
    });
  }
  const expiresAt = parseExpiresAt(document.expiresAt);
  if (typeof document.accessToken !== 'string' || document.accessToken === '' || expiresAt === undefined) {
    throw new CredentialsError(
      `The cached SSO token ${path} lacks accessToken or expiresAt; ${login} again.`,
      {
        code: 'SsoTokenInvalid',
      },
    );
  }
  if (expiresAt <= effects.now()) {
    throw new CredentialsError(
      `The SSO session${config.session ? ` "${config.session}"` : ''} expired at ${new Date(expiresAt).toISOString()}; ${login} to renew it.`,
      { code: 'SsoTokenExpired' },
    );
  }
  return document.accessToken;
}

export async function loadSsoCredentials(
  profile: Profile,
  shared: SharedConfig,
  effects: CredentialEffects,
  home: string,
  endpointUrl: string | undefined,
): Promise<SourceOutcome> {
  const config = readSsoConfig(profile, shared);
  const accessToken = await readSsoToken(effects, home, config);
  return getRoleCredentials(
    effects.transport,
    {
      endpoint: endpointUrl ?? ssoPortalEndpoint(config.region),
      roleName: config.roleName,
      accountId: config.accountId,
      accessToken,
      loginHint: config.loginHint,
    },
    { sleep: effects.sleep },
  );
}

export function ssoSource(
  profile: () => Profile,
  shared: () => SharedConfig,
  effects: CredentialEffects,
  home: string,
  endpointUrl: () => string | undefined,
): CredentialSource {
  return {
    name: 'sso',
    async load() {
      const selected = profile();
      if (!usesSso(selected)) return skip(`no sso_session or sso_start_url in profile "${selected.name}"`);
      return loadSsoCredentials(selected, shared(), effects, home, endpointUrl());
    },
  };
}
