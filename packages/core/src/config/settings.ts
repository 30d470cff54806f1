// Typed settings read from the environment first, then the profile (the CLI's precedence below code):
// region, retry mode, max attempts, FIPS / dual-stack, app id, IMDS settings. Bad values are
// ConfigErrors that name where the value came from.

import type { RetryMode } from '../client/types.js';
import { ConfigError } from '../errors/errors.js';
import type { Env } from './paths.js';
import type { Profile } from './shared-config.js';

/** Where settings come from: the environment and the selected profile. */
export interface SettingsSource {
  readonly env: Env;
  readonly profile: Profile;
}

/** A setting's environment variable and profile key. */
export interface SettingName {
  readonly env?: string | undefined;
  readonly key?: string | undefined;
}

export interface FoundSetting {
  readonly value: string;
  /** `AWS_RETRY_MODE` or `retry_mode in profile "dev"`, for messages. */
  readonly origin: string;
}

/** The raw value of a setting and where it came from; empty values count as absent. */
export function findSetting(source: SettingsSource, name: SettingName): FoundSetting | undefined {
  const fromEnv = name.env === undefined ? undefined : source.env[name.env];
  if (fromEnv !== undefined && fromEnv !== '') return { value: fromEnv, origin: name.env as string };
  const fromProfile = name.key === undefined ? undefined : source.profile.get(name.key);
  if (fromProfile !== undefined) {
    return { value: fromProfile, origin: `${name.key} in profile "${source.profile.name}"` };
  }
  return undefined;
}

export function readString(source: SettingsSource, name: SettingName): string | undefined {
  return findSetting(source, name)?.value;
}

export function readBoolean(source: SettingsSource, name: SettingName): boolean | undefined {
  const found = findSetting(source, name);
  if (!found) return undefined;
  const value = found.value.trim().toLowerCase();
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(`${found.origin} must be "true" or "false", not "${found.value}".`, {
    code: 'InvalidConfigValue',
  });
}

export function readPositiveInteger(source: SettingsSource, name: SettingName): number | undefined {
  const found = findSetting(source, name);
  if (!found) return undefined;
  const value = found.value.trim();
  if (!/^\d+$/.test(value) || Number(value) < 1) {
    throw new ConfigError(`${found.origin} must be a whole number of at least 1, not "${found.value}".`, {
      code: 'InvalidConfigValue',
    });
  }
  return Number(value);
}

const retryModes: readonly RetryMode[] = ['standard', 'adaptive', 'legacy'];

export function readRetryMode(source: SettingsSource): RetryMode | undefined {
  const found = findSetting(source, { env: 'AWS_RETRY_MODE', key: 'retry_mode' });
  if (!found) return undefined;
  const value = found.value.trim().toLowerCase();
  if ((retryModes as readonly string[]).includes(value)) return value as RetryMode;
  throw new ConfigError(`${found.origin} must be one of ${retryModes.join(', ')}, not "${found.value}".`, {
    code: 'InvalidConfigValue',
  });
}

/** `AWS_REGION`, then `AWS_DEFAULT_REGION`, then the profile's `region`. */
export function readRegion(source: SettingsSource): string | undefined {
  return (
    readString(source, { env: 'AWS_REGION' }) ??
    readString(source, { env: 'AWS_DEFAULT_REGION', key: 'region' })
  );
}

/** The settings every client of a session shares (the endpoint URL is per service: endpoint-url.ts). */
export interface CommonClientSettings {
  readonly region: string | undefined;
  readonly retryMode: RetryMode | undefined;
  readonly maxAttempts: number | undefined;
  readonly useFipsEndpoint: boolean | undefined;
  readonly useDualstackEndpoint: boolean | undefined;
  readonly appId: string | undefined;
}

export function readCommonClientSettings(source: SettingsSource): CommonClientSettings {
  return {
    region: readRegion(source),
    retryMode: readRetryMode(source),
    maxAttempts: readPositiveInteger(source, { env: 'AWS_MAX_ATTEMPTS', key: 'max_attempts' }),
    useFipsEndpoint: readBoolean(source, { env: 'AWS_USE_FIPS_ENDPOINT', key: 'use_fips_endpoint' }),
    useDualstackEndpoint: readBoolean(source, {
      env: 'AWS_USE_DUALSTACK_ENDPOINT',
      key: 'use_dualstack_endpoint',
    }),
    appId: readString(source, { env: 'AWS_SDK_UA_APP_ID', key: 'sdk_ua_app_id' }),
  };
}
