import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emptyProfile } from '../../config/shared-config.js';
import { ConfigError } from '../../errors/errors.js';
import { IMDS_TOKEN, startFakeAws } from '../test-support/fake-aws.js';
import type { LoopbackServer } from '../test-support/loopback.js';
import { createWorld, type World } from '../test-support/session-world.js';
import { readImdsSettings } from './imds.js';

let world: World;
let server: LoopbackServer | undefined;
beforeEach(() => {
  world = createWorld();
});
afterEach(async () => {
  world.remove();
  await server?.close();
  server = undefined;
});

const imdsEnv = (endpoint: string, extra: Record<string, string> = {}) => ({
  AWS_EC2_METADATA_DISABLED: undefined,
  AWS_EC2_METADATA_SERVICE_ENDPOINT: endpoint,
  ...extra,
});

describe('instance metadata (IMDS)', () => {
  it('gets a v2 token (TTL 21600), the role name and its credentials', async () => {
    server = await startFakeAws();
    const session = world.session({ env: imdsEnv(server.url) });
    expect(await session.getCredentials()).toMatchObject({ accessKeyId: 'ASIAIMDS' });
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'PUT /latest/api/token',
      'GET /latest/meta-data/iam/security-credentials/',
      'GET /latest/meta-data/iam/security-credentials/fixture-instance-role',
    ]);
    expect(server.requests[0]?.headers['x-aws-ec2-metadata-token-ttl-seconds']).toBe('21600');
    expect(server.requests[2]?.headers['x-aws-ec2-metadata-token']).toBe(IMDS_TOKEN);
  });

  it('falls back to IMDSv1 when the token call is refused and v1 is allowed', async () => {
    server = await startFakeAws({ imds: 'v1-only' });
    const session = world.session({ env: imdsEnv(server.url) });
    expect((await session.getCredentials()).accessKeyId).toBe('ASIAIMDSV1');
    expect(server.requests[1]?.headers['x-aws-ec2-metadata-token']).toBeUndefined();
  });

  it('does not fall back to IMDSv1 when it is disabled (env or profile)', async () => {
    server = await startFakeAws({ imds: 'v1-only' });
    const byEnv = world.session({ env: imdsEnv(server.url, { AWS_EC2_METADATA_V1_DISABLED: 'true' }) });
    await expect(byEnv.getCredentials()).rejects.toThrow(
      /imds: the IMDSv2 token request was refused \(HTTP 403\) and IMDSv1 is disabled/,
    );
    const byProfile = world.session({
      config: '[default]\nec2_metadata_v1_disabled = true\n',
      env: imdsEnv(server.url),
    });
    await expect(byProfile.getCredentials()).rejects.toThrow(/IMDSv1 is disabled/);
    expect(server.requests.filter((r) => r.method === 'GET')).toHaveLength(0);
  });

  it('says when the instance has no role', async () => {
    server = await startFakeAws({ imds: 'no-role' });
    const session = world.session({ env: imdsEnv(server.url) });
    await expect(session.getCredentials()).rejects.toThrow(/imds: the instance has no IAM role/);
  });

  it('is skipped, without a connection, when AWS_EC2_METADATA_DISABLED is true', async () => {
    server = await startFakeAws();
    const session = world.session({ env: imdsEnv(server.url, { AWS_EC2_METADATA_DISABLED: 'TRUE' }) });
    await expect(session.getCredentials()).rejects.toThrow(/imds: AWS_EC2_METADATA_DISABLED is true/);
    expect(server.connections()).toBe(0);
  });

  it('reads the endpoint from the profile and the IPv6 mode, timeout and attempts settings', () => {
    const profile = (values: Record<string, string>) => ({
      ...emptyProfile('p'),
      get: (key: string) => values[key],
    });
    expect(readImdsSettings({ env: {}, profile: emptyProfile('p') })).toEqual({
      disabled: false,
      endpoint: 'http://169.254.169.254',
      v1Disabled: false,
      timeoutMs: 1000,
      attempts: 1,
    });
    expect(
      readImdsSettings({
        env: { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv6' },
        profile: emptyProfile('p'),
      }).endpoint,
    ).toBe('http://[fd00:ec2::254]');
    expect(
      readImdsSettings({
        env: {},
        profile: profile({
          ec2_metadata_service_endpoint_mode: 'ipv6',
          ec2_metadata_service_endpoint: 'http://127.0.0.1:9/',
          metadata_service_timeout: '2',
          metadata_service_num_attempts: '3',
        }),
      }),
    ).toMatchObject({ endpoint: 'http://127.0.0.1:9', timeoutMs: 2000, attempts: 3 });
    expect(() =>
      readImdsSettings({
        env: { AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE: 'IPv5' },
        profile: emptyProfile('p'),
      }),
    ).toThrow(ConfigError);
  });

  it('retries a 5xx up to metadata_service_num_attempts', async () => {
    server = await startFakeAws({ imds: 'error' });
    const session = world.session({ env: imdsEnv(server.url, { AWS_METADATA_SERVICE_NUM_ATTEMPTS: '3' }) });
    await expect(session.getCredentials()).rejects.toThrow(/token request failed with HTTP 500/);
    expect(server.requests).toHaveLength(3);
  });
});
