import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError, CredentialsError } from '../../errors/errors.js';
import { roleCredentialsUrl } from '../sso-portal.js';
import { startFakeAws } from '../test-support/fake-aws.js';
import { expectNoSecrets, type LoopbackServer, SECRET } from '../test-support/loopback.js';
import { createWorld, type World } from '../test-support/session-world.js';
import { ssoTokenCachePath } from './sso.js';

let server: LoopbackServer;
let world: World;
beforeAll(async () => {
  server = await startFakeAws({ ssoToken: SECRET.token });
});
afterAll(() => server.close());
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.remove());

const NEW_STYLE = `[profile sso]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = ReadOnly

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1
sso_registration_scopes = sso:account:access
`;
const LEGACY = `[profile legacy]
sso_start_url = https://legacy.awsapps.com/start
sso_region = eu-west-1
sso_account_id = 210987654321
sso_role_name = Admin
`;

function cacheToken(key: string, expiresAt: string, accessToken: string = SECRET.token) {
  const file = join('.aws', 'sso', 'cache', `${createHash('sha1').update(key).digest('hex')}.json`);
  world.home.write(file, JSON.stringify({ startUrl: 'x', region: 'us-east-1', accessToken, expiresAt }));
}

const future = () => new Date(Date.now() + 3600_000).toISOString();

describe('SSO credentials', () => {
  it('names the token cache file after the sha1 of the session name or start URL, as the CLI does', () => {
    // Expected names computed with Python's hashlib, as the AWS CLI does.
    expect(ssoTokenCachePath('/home/u', 'corp')).toBe(
      join('/home/u', '.aws', 'sso', 'cache', 'ee0bfd2552fbd840c02cc48b6e823320543c450f.json'),
    );
    expect(ssoTokenCachePath('/h', 'https://my-sso-portal.awsapps.com/start')).toBe(
      join('/h', '.aws', 'sso', 'cache', 'c7aaaf71fcc8777ae2475525ed049d39fe16c484.json'),
    );
  });

  it('uses an sso_session profile: cached token, then one unsigned GET to the portal', async () => {
    cacheToken('corp', future());
    const session = world.session({
      profile: 'sso',
      config: NEW_STYLE,
      env: { AWS_ENDPOINT_URL_SSO: server.url },
    });
    const credentials = await session.getCredentials();
    expect(credentials).toMatchObject({ accessKeyId: 'ASIASSO', accountId: '123456789012' });
    const request = server.requests.at(-1);
    expect(request?.method).toBe('GET');
    expect(request?.url).toBe('/federation/credentials?role_name=ReadOnly&account_id=123456789012');
    expect(request?.headers['x-amz-sso_bearer_token']).toBe(SECRET.token);
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('uses the legacy keys with the start URL as the cache key, including the older UTC timestamp form', async () => {
    cacheToken('https://legacy.awsapps.com/start', future().replace(/\.\d+Z$/, 'UTC'));
    const session = world.session({
      profile: 'legacy',
      config: LEGACY,
      env: { AWS_ENDPOINT_URL_SSO: server.url },
    });
    expect((await session.getCredentials()).accessKeyId).toBe('ASIASSO');
  });

  it('builds the real portal URL from sso_region', () => {
    expect(
      roleCredentialsUrl({
        endpoint: 'https://portal.sso.eu-west-1.amazonaws.com',
        roleName: 'Admin Role',
        accountId: '210987654321',
      }),
    ).toBe(
      'https://portal.sso.eu-west-1.amazonaws.com/federation/credentials?role_name=Admin%20Role&account_id=210987654321',
    );
  });

  it('says to run aws sso login when the token has expired, without calling the portal', async () => {
    cacheToken('corp', '2020-01-01T00:00:00Z');
    const before = server.requests.length;
    const session = world.session({
      profile: 'sso',
      config: NEW_STYLE,
      env: { AWS_ENDPOINT_URL_SSO: server.url },
    });
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as CredentialsError).code).toBe('SsoTokenExpired');
    expect((error as Error).message).toContain('run `aws sso login --sso-session corp` to renew it');
    expect(server.requests.length).toBe(before);
    expectNoSecrets([SECRET.token], error);
  });

  it('says to run aws sso login when there is no cached token, or the portal rejects it', async () => {
    const session = world.session({
      profile: 'legacy',
      config: LEGACY,
      env: { AWS_ENDPOINT_URL_SSO: server.url },
    });
    await expect(session.getCredentials()).rejects.toThrow(
      /No cached SSO token .*run `aws sso login --profile legacy` first/,
    );
    cacheToken('https://legacy.awsapps.com/start', future(), 'stale-token-value');
    const rejected = world.session({
      profile: 'legacy',
      config: LEGACY,
      env: { AWS_ENDPOINT_URL_SSO: server.url },
    });
    const error = await rejected.getCredentials().catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /rejected the cached token \(UnauthorizedException\); run `aws sso login --profile legacy`/,
    );
    expectNoSecrets(['stale-token-value'], error);
  });

  it('names missing or conflicting SSO keys', async () => {
    const missing = world.session({
      profile: 'p',
      config: '[profile p]\nsso_session = corp\n[sso-session corp]\nsso_region = us-east-1\n',
    });
    const error = await missing.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toBe(
      'Profile "p" is set up for SSO but lacks sso_start_url, sso_account_id, sso_role_name (in the profile or [sso-session corp]).',
    );
    const noSection = world.session({ profile: 'p', config: '[profile p]\nsso_session = nope\n' });
    await expect(noSection.getCredentials()).rejects.toThrow(/no \[sso-session nope\] section/);
    const conflict = world.session({
      profile: 'sso',
      config: NEW_STYLE.replace(
        'sso_role_name = ReadOnly',
        'sso_role_name = ReadOnly\nsso_region = eu-west-1',
      ),
    });
    await expect(conflict.getCredentials()).rejects.toThrow(
      /sets sso_region differently from \[sso-session corp\]/,
    );
  });
});
