import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CredentialsError } from '../../errors/errors.js';
import { startFakeAws } from '../test-support/fake-aws.js';
import { expectNoSecrets, type LoopbackServer, SECRET } from '../test-support/loopback.js';
import { createWorld, type World } from '../test-support/session-world.js';
import { checkFullUri, isLoopbackHost } from './container.js';

let server: LoopbackServer;
let world: World;
beforeAll(async () => {
  server = await startFakeAws({ containerToken: 'Bearer pod-identity-token' });
});
afterAll(() => server.close());
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.remove());

describe('container credentials', () => {
  it('reads the ECS relative URI under the container host, with the authorization token', async () => {
    const session = world.session({
      env: {
        AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/container/v2/credentials/abc',
        AWS_CONTAINER_AUTHORIZATION_TOKEN: 'Bearer pod-identity-token',
      },
      container: { relativeUriBase: server.url },
    });
    expect(await session.getCredentials()).toMatchObject({
      accessKeyId: 'ASIACONTAINER',
      sessionToken: SECRET.token,
      accountId: '123456789012',
    });
    expect(server.requests.at(-1)?.url).toBe('/container/v2/credentials/abc');
  });

  it('reads an EKS Pod Identity style full URI with the token file re-read on every call', async () => {
    const tokenFile = world.home.write('eks-pod-identity-token', 'Bearer pod-identity-token\n');
    const session = world.session({
      env: {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/container/v1/credentials`,
        AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE: tokenFile,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: 'ignored',
      },
    });
    expect((await session.getCredentials()).accessKeyId).toBe('ASIACONTAINER');
    expect(server.requests.at(-1)?.headers.authorization).toBe('Bearer pod-identity-token');
  });

  it('fails with the HTTP status when the endpoint refuses the token, without the token in the message', async () => {
    const session = world.session({
      env: {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/container/v1/credentials`,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: SECRET.token,
      },
    });
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    expect((error as Error).message).toMatch(/HTTP 401/);
    expectNoSecrets([SECRET.token], error);
  });

  it('refuses a full URI outside loopback and the ECS/EKS hosts without connecting', async () => {
    for (const uri of [
      'http://169.254.169.254/creds',
      'http://10.0.0.1/creds',
      'http://example.com/creds',
      'file:///etc/passwd',
    ]) {
      expect(() => checkFullUri(uri)).toThrow(/only loopback addresses and the ECS\/EKS hosts/);
    }
    for (const uri of [
      'http://127.0.0.1:8080/x',
      'http://127.9.9.9/x',
      'http://[::1]/x',
      'http://localhost/x',
      'http://169.254.170.2/v2',
      'http://169.254.170.23/v1/credentials',
      'http://[fd00:ec2::23]/v1/credentials',
    ]) {
      expect(checkFullUri(uri).href).toBe(new URL(uri).href);
    }
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('rejects a token with a line break before sending it', async () => {
    const connectionsBefore = server.connections();
    const session = world.session({
      env: {
        AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/container/x`,
        AWS_CONTAINER_AUTHORIZATION_TOKEN: 'a\r\nX-Injected: 1',
      },
    });
    await expect(session.getCredentials()).rejects.toThrow(/contains a line break/);
    expect(server.connections()).toBe(connectionsBefore);
  });
});
