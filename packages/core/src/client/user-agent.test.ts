import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, CredentialsError } from '../errors/errors.js';
import { checkCredentials, credentialsProvider } from './settings.js';
import { buildUserAgent } from './user-agent.js';
import { SDK_VERSION } from './version.js';

describe('User-Agent', () => {
  it('names the SDK version that package.json publishes', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    expect(SDK_VERSION).toBe(pkg.version);
  });
  it('lists SDK, OS, runtime, API, retry mode and app id, with unsafe characters replaced', () => {
    expect(
      buildUserAgent({
        serviceId: 'EC2',
        apiVersion: '2016-11-15',
        retryMode: 'adaptive',
        appId: 'my app/v1',
        platform: 'linux',
        nodeVersion: '20.19.0',
      }),
    ).toBe(
      `boto-ts/${SDK_VERSION} ua/2.1 os/linux lang/js md/nodejs#20.19.0 api/ec2#2016-11-15 cfg/retry-mode#adaptive app/my-app-v1`,
    );
  });
  it('refuses an app id longer than the 50 characters the SDKs allow', () => {
    expect(() =>
      buildUserAgent({ serviceId: 'EC2', apiVersion: 'x', retryMode: 'standard', appId: 'a'.repeat(51) }),
    ).toThrow(ConfigError);
  });
});

describe('credentials option', () => {
  it('turns static credentials into a provider that always gives the same object', async () => {
    const creds = { accessKeyId: 'AKID', secretAccessKey: 'secret-value' };
    const provider = credentialsProvider(creds);
    expect(await provider()).toBe(creds);
  });
  it('names a missing key without showing any value', () => {
    let error: unknown;
    try {
      checkCredentials({ accessKeyId: 'AKID', secretAccessKey: '' }, 'the credentials option');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe(
      'the credentials option gave no secretAccessKey: pass { accessKeyId, secretAccessKey, sessionToken? }',
    );
    expect(() => credentialsProvider({} as never)).toThrow(/accessKeyId/);
  });
});
