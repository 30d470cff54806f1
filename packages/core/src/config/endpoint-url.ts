// Configured endpoint URLs (the SDKs' "service-specific endpoints" feature), most specific first:
// `AWS_ENDPOINT_URL_<KEY>`, the profile's `[services x]` entry for the service, `AWS_ENDPOINT_URL`,
// the profile's `endpoint_url`. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` / `ignore_configured_endpoint_urls`
// turns all of them off.

import { ConfigError } from '../errors/errors.js';
import { readBoolean, type SettingsSource } from './settings.js';
import type { SharedConfig } from './shared-config.js';

/** `ec2` -> `EC2`, `elastic-load-balancing` -> `ELASTIC_LOAD_BALANCING`. */
export function endpointEnvSuffix(configKey: string): string {
  return configKey.toUpperCase().replace(/[^A-Z0-9]+/g, '_');
}

function checkedUrl(value: string, origin: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new TypeError(url.protocol);
  } catch (error) {
    throw new ConfigError(`${origin} must be an http(s) URL, not "${value}".`, {
      code: 'InvalidConfigValue',
      cause: error,
    });
  }
  return value;
}

/** The endpoint URL configured for `configKey` (`ec2`, `sts`, `sso`), or undefined for the default. */
export function resolveConfiguredEndpointUrl(
  source: SettingsSource,
  shared: SharedConfig | undefined,
  configKey: string,
): string | undefined {
  const ignore = readBoolean(source, {
    env: 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS',
    key: 'ignore_configured_endpoint_urls',
  });
  if (ignore) return undefined;
  const envName = `AWS_ENDPOINT_URL_${endpointEnvSuffix(configKey)}`;
  const fromServiceEnv = source.env[envName];
  if (fromServiceEnv) return checkedUrl(fromServiceEnv, envName);

  const servicesName = source.profile.get('services');
  if (servicesName !== undefined) {
    const section = shared?.services(servicesName);
    if (!section) {
      throw new ConfigError(
        `Profile "${source.profile.name}" sets services = ${servicesName}, but no [services ${servicesName}] section exists.`,
        { code: 'InvalidConfigValue' },
      );
    }
    const fromServices = section.nested.get(configKey.toLowerCase())?.get('endpoint_url');
    if (fromServices) {
      return checkedUrl(fromServices, `endpoint_url for ${configKey} in [services ${servicesName}]`);
    }
  }

  const fromGlobalEnv = source.env.AWS_ENDPOINT_URL;
  if (fromGlobalEnv) return checkedUrl(fromGlobalEnv, 'AWS_ENDPOINT_URL');
  const fromProfile = source.profile.get('endpoint_url');
  if (fromProfile) return checkedUrl(fromProfile, `endpoint_url in profile "${source.profile.name}"`);
  return undefined;
}
