// Integration: an assume-role profile against moto's STS server, through the generated STS client
// and the SDK's pipeline. Skips without moto on a developer machine; CI requires it.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../../../../scripts/lib/moto.js';
import { createWorld, type World } from '../credentials/test-support/session-world.js';

const available = motoAvailable();
let moto: MotoServer;
let world: World;

describe.skipIf(!available)('assume-role against moto STS', () => {
  beforeAll(async () => {
    moto = await startMoto();
    world = createWorld();
  }, 30_000);
  afterAll(async () => {
    world?.remove();
    await moto?.stop();
  });

  it('assumes a chain of two roles and refreshes nothing while they are fresh', async () => {
    const session = world.session({
      profile: 'second',
      config: [
        '[profile first]',
        'role_arn = arn:aws:iam::123456789012:role/first-role',
        'source_profile = base',
        'role_session_name = moto-first',
        'duration_seconds = 3600',
        '[profile second]',
        'role_arn = arn:aws:iam::123456789012:role/second-role',
        'source_profile = first',
        'external_id = moto-external',
        'region = us-east-1',
      ].join('\n'),
      credentials: `[base]\naws_access_key_id = ${moto.credentials.accessKeyId}\naws_secret_access_key = ${moto.credentials.secretAccessKey}\n`,
      env: { AWS_ENDPOINT_URL_STS: moto.endpoint },
    });
    const credentials = await session.getCredentials();
    expect(credentials.accessKeyId).toMatch(/^ASIA/);
    expect(credentials.sessionToken).toBeTruthy();
    expect(credentials.expiration?.getTime()).toBeGreaterThan(Date.now());
    expect(credentials.accountId).toBe('123456789012');
    expect(await session.getCredentials()).toBe(credentials);
  });
});
