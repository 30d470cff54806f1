import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { processConfigFileCache } from '../config/file-cache.js';
import { configFixture, expectNoSecrets, SECRET } from '../credentials/test-support/loopback.js';
import { createWorld, type World } from '../credentials/test-support/session-world.js';
import { ConfigError, CredentialsError } from '../errors/errors.js';
import { defaultSession, setupDefaultSession } from './default-session.js';
import { Session } from './session.js';

let world: World;
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.remove());

const fixtureConfig = readFileSync(configFixture('config'), 'utf8');
const fixtureCredentials = readFileSync(configFixture('credentials'), 'utf8');

describe('Session', () => {
  it('picks the profile from code, then AWS_PROFILE, then AWS_DEFAULT_PROFILE, then default', () => {
    expect(world.session({ profile: 'a', env: { AWS_PROFILE: 'b' } }).profile).toBe('a');
    expect(world.session({ env: { AWS_PROFILE: 'b', AWS_DEFAULT_PROFILE: 'c' } }).profile).toBe('b');
    expect(world.session({ env: { AWS_DEFAULT_PROFILE: 'c' } }).profile).toBe('c');
    expect(world.session().profile).toBe('default');
  });

  it('picks the region from code, then the environment, then the profile', () => {
    const files = { config: fixtureConfig, credentials: fixtureCredentials };
    expect(
      world.session({ ...files, profile: 'dev', region: 'sa-east-1', env: { AWS_REGION: 'x' } }).region,
    ).toBe('sa-east-1');
    expect(
      world.session({ ...files, profile: 'dev', env: { AWS_DEFAULT_REGION: 'ca-central-1' } }).region,
    ).toBe('ca-central-1');
    expect(world.session({ ...files, profile: 'dev' }).region).toBe('eu-west-1');
    expect(world.session({ ...files, profile: 'base' }).region).toBeUndefined();
  });

  it('lists the profiles of both files', () => {
    const session = world.session({ config: fixtureConfig, credentials: fixtureCredentials });
    expect(session.availableProfiles()).toEqual(
      expect.arrayContaining(['default', 'dev', 'role', 'sso-new', 'base', 'credentials-only']),
    );
  });

  it('names the profiles that exist when asked for one that does not', async () => {
    const session = world.session({
      profile: 'nope',
      config: '[profile a]\n[profile b]\n',
      credentials: '[c]\n',
    });
    expect(() => session.region).toThrow(ConfigError);
    expect(() => session.region).toThrow(
      /The profile "nope" is not in .*config-\d+ or .*credentials-\d+\. Profiles that exist: a, b, c\./,
    );
    await expect(session.getCredentials()).rejects.toThrow(/Profiles that exist: a, b, c/);
  });

  it('reports a malformed file with its path and line', async () => {
    const session = world.session({ config: '[default]\nregion = us-east-1\n[broken\n' });
    await expect(session.getCredentials()).rejects.toThrow(
      /config-\d+, line 3: a section header is missing its closing "\]"/,
    );
  });

  it('resolves client defaults for a service, sharing one credentials provider', () => {
    const session = world.session({
      profile: 'dev',
      config: fixtureConfig,
      credentials: fixtureCredentials,
      env: { AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:7' },
    });
    const ec2 = session.clientDefaults('ec2');
    expect(ec2).toMatchObject({
      region: 'eu-west-1',
      endpointUrl: 'http://127.0.0.1:5000',
      retryMode: 'adaptive',
      maxAttempts: 7,
      useFipsEndpoint: true,
      useDualstackEndpoint: false,
      appId: 'fixture-app',
    });
    expect(session.clientDefaults('sts').endpointUrl).toBe('http://127.0.0.1:7');
    expect(session.clientDefaults('ssm').endpointUrl).toBe('http://127.0.0.1:4566');
    expect(session.clientDefaults('sts').credentials).toBe(ec2.credentials);
    expect(session.clientDefaults('EC2')).toBe(ec2);
  });

  it('accepts fixed credentials and checks them', async () => {
    const session = new Session({
      env: world.env(),
      credentials: { accessKeyId: 'AKIDCODE', secretAccessKey: SECRET.key },
    });
    expect(await session.getCredentials()).toEqual({ accessKeyId: 'AKIDCODE', secretAccessKey: SECRET.key });
    const bad = new Session({
      env: world.env(),
      credentials: { accessKeyId: '', secretAccessKey: SECRET.key },
    });
    const error = await bad.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toBe(
      'Session({ credentials }) gave unusable credentials: accessKeyId must be a non-empty string.',
    );
    expectNoSecrets([SECRET.key], error);
  });

  it('accepts a v3-style provider and caches its answer until the refresh window', async () => {
    let calls = 0;
    const v3Provider = async () => {
      calls++;
      return {
        accessKeyId: 'ASIAV3',
        secretAccessKey: SECRET.key,
        sessionToken: SECRET.token,
        expiration: new Date(Date.now() + 3600_000),
        credentialScope: 'us-east-1',
      };
    };
    const session = new Session({ env: world.env(), credentials: v3Provider });
    const results = await Promise.all(Array.from({ length: 20 }, () => session.getCredentials()));
    expect(results[0]).toMatchObject({ accessKeyId: 'ASIAV3', sessionToken: SECRET.token });
    expect(calls).toBe(1);
    expect(await session.clientDefaults('ec2').credentials()).toBe(results[0]);
  });

  it('reads each file once per process, and none for what code already gave', async () => {
    const configFile = world.home.write('shared-config', fixtureConfig);
    const credentialsFile = world.home.write('shared-credentials', fixtureCredentials);
    const cache = processConfigFileCache();
    const env = world.env();
    const explicit = new Session({
      configFile,
      credentialsFile,
      env,
      region: 'us-east-1',
      credentials: { accessKeyId: 'A', secretAccessKey: 'B' },
    });
    const before = cache.reads;
    expect(explicit.region).toBe('us-east-1');
    await explicit.getCredentials();
    expect(cache.reads).toBe(before);

    const profiles = ['dev', 'base', 'static-config', 'credentials-only', 'default'];
    const sessions = Array.from(
      { length: 100 },
      (_, i) => new Session({ configFile, credentialsFile, env, profile: profiles[i % profiles.length] }),
    );
    for (const session of sessions) {
      session.clientDefaults('ec2');
      await session.getCredentials();
    }
    expect(cache.reads).toBe(before + 2);
    // Sessions share no state: each has its own profile's answers.
    expect((await sessions[0]?.getCredentials())?.accessKeyId).toBe('AKIDDEVCREDSFILE0001');
    expect((await sessions[1]?.getCredentials())?.accessKeyId).toBe('AKIDBASEPROFILE00001');
    expect(sessions[0]?.region).toBe('eu-west-1');
    expect(sessions[4]?.region).toBe('us-east-2');
  });

  it('reads injected files through the injected reader, once per session', () => {
    const reads: string[] = [];
    const session = new Session({
      env: { HOME: '/home/fake' },
      effects: {
        readFileSync: (path) => {
          reads.push(path);
          return path.endsWith('config') ? '[default]\nregion = eu-north-1\n' : undefined;
        },
      },
    });
    expect(session.region).toBe('eu-north-1');
    session.clientDefaults('ec2');
    session.availableProfiles();
    expect(reads).toEqual(['/home/fake/.aws/config', '/home/fake/.aws/credentials']);
  });

  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE with ~ expansion', async () => {
    world.home.write('custom/conf', '[profile x]\nregion = ap-east-1\n');
    world.home.write(
      'custom/creds',
      `[x]\naws_access_key_id = AKIDTILDE\naws_secret_access_key = ${SECRET.key}\n`,
    );
    const session = new Session({
      profile: 'x',
      env: world.env({ AWS_CONFIG_FILE: '~/custom/conf', AWS_SHARED_CREDENTIALS_FILE: '~/custom/creds' }),
    });
    expect(session.region).toBe('ap-east-1');
    expect((await session.getCredentials()).accessKeyId).toBe('AKIDTILDE');
  });

  it('keeps one default session per process until it is replaced', () => {
    const first = defaultSession();
    expect(defaultSession()).toBe(first);
    const replaced = setupDefaultSession({ region: 'us-west-1', env: {} });
    expect(defaultSession()).toBe(replaced);
    expect(defaultSession().region).toBe('us-west-1');
  });
});
