import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ec2Xml } from '../client/test-support/test-services.js';
import type { AssumeRoleParams, StsCalls, StsTarget } from '../credentials/sts-calls.js';
import { createWorld, type World } from '../credentials/test-support/session-world.js';
import type { Credentials, CredentialsProvider } from '../credentials/types.js';
import { ValidationError } from '../errors/errors.js';
import { type LoopbackServer, startLoopbackServer } from '../http/test-support/loopback-server.js';
import { Session } from './session.js';

const BASE = { accessKeyId: 'AKIDBASE', secretAccessKey: 'base-secret' };
const HOUR = 3_600_000;

/** StsCalls that answer from a script, recording each call and the credentials it was signed with. */
function scriptedSts(clock: { now: number }, lifetimeMs = HOUR) {
  const calls: { params: AssumeRoleParams; signedWith: Credentials; target: StsTarget }[] = [];
  const sts: StsCalls = {
    async assumeRole(params, credentials: CredentialsProvider, target) {
      const signedWith = await credentials();
      calls.push({ params, signedWith, target });
      const account = params.roleArn.split(':')[4];
      return {
        accessKeyId: `ASIA${calls.length}`,
        secretAccessKey: `role-secret-${calls.length}`,
        sessionToken: `token-${calls.length}`,
        expiration: new Date(clock.now + lifetimeMs),
        accountId: account,
      };
    },
    assumeRoleWithWebIdentity: () => Promise.reject(new Error('not used')),
  };
  return { sts, calls };
}

let world: World;
beforeAll(() => {
  world = createWorld();
});
afterAll(() => world.remove());

function rootSession(clock: { now: number }, sts: StsCalls, extra: { region?: string } = {}): Session {
  return new Session({
    credentials: BASE,
    region: extra.region ?? 'us-east-1',
    env: world.env(),
    sts,
    effects: { now: () => clock.now, random: () => 0.5 },
  });
}

describe('session.withRegion', () => {
  it('is the same profile and credentials cache in another region', async () => {
    let fetches = 0;
    const parent = new Session({
      region: 'us-east-1',
      env: world.env(),
      credentials: async () => {
        fetches++;
        return { accessKeyId: 'AKIDCODE', secretAccessKey: 's', expiration: new Date(Date.now() + HOUR) };
      },
    });
    const child = parent.withRegion('eu-west-1');
    expect(child.region).toBe('eu-west-1');
    expect(parent.region).toBe('us-east-1');
    expect(child.profile).toBe(parent.profile);
    expect(child.clientDefaults('ec2').region).toBe('eu-west-1');
    const [a, b, c] = await Promise.all([
      child.getCredentials(),
      parent.getCredentials(),
      child.withRegion('ap-south-1').getCredentials(),
    ]);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(fetches).toBe(1);
  });

  it('refuses an empty region', () => {
    expect(() => new Session({ env: world.env() }).withRegion('')).toThrow(/withRegion needs a region/);
  });
});

describe('session.assumeRole', () => {
  const clock = { now: Date.parse('2030-01-01T00:00:00Z') };
  afterEach(() => {
    clock.now = Date.parse('2030-01-01T00:00:00Z');
  });

  it('sends nothing until credentials are needed, then one AssumeRole for 100 concurrent callers', async () => {
    const { sts, calls } = scriptedSts(clock);
    const role = rootSession(clock, sts).assumeRole({ RoleArn: 'arn:aws:iam::111111111111:role/Sweep' });
    expect(calls).toHaveLength(0);
    const all = await Promise.all(Array.from({ length: 100 }, () => role.getCredentials()));
    expect(calls).toHaveLength(1);
    expect(new Set(all).size).toBe(1);
    expect(all[0]!.accountId).toBe('111111111111');
    expect(calls[0]!.signedWith.accessKeyId).toBe('AKIDBASE');
    expect(calls[0]!.params).toMatchObject({
      roleArn: 'arn:aws:iam::111111111111:role/Sweep',
      roleSessionName: `boto-ts-session-${clock.now / 1000}`,
    });
    expect(calls[0]!.target.region).toBe('us-east-1');
    // The clients it serves get the role's credentials.
    expect(await role.clientDefaults('ec2').credentials()).toBe(all[0]);
  });

  it('refreshes on its own inside the refresh window, once, and keeps serving until then', async () => {
    const { sts, calls } = scriptedSts(clock);
    const role = rootSession(clock, sts).assumeRole({
      RoleArn: 'arn:aws:iam::111111111111:role/Sweep',
      DurationSeconds: 3600,
    });
    const first = await role.getCredentials();
    clock.now += 20 * 60_000; // 40 minutes left: before the 15-minute advisory window
    expect(await role.getCredentials()).toBe(first);
    expect(calls).toHaveLength(1);
    clock.now += 30 * 60_000; // 10 minutes left: the mandatory window, callers wait for one refresh
    const renewed = await Promise.all([role.getCredentials(), role.getCredentials(), role.getCredentials()]);
    expect(calls).toHaveLength(2);
    expect(renewed[0]).not.toBe(first);
    expect(new Set(renewed).size).toBe(1);
    expect(calls[1]!.params.durationSeconds).toBe(3600);
  });

  it('chains: a role assumed from a role is signed with the first role\u2019s credentials', async () => {
    const { sts, calls } = scriptedSts(clock);
    const hub = rootSession(clock, sts).assumeRole({ RoleArn: 'arn:aws:iam::111111111111:role/Hub' });
    const spoke = hub
      .withRegion('eu-west-1')
      .assumeRole({ RoleArn: 'arn:aws:iam::222222222222:role/Spoke', ExternalId: 'ext-1' });
    const credentials = await spoke.getCredentials();
    expect(calls.map((c) => c.params.roleArn)).toEqual([
      'arn:aws:iam::111111111111:role/Hub',
      'arn:aws:iam::222222222222:role/Spoke',
    ]);
    expect(calls[1]!.signedWith.accessKeyId).toBe((await hub.getCredentials()).accessKeyId);
    expect(calls[1]!.params.externalId).toBe('ext-1');
    expect(calls[1]!.target.region).toBe('eu-west-1');
    expect(credentials.accountId).toBe('222222222222');
    expect(spoke.region).toBe('eu-west-1');
  });

  it('shares one cache for the same role of the same identity, in any region, and not across identities', async () => {
    const { sts, calls } = scriptedSts(clock);
    const root = rootSession(clock, sts);
    const options = { RoleArn: 'arn:aws:iam::111111111111:role/Sweep', RoleSessionName: 'sweep' };
    await root.assumeRole(options).getCredentials();
    await root.withRegion('eu-west-1').assumeRole(options).getCredentials();
    await root.assumeRole(options).withRegion('ap-south-1').getCredentials();
    expect(calls).toHaveLength(1);
    await root.assumeRole({ ...options, RoleSessionName: 'other' }).getCredentials();
    await root
      .assumeRole({ RoleArn: 'arn:aws:iam::111111111111:role/Hub' })
      .assumeRole(options)
      .getCredentials();
    expect(calls).toHaveLength(4);
  });

  it('refuses bad parameters before sending anything, naming each', () => {
    const { sts, calls } = scriptedSts(clock);
    const root = rootSession(clock, sts);
    let error: unknown;
    try {
      root.assumeRole({ RoleArn: 'Sweep', RoleSessionName: 'x', DurationSeconds: 60, ExternalId: 'e' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems.map((p) => p.path)).toEqual([
      'RoleArn',
      'RoleSessionName',
      'ExternalId',
      'DurationSeconds',
    ]);
    expect(calls).toHaveLength(0);
  });
});

describe('session.enabledRegions', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    const item = (name: string, status: string) =>
      `<item><regionName>${name}</regionName><regionEndpoint>ec2.${name}.amazonaws.com</regionEndpoint><optInStatus>${status}</optInStatus></item>`;
    server = await startLoopbackServer({
      fallback: {
        body: ec2Xml(
          'DescribeRegions',
          'req-regions',
          `<regionInfo>${item('us-west-2', 'opt-in-not-required')}${item('af-south-1', 'not-opted-in')}${item('ap-east-1', 'opted-in')}${item('us-east-1', 'opt-in-not-required')}</regionInfo>`,
        ),
      },
    });
  });
  afterAll(() => server.close());

  it('asks EC2 for all regions and keeps the ones the account may call, through the session\u2019s endpoint', async () => {
    const session = new Session({
      region: 'eu-west-1',
      credentials: BASE,
      env: world.env({ AWS_ENDPOINT_URL_EC2: server.url }),
    });
    expect(await session.enabledRegions()).toEqual(['ap-east-1', 'us-east-1', 'us-west-2']);
    const request = server.received.at(-1)!;
    expect(new URLSearchParams(request.body).get('Action')).toBe('DescribeRegions');
    expect(new URLSearchParams(request.body).get('AllRegions')).toBe('true');
    expect(request.headers.authorization).toMatch(/Credential=AKIDBASE\/\d{8}\/eu-west-1\/ec2\//);
    // The one-call client is destroyed: its socket is closed.
    await expect.poll(() => server.connectionsOpen()).toBe(0);
  });
});
