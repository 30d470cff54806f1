// The chain's STS calls made for real: the generated STS client on the SDK's pipeline, against a
// loopback STS endpoint (query protocol). AssumeRole is signed with the source credentials;
// AssumeRoleWithWebIdentity is unsigned.

import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsError } from '../errors/errors.js';
import { type FakeSts, startFakeSts } from './test-support/fake-sts.js';
import { configFixture, expectNoSecrets, SECRET } from './test-support/loopback.js';
import { createWorld, type World } from './test-support/session-world.js';

let world: World;
let sts: FakeSts | undefined;
beforeEach(() => {
  world = createWorld();
});
afterEach(async () => {
  world.remove();
  await sts?.close();
  sts = undefined;
});

const fixtureConfig = readFileSync(configFixture('config'), 'utf8');
const fixtureCredentials = readFileSync(configFixture('credentials'), 'utf8');

describe('STS calls through the pipeline', () => {
  it('signs AssumeRole with the source profile keys and sends every role parameter', async () => {
    sts = await startFakeSts();
    const session = world.session({
      profile: 'role',
      config: fixtureConfig,
      credentials: fixtureCredentials,
      env: { AWS_REGION: 'eu-west-2', AWS_ENDPOINT_URL_STS: sts.url },
    });
    const credentials = await session.getCredentials();
    expect(credentials).toEqual({
      accessKeyId: 'ASIAFIRST',
      secretAccessKey: SECRET.other,
      sessionToken: SECRET.token,
      expiration: new Date('2031-01-01T00:00:00Z'),
      accountId: '123456789012',
    });
    expect(sts.calls).toHaveLength(1);
    expect(sts.calls[0]?.params).toMatchObject({
      Action: 'AssumeRole',
      Version: '2011-06-15',
      RoleArn: 'arn:aws:iam::123456789012:role/first',
      RoleSessionName: 'fixture-session',
      ExternalId: 'fixture-external-id',
      DurationSeconds: '1800',
    });
    expect(sts.calls[0]?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDBASEPROFILE00001\/\d{8}\/eu-west-2\/sts\/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$/,
    );
  });

  it('keeps the role credentials out of the STS client trace events', async () => {
    sts = await startFakeSts();
    const events: unknown[] = [];
    const record = (event: unknown) => events.push(event);
    const session = world.session({
      profile: 'role',
      config: fixtureConfig,
      credentials: fixtureCredentials,
      env: { AWS_ENDPOINT_URL_STS: sts.url },
      effects: { logger: { debug: record, info: record, warn: record, error: record } },
    });
    await session.getCredentials();
    expect(events.length).toBeGreaterThan(0);
    expectNoSecrets([SECRET.other, SECRET.token, 'base-secret-not-real'], events);
  });

  it('signs the second role of a chain with the first role credentials and its session token', async () => {
    sts = await startFakeSts();
    const session = world.session({
      profile: 'chained',
      config: fixtureConfig,
      credentials: fixtureCredentials,
      env: { AWS_ENDPOINT_URL_STS: sts.url },
    });
    expect((await session.getCredentials()).accessKeyId).toBe('ASIASECOND');
    expect(sts.calls.map((c) => c.authorization?.match(/Credential=([A-Z0-9]+)\//)?.[1])).toEqual([
      'AKIDBASEPROFILE00001',
      'ASIAFIRST',
    ]);
    expect(sts.calls[1]?.securityToken).toBe(SECRET.token);
  });

  it('sends AssumeRoleWithWebIdentity unsigned with the token from the file', async () => {
    sts = await startFakeSts();
    const tokenFile = world.home.write('token', 'eyJ.web.identity\n');
    const session = world.session({
      env: {
        AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
        AWS_ROLE_ARN: 'arn:aws:iam::123456789012:role/irsa',
        AWS_ROLE_SESSION_NAME: 'pod-1',
        AWS_ENDPOINT_URL_STS: sts.url,
      },
    });
    expect(await session.getCredentials()).toMatchObject({
      accessKeyId: 'ASIAIRSA',
      accountId: '123456789012',
    });
    expect(sts.calls[0]?.params).toMatchObject({
      Action: 'AssumeRoleWithWebIdentity',
      RoleArn: 'arn:aws:iam::123456789012:role/irsa',
      RoleSessionName: 'pod-1',
      WebIdentityToken: 'eyJ.web.identity',
    });
    expect(sts.calls[0]?.authorization).toBeUndefined();
  });

  it('turns an STS error into a CredentialsError with its code, without secrets', async () => {
    sts = await startFakeSts({ deny: true });
    const logs: unknown[] = [];
    const session = world.session({
      profile: 'role',
      config: fixtureConfig,
      credentials: fixtureCredentials,
      env: { AWS_ENDPOINT_URL_STS: sts.url, AWS_MAX_ATTEMPTS: '1' },
      effects: {
        logger: {
          warn: (e) => logs.push(e),
          debug: (e) => logs.push(e),
          info: (e) => logs.push(e),
          error: (e) => logs.push(e),
        },
      },
    });
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).code).toBe('AccessDenied');
    expect((error as Error).message).toMatch(
      /AssumeRole of arn:aws:iam::123456789012:role\/first failed \(AccessDenied: not authorized to perform sts:AssumeRole\)/,
    );
    expectNoSecrets(['base-secret-not-real', SECRET.key, SECRET.token], error, logs);
  });
});
