// A client configured by a real Session from environment variables and config files (read through
// the session's file effect, never from this machine's ~/.aws): endpoint URL, region, credentials,
// retry settings, FIPS, app id; and code options still win.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelPath } from '../../../../scripts/lib/repo-data.js';
import { EndpointError } from '../errors/errors.js';
import { type LoopbackServer, startLoopbackServer } from '../http/test-support/loopback-server.js';
import { Session } from '../session/session.js';
import { ServiceClient } from './service-client.js';
import { installLeakGuard, TEST_CREDENTIALS } from './test-support/leak-guard.js';
import {
  DescribeRegions,
  describeRegionsXml,
  ec2ErrorXml,
  signatureIsValid,
  testEc2Service,
} from './test-support/test-services.js';

const guard = installLeakGuard();
let server: LoopbackServer;
const clients: ServiceClient[] = [];

beforeAll(async () => {
  server = await startLoopbackServer({
    fallback: { body: describeRegionsXml('req-session', ['us-east-1']) },
  });
  guard.watch(server);
});
afterAll(async () => {
  for (const client of clients) await client.destroy();
  await server.close();
});

function session(env: Record<string, string>, files: Record<string, string> = {}): Session {
  return new Session({
    env: { HOME: '/nonexistent-home', ...env },
    effects: { readFileSync: (path: string) => files[path], homedir: () => '/nonexistent-home' },
  });
}

function client(s: Session, extra: object = {}, service = testEc2Service): ServiceClient {
  const {
    credentials: _c,
    region: _r,
    ...config
  } = guard.clientConfig({ session: s, effects: { sleep: async () => {} } });
  const c = new ServiceClient(service, { ...config, ...extra });
  clients.push(c);
  return c;
}

const keys = {
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_SESSION_TOKEN: TEST_CREDENTIALS.sessionToken,
};

describe('settings from a Session', () => {
  it('uses AWS_ENDPOINT_URL_EC2, AWS_REGION and the environment keys', async () => {
    const c = client(session({ ...keys, AWS_REGION: 'ap-southeast-2', AWS_ENDPOINT_URL_EC2: server.url }));
    const output = await c.send(DescribeRegions, {});
    expect(output.$metadata.requestId).toBe('req-session');
    const request = server.received.at(-1)!;
    expect(String(request.headers['authorization'])).toContain('/ap-southeast-2/ec2/aws4_request');
    expect(await signatureIsValid(request, TEST_CREDENTIALS, 'ap-southeast-2', 'ec2')).toBe(true);
  });

  it('uses a [services] section endpoint_url and the profile region from the config file', async () => {
    const config = [
      '[default]',
      'region = eu-central-1',
      'services = local',
      'retry_mode = legacy',
      'max_attempts = 2',
      '',
      '[services local]',
      'ec2 =',
      `  endpoint_url = ${server.url}`,
      '',
    ].join('\n');
    const c = client(session({ ...keys, AWS_CONFIG_FILE: '/cfg' }, { '/cfg': config }));
    server.script(
      { status: 503, body: ec2ErrorXml('Unavailable', 'busy', 'r') },
      { status: 503, body: ec2ErrorXml('Unavailable', 'busy', 'r') },
    );
    const error = await guard.rejection(c.send(DescribeRegions, {}));
    expect(error).toMatchObject({ code: 'Unavailable', $metadata: { attempts: 2 } });
    const request = server.received.at(-1)!;
    expect(String(request.headers['authorization'])).toContain('/eu-central-1/ec2/aws4_request');
    expect(request.headers['user-agent']).toContain('cfg/retry-mode#legacy');
  });

  it('lets code options win over the session', async () => {
    const c = client(
      session({ ...keys, AWS_REGION: 'ap-southeast-2', AWS_ENDPOINT_URL_EC2: 'http://127.0.0.1:9' }),
      {
        region: 'ca-central-1',
        endpointUrl: server.url,
      },
    );
    await c.send(DescribeRegions, {});
    expect(String(server.received.at(-1)!.headers['authorization'])).toContain(
      '/ca-central-1/ec2/aws4_request',
    );
  });

  it('FIPS from AWS_USE_FIPS_ENDPOINT meets the EC2 rules: not with a custom endpoint', async () => {
    const realEc2 = {
      ...testEc2Service,
      endpointRuleSet: JSON.parse(readFileSync(modelPath('ec2/2016-11-15/endpoint-rule-set-1.json'), 'utf8')),
    };
    const env = {
      ...keys,
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_EC2: server.url,
      AWS_USE_FIPS_ENDPOINT: 'true',
    };
    const c = client(session(env), {}, realEc2);
    const error = await guard.rejection(c.send(DescribeRegions, {}));
    expect(error).toBeInstanceOf(EndpointError);
    expect(error.message).toMatch(/FIPS and custom endpoint are not supported/);
  });

  it('says how to set a region when neither code nor session has one', async () => {
    const c = client(session({ ...keys, AWS_ENDPOINT_URL_EC2: server.url }));
    const error = await guard.rejection(c.send(DescribeRegions, {}));
    expect(error).toBeInstanceOf(EndpointError);
    expect(error.message).toMatch(/No region is configured/);
  });
});
