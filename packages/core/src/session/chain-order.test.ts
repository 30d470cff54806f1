// The default chain's order, shown against real loopback endpoints: every source is configured at
// once, and removing the winner each time hands the credentials to the next source in botocore's order.

import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHAIN_ORDER } from '../credentials/chain-order.js';
import { recordingSts, startFakeAws } from '../credentials/test-support/fake-aws.js';
import { expectNoSecrets, type LoopbackServer, SECRET } from '../credentials/test-support/loopback.js';
import { createWorld, type World } from '../credentials/test-support/session-world.js';
import { CredentialsError } from '../errors/errors.js';

let server: LoopbackServer;
let world: World;
beforeAll(async () => {
  server = await startFakeAws();
});
afterAll(() => server.close());
beforeEach(() => {
  world = createWorld();
});
afterEach(() => world.remove());

interface Setup {
  env: Record<string, string | undefined>;
  profileLines: string[];
  credentialsLines: string[];
}

function everything(): Setup {
  const tokenFile = world.home.write('web-token', 'web-identity-token');
  const script = world.home.write(
    'creds.cjs',
    `process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: 'ASIAPROCESS', SecretAccessKey: '${SECRET.key}' }))`,
  );
  world.home.write(
    join('.aws', 'sso', 'cache', `${createHash('sha1').update('corp').digest('hex')}.json`),
    JSON.stringify({ accessToken: SECRET.token, expiresAt: new Date(Date.now() + 3600_000).toISOString() }),
  );
  return {
    env: {
      AWS_ACCESS_KEY_ID: 'AKIDENVIRONMENT',
      AWS_SECRET_ACCESS_KEY: SECRET.key,
      AWS_WEB_IDENTITY_TOKEN_FILE: tokenFile,
      AWS_ROLE_ARN: 'arn:aws:iam::1:role/webidentity',
      AWS_ENDPOINT_URL_SSO: server.url,
      AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/container/creds`,
      AWS_EC2_METADATA_DISABLED: undefined,
      AWS_EC2_METADATA_SERVICE_ENDPOINT: server.url,
    },
    profileLines: [
      'role_arn = arn:aws:iam::1:role/assumed',
      'source_profile = base',
      'sso_session = corp',
      'sso_account_id = 123456789012',
      'sso_role_name = ReadOnly',
      `credential_process = '${process.execPath}' '${script}'`,
      'aws_access_key_id = AKIDCONFIGFILE',
      `aws_secret_access_key = ${SECRET.key}`,
    ],
    credentialsLines: ['aws_access_key_id = AKIDCREDENTIALSFILE', `aws_secret_access_key = ${SECRET.key}`],
  };
}

async function winner(setup: Setup): Promise<string> {
  const session = world.session({
    config: `[default]\n${setup.profileLines.join('\n')}\n[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n`,
    credentials: `[default]\n${setup.credentialsLines.join('\n')}\n[base]\naws_access_key_id = AKIDBASE\naws_secret_access_key = ${SECRET.key}\n`,
    env: setup.env,
    sts: recordingSts(),
  });
  return (await session.getCredentials()).accessKeyId;
}

describe('the default credential chain', () => {
  it("tries every source in botocore's order", async () => {
    const setup = everything();
    const steps: [string, string, () => void][] = [
      [
        'environment',
        'AKIDENVIRONMENT',
        () => {
          setup.env.AWS_ACCESS_KEY_ID = undefined;
          setup.env.AWS_SECRET_ACCESS_KEY = undefined;
        },
      ],
      [
        'assume-role',
        'ASIAASSUMED',
        () => {
          setup.profileLines = setup.profileLines.filter(
            (l) => !l.startsWith('role_arn') && !l.startsWith('source_profile'),
          );
        },
      ],
      [
        'web-identity',
        'ASIAWEBIDENTITY',
        () => {
          setup.env.AWS_WEB_IDENTITY_TOKEN_FILE = undefined;
        },
      ],
      [
        'sso',
        'ASIASSO',
        () => {
          setup.profileLines = setup.profileLines.filter((l) => !l.startsWith('sso_'));
        },
      ],
      [
        'credentials-file',
        'AKIDCREDENTIALSFILE',
        () => {
          setup.credentialsLines = [];
        },
      ],
      [
        'credential-process',
        'ASIAPROCESS',
        () => {
          setup.profileLines = setup.profileLines.filter((l) => !l.startsWith('credential_process'));
        },
      ],
      [
        'config-file',
        'AKIDCONFIGFILE',
        () => {
          setup.profileLines = [];
        },
      ],
      [
        'container',
        'ASIACONTAINER',
        () => {
          setup.env.AWS_CONTAINER_CREDENTIALS_FULL_URI = undefined;
        },
      ],
      ['imds', 'ASIAIMDS', () => {}],
    ];
    expect(steps.map(([name]) => name)).toEqual([...DEFAULT_CHAIN_ORDER]);
    for (const [name, expected, remove] of steps) {
      expect(await winner(setup), `${name} should win`).toBe(expected);
      remove();
    }
  });

  it('lists every source and why it was skipped when none applies', async () => {
    const session = world.session({ config: '[default]\nregion = us-east-1\n' });
    const error = await session.getCredentials().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CredentialsError);
    const tried = (error as CredentialsError).tried;
    expect(tried.map((t) => t.source)).toEqual([...DEFAULT_CHAIN_ORDER]);
    expect(tried.every((t) => t.reason.length > 10)).toBe(true);
    expect((error as CredentialsError).code).toBe('CredentialsNotFound');
    for (const source of DEFAULT_CHAIN_ORDER) expect((error as Error).message).toContain(`  - ${source}: `);
  });

  it('skips environment keys when the profile is chosen in code, but not when it comes from AWS_PROFILE', async () => {
    const credentials = `[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = ${SECRET.key}\n`;
    const env = { AWS_ACCESS_KEY_ID: 'AKIDENVIRONMENT', AWS_SECRET_ACCESS_KEY: SECRET.key };
    expect((await world.session({ profile: 'dev', credentials, env }).getCredentials()).accessKeyId).toBe(
      'AKIDDEV',
    );
    expect(
      (await world.session({ credentials, env: { ...env, AWS_PROFILE: 'dev' } }).getCredentials())
        .accessKeyId,
    ).toBe('AKIDENVIRONMENT');
  });

  it('goes back to the source that won for refreshes, and keeps secrets out of every error', async () => {
    const session = world.session({
      env: { AWS_CONTAINER_CREDENTIALS_FULL_URI: `${server.url}/container/creds` },
    });
    const before = server.requests.length;
    await session.getCredentials();
    await session.getCredentials();
    expect(server.requests.length - before).toBe(1);

    const failing = world.session({
      config: `[default]\ncredential_process = '${process.execPath}' -e "process.stdout.write('${SECRET.key}'); process.exit(1)"\n`,
    });
    const error = await failing.getCredentials().catch((e: unknown) => e);
    expectNoSecrets([SECRET.key, SECRET.token], error);
  });
});
