import { afterEach, describe, expect, it } from 'vitest';
import { CredentialsError } from '../../errors/errors.js';
import { expectNoSecrets, SECRET } from '../test-support/loopback.js';
import { createWorld, type World } from '../test-support/session-world.js';
import { environmentSource } from './environment.js';
import { staticKeysFromSection } from './static-keys.js';

let world: World;
afterEach(() => world?.remove());

describe('environment source', () => {
  it('reads the key pair, session token, expiration and account id', async () => {
    const source = environmentSource({
      AWS_ACCESS_KEY_ID: 'AKIDENV',
      AWS_SECRET_ACCESS_KEY: SECRET.key,
      AWS_SESSION_TOKEN: SECRET.token,
      AWS_CREDENTIAL_EXPIRATION: '2030-01-01T00:00:00Z',
      AWS_ACCOUNT_ID: '123456789012',
    });
    expect(await source.load()).toEqual({
      accessKeyId: 'AKIDENV',
      secretAccessKey: SECRET.key,
      sessionToken: SECRET.token,
      expiration: new Date('2030-01-01T00:00:00Z'),
      accountId: '123456789012',
    });
  });

  it('accepts the older AWS_SECURITY_TOKEN', async () => {
    const source = environmentSource({
      AWS_ACCESS_KEY_ID: 'A',
      AWS_SECRET_ACCESS_KEY: 'B',
      AWS_SECURITY_TOKEN: 'T',
    });
    expect(await source.load()).toMatchObject({ sessionToken: 'T' });
  });

  it('is skipped when neither key is set', async () => {
    expect(await environmentSource({}).load()).toEqual({
      skipped: expect.stringContaining('AWS_ACCESS_KEY_ID'),
    });
  });

  it('fails on half a pair without echoing the half that is set', async () => {
    const error = await environmentSource({ AWS_SECRET_ACCESS_KEY: SECRET.key })
      .load()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).message).toMatch(/AWS_ACCESS_KEY_ID is not set/);
    expectNoSecrets([SECRET.key], error);
  });
});

describe('static keys in the files', () => {
  it('reads keys from the credentials file, and from the config file after credential_process', async () => {
    world = createWorld();
    const fromCredentials = world.session({
      profile: 'p',
      credentials: `[p]\naws_access_key_id = AKIDCREDS\naws_secret_access_key = ${SECRET.key}\naws_session_token = ${SECRET.token}\n`,
      config: '[profile p]\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = x\n',
    });
    expect(await fromCredentials.getCredentials()).toEqual({
      accessKeyId: 'AKIDCREDS',
      secretAccessKey: SECRET.key,
      sessionToken: SECRET.token,
    });
    const fromConfig = world.session({
      profile: 'p',
      config: `[profile p]\nAWS_ACCESS_KEY_ID = AKIDCONFIG\naws_secret_access_key = ${SECRET.key}\naws_account_id = 123456789012\n`,
    });
    expect(await fromConfig.getCredentials()).toMatchObject({
      accessKeyId: 'AKIDCONFIG',
      accountId: '123456789012',
    });
  });

  it('names the file and profile when a key is missing its partner, never the key', () => {
    const section = {
      name: 'p',
      line: 1,
      values: new Map([['aws_secret_access_key', SECRET.key]]),
      nested: new Map(),
    };
    let caught: unknown;
    try {
      staticKeysFromSection(section, 'profile "p" in /tmp/credentials');
    } catch (error) {
      caught = error;
    }
    expect((caught as Error).message).toBe(
      'profile "p" in /tmp/credentials has no aws_access_key_id; keys must come as a pair.',
    );
    expectNoSecrets([SECRET.key], caught);
  });
});
