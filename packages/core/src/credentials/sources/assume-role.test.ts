import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, CredentialsError } from '../../errors/errors.js';
import { recordingSts } from '../test-support/fake-aws.js';
import { configFixture, SECRET } from '../test-support/loopback.js';
import { createWorld, type World } from '../test-support/session-world.js';

let world: World;
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.remove());

const fixtureConfig = readFileSync(configFixture('config'), 'utf8');
const fixtureCredentials = readFileSync(configFixture('credentials'), 'utf8');

function fixtureSession(profile: string, extra: Parameters<World['session']>[0] = {}) {
  const sts = recordingSts();
  const session = world.session({
    profile,
    config: fixtureConfig,
    credentials: fixtureCredentials,
    sts,
    ...extra,
  });
  return { session, sts };
}

describe('assume-role profiles', () => {
  it('assumes the role with the source profile keys and every role setting', async () => {
    const { session, sts } = fixtureSession('role', {
      env: { AWS_REGION: 'eu-west-2', AWS_ENDPOINT_URL_STS: 'http://127.0.0.1:9' },
    });
    expect((await session.getCredentials()).accessKeyId).toBe('ASIAFIRST');
    expect(sts.calls).toEqual([
      {
        operation: 'AssumeRole',
        params: {
          roleArn: 'arn:aws:iam::123456789012:role/first',
          roleSessionName: 'fixture-session',
          externalId: 'fixture-external-id',
          durationSeconds: 1800,
          serialNumber: undefined,
          tokenCode: undefined,
        },
        sourceAccessKeyId: 'AKIDBASEPROFILE00001',
        region: 'eu-west-2',
        endpointUrl: 'http://127.0.0.1:9',
      },
    ]);
  });

  it('chains roles: the second role is assumed with the first role credentials', async () => {
    const { session, sts } = fixtureSession('chained');
    expect((await session.getCredentials()).accessKeyId).toBe('ASIASECOND');
    expect(sts.calls.map((c) => [c.params.roleArn, c.sourceAccessKeyId])).toEqual([
      ['arn:aws:iam::123456789012:role/first', 'AKIDBASEPROFILE00001'],
      ['arn:aws:iam::210987654321:role/second', 'ASIAFIRST'],
    ]);
    expect(sts.calls[0]?.region).toBe('us-east-1');
  });

  it('detects a source_profile loop before any call and names it', async () => {
    const { session, sts } = fixtureSession('loop-a');
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).code).toBe('SourceProfileLoop');
    expect((error as Error).message).toBe(
      'source_profile loop: loop-a -> loop-b -> loop-c -> loop-a. Break the cycle.',
    );
    expect(sts.calls).toHaveLength(0);
  });

  it('lets a profile be its own source when it holds keys', async () => {
    const { session, sts } = fixtureSession('self-source');
    expect((await session.getCredentials()).accessKeyId).toBe('ASIASELF');
    expect(sts.calls[0]?.sourceAccessKeyId).toBe('AKIDSELFSOURCE000001');
  });

  it('asks the MFA callback for a code, and explains when there is none', async () => {
    const asked: string[] = [];
    const { session, sts } = fixtureSession('role-mfa', {
      mfaCodeProvider: async (serial) => {
        asked.push(serial);
        return ' 123456 ';
      },
    });
    await session.getCredentials();
    expect(asked).toEqual(['arn:aws:iam::123456789012:mfa/fixture-user']);
    expect(sts.calls[0]?.params).toMatchObject({
      serialNumber: 'arn:aws:iam::123456789012:mfa/fixture-user',
      tokenCode: '123456',
    });
    const without = fixtureSession('role-mfa').session;
    await expect(without.getCredentials()).rejects.toThrow(
      /needs an MFA code \(mfa_serial is set\); pass mfaCodeProvider/,
    );
  });

  it('uses credential_source Environment, EcsContainer and Ec2InstanceMetadata', async () => {
    const env = { AWS_ACCESS_KEY_ID: 'AKIDFROMENV', AWS_SECRET_ACCESS_KEY: SECRET.key };
    const fromEnv = fixtureSession('from-env', { env });
    expect((await fromEnv.session.getCredentials()).accessKeyId).toBe('ASIAFROMENV');
    expect(fromEnv.sts.calls[0]?.sourceAccessKeyId).toBe('AKIDFROMENV');

    const fromEcs = fixtureSession('from-ecs');
    await expect(fromEcs.session.getCredentials()).rejects.toThrow(
      /AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set/,
    );
    const fromImds = fixtureSession('from-imds');
    await expect(fromImds.session.getCredentials()).rejects.toThrow(/AWS_EC2_METADATA_DISABLED is true/);
  });

  it('rejects both or neither of source_profile and credential_source, and unknown sources', async () => {
    await expect(fixtureSession('both-sources').session.getCredentials()).rejects.toThrow(
      /sets both source_profile and credential_source/,
    );
    const neither = world.session({
      profile: 'r',
      config: '[profile r]\nrole_arn = arn:aws:iam::1:role/r\n',
      sts: recordingSts(),
    });
    await expect(neither.getCredentials()).rejects.toThrow(/neither source_profile nor credential_source/);
    const unknown = world.session({
      profile: 'r',
      config: '[profile r]\nrole_arn = arn:aws:iam::1:role/r\ncredential_source = Magic\n',
      sts: recordingSts(),
    });
    await expect(unknown.getCredentials()).rejects.toThrow(/credential_source in profile "r" is "Magic"/);
  });

  it('lists the profiles that exist when source_profile names none', async () => {
    const session = world.session({
      profile: 'r',
      config: '[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = nobody\n[profile other]\n',
      sts: recordingSts(),
    });
    await expect(session.getCredentials()).rejects.toThrow(
      /The profile "nobody" is not in .* Profiles that exist: r, other\./,
    );
  });

  it('fails when the source profile has no credentials, listing what was tried there', async () => {
    const session = world.session({
      profile: 'r',
      config:
        '[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = empty\n[profile empty]\nregion = us-east-1\n',
      sts: recordingSts(),
    });
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(
      /No AWS credentials found for source_profile "empty" of profile "r"/,
    );
  });

  it('validates duration_seconds', async () => {
    const session = world.session({
      profile: 'r',
      config:
        '[profile r]\nrole_arn = arn:aws:iam::1:role/r\nsource_profile = r\naws_access_key_id = A\naws_secret_access_key = B\nduration_seconds = 60\n',
      sts: recordingSts(),
    });
    await expect(session.getCredentials()).rejects.toThrow(
      /duration_seconds in profile "r" must be a whole number from 900 to 43200/,
    );
  });
});

describe('web identity', () => {
  it('reads the profile keys and re-reads the token file on every call', async () => {
    const tokenFile = world.home.write('token', 'first-token\n');
    const sts = recordingSts();
    const session = world.session({
      profile: 'web',
      config: `[profile web]\nrole_arn = arn:aws:iam::1:role/web\nweb_identity_token_file = ${tokenFile}\nrole_session_name = web-session\nduration_seconds = 3600\n`,
      sts,
    });
    expect((await session.getCredentials()).accessKeyId).toBe('ASIAWEB');
    expect(sts.calls[0]).toMatchObject({
      operation: 'AssumeRoleWithWebIdentity',
      params: {
        roleArn: 'arn:aws:iam::1:role/web',
        roleSessionName: 'web-session',
        webIdentityToken: 'first-token',
        durationSeconds: 3600,
      },
    });
  });

  it('takes AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN and AWS_ROLE_SESSION_NAME from the environment', async () => {
    const tokenFile = world.home.write('token', 'env-token');
    const sts = recordingSts();
    const session = world.session({
      sts,
      env: {
        AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
        AWS_ROLE_ARN: 'arn:aws:iam::1:role/envrole',
        AWS_ROLE_SESSION_NAME: 'ci-run',
      },
    });
    expect((await session.getCredentials()).accessKeyId).toBe('ASIAENVROLE');
    expect(sts.calls[0]?.params).toMatchObject({ roleSessionName: 'ci-run', webIdentityToken: 'env-token' });
  });

  it('names a missing role and an unreadable token file', async () => {
    const noRole = world.session({
      sts: recordingSts(),
      env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/nonexistent/token' },
    });
    await expect(noRole.getCredentials()).rejects.toThrow(/set AWS_ROLE_ARN or role_arn/);
    const unreadable = world.session({
      sts: recordingSts(),
      env: { AWS_WEB_IDENTITY_TOKEN_FILE: '/nonexistent/token', AWS_ROLE_ARN: 'arn:aws:iam::1:role/x' },
    });
    await expect(unreadable.getCredentials()).rejects.toThrow(
      /Cannot read the web identity token file \/nonexistent\/token \(ENOENT\)/,
    );
  });
});
