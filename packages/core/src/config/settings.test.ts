import { describe, expect, it } from 'vitest';
import { configFixture } from '../credentials/test-support/loopback.js';
import { ConfigError } from '../errors/errors.js';
import { resolveConfiguredEndpointUrl } from './endpoint-url.js';
import { ConfigFileCache } from './file-cache.js';
import { readCommonClientSettings, readRegion, type SettingsSource } from './settings.js';
import { emptyProfile, SharedConfig } from './shared-config.js';

const cache = new ConfigFileCache();
const shared = new SharedConfig(
  cache.load(configFixture('config')),
  cache.load(configFixture('credentials')),
);
const source = (profile: string, env: Record<string, string> = {}): SettingsSource => ({
  env,
  profile: shared.profile(profile) ?? emptyProfile(profile),
});

describe('settings', () => {
  it('reads every client setting from the profile', () => {
    expect(readCommonClientSettings(source('dev'))).toEqual({
      region: 'eu-west-1',
      retryMode: 'adaptive',
      maxAttempts: 7,
      useFipsEndpoint: true,
      useDualstackEndpoint: false,
      appId: 'fixture-app',
    });
  });

  it('lets the environment override the profile', () => {
    const env = {
      AWS_DEFAULT_REGION: 'ap-south-1',
      AWS_RETRY_MODE: 'legacy',
      AWS_MAX_ATTEMPTS: '2',
      AWS_USE_FIPS_ENDPOINT: 'FALSE',
      AWS_USE_DUALSTACK_ENDPOINT: 'true',
      AWS_SDK_UA_APP_ID: 'env-app',
    };
    expect(readCommonClientSettings(source('dev', env))).toEqual({
      region: 'ap-south-1',
      retryMode: 'legacy',
      maxAttempts: 2,
      useFipsEndpoint: false,
      useDualstackEndpoint: true,
      appId: 'env-app',
    });
  });

  it('prefers AWS_REGION to AWS_DEFAULT_REGION and ignores empty values', () => {
    expect(readRegion(source('dev', { AWS_REGION: 'us-west-1', AWS_DEFAULT_REGION: 'us-east-1' }))).toBe(
      'us-west-1',
    );
    expect(readRegion(source('dev', { AWS_REGION: '', AWS_DEFAULT_REGION: '' }))).toBe('eu-west-1');
  });

  it.each([
    [{ AWS_RETRY_MODE: 'fast' }, /AWS_RETRY_MODE must be one of standard, adaptive, legacy/],
    [{ AWS_MAX_ATTEMPTS: '0' }, /AWS_MAX_ATTEMPTS must be a whole number/],
    [{ AWS_MAX_ATTEMPTS: '3.5' }, /AWS_MAX_ATTEMPTS must be a whole number/],
    [{ AWS_USE_FIPS_ENDPOINT: 'yes' }, /AWS_USE_FIPS_ENDPOINT must be "true" or "false"/],
  ])('rejects %o with a ConfigError naming the variable', (env, message) => {
    expect(() => readCommonClientSettings(source('default', env))).toThrow(message);
    expect(() => readCommonClientSettings(source('default', env))).toThrow(ConfigError);
  });
});

describe('resolveConfiguredEndpointUrl', () => {
  it('takes AWS_ENDPOINT_URL_<KEY> first', () => {
    const env = { AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:1', AWS_ENDPOINT_URL: 'http://127.0.0.1:2' };
    expect(resolveConfiguredEndpointUrl(source('dev', env), shared, 'ec2')).toBe('http://127.0.0.1:1');
  });

  it('then the [services] entry for the service', () => {
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:2' };
    expect(resolveConfiguredEndpointUrl(source('dev', env), shared, 'ec2')).toBe('http://127.0.0.1:5000');
    expect(resolveConfiguredEndpointUrl(source('dev', env), shared, 'sts')).toBe('http://127.0.0.1:5001');
  });

  it('then AWS_ENDPOINT_URL, then the profile endpoint_url', () => {
    expect(
      resolveConfiguredEndpointUrl(source('dev', { AWS_ENDPOINT_URL: 'http://127.0.0.1:2' }), shared, 'sso'),
    ).toBe('http://127.0.0.1:2');
    expect(resolveConfiguredEndpointUrl(source('dev'), shared, 'sso')).toBe('http://127.0.0.1:4566');
    expect(resolveConfiguredEndpointUrl(source('base'), shared, 'ec2')).toBeUndefined();
  });

  it('upper-cases the key and turns dashes into underscores for the variable name', () => {
    const env = { AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING: 'http://127.0.0.1:3' };
    expect(resolveConfiguredEndpointUrl(source('base', env), shared, 'elastic-load-balancing')).toBe(
      'http://127.0.0.1:3',
    );
  });

  it('ignores every configured URL when told to', () => {
    expect(resolveConfiguredEndpointUrl(source('no-endpoints'), shared, 'ec2')).toBeUndefined();
    const env = { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:1' };
    expect(resolveConfiguredEndpointUrl(source('dev', env), shared, 'ec2')).toBeUndefined();
  });

  it('rejects a URL that is not http(s)', () => {
    expect(() =>
      resolveConfiguredEndpointUrl(source('base', { AWS_ENDPOINT_URL: 'ftp://x' }), shared, 'ec2'),
    ).toThrow(/AWS_ENDPOINT_URL must be an http\(s\) URL/);
  });
});
