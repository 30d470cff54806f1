// ServiceClient.send end to end against loopback servers that answer EC2 and STS XML: what goes on
// the wire (checked with @smithy/signature-v4), outputs and $metadata, errors, DryRun, validation,
// endpoints, sessions, trace and logger, destroy. Every client here runs with trace and logger on,
// through the leak guard.

import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BotoError,
  CredentialsError,
  EndpointError,
  NetworkError,
  ServiceError,
  TimeoutError,
  ValidationError,
  XmlParseError,
} from '../errors/errors.js';
import {
  activeResources,
  eventually,
  type LoopbackServer,
  startLoopbackServer,
} from '../http/test-support/loopback-server.js';
import type { Transport } from '../http/types.js';
import { fastXmlParserDecoder } from '../xml/decode-output.js';
import { isDryRunOutcome } from './dry-run.js';
import { ServiceClient } from './service-client.js';
import { installLeakGuard, TEST_CREDENTIALS } from './test-support/leak-guard.js';
import {
  AssumeRole,
  assumeRoleXml,
  DescribeRegions,
  describeRegionsXml,
  ec2ErrorXml,
  formParams,
  RunInstances,
  signatureIsValid,
  testEc2Service,
  testStsService,
} from './test-support/test-services.js';
import type { ClientConfig } from './types.js';
import { SDK_VERSION } from './version.js';

const guard = installLeakGuard();
const baseline = activeResources();
let server: LoopbackServer;
const clients: ServiceClient[] = [];

function ec2(extra: ClientConfig = {}): ServiceClient {
  const client = new ServiceClient(
    testEc2Service,
    guard.clientConfig({
      endpointUrl: server.url,
      effects: { random: () => 0.5, sleep: async () => {} },
      ...extra,
    }),
  );
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startLoopbackServer({
    fallback: { status: 200, body: describeRegionsXml('req-default', []) },
  });
  guard.watch(server);
});

afterAll(async () => {
  for (const client of clients) await client.destroy();
  await server.close();
  await eventually(
    () =>
      ['Timeout', 'TCPSocketWrap', 'TCPServerWrap'].every(
        (k) => (activeResources()[k] ?? 0) <= (baseline[k] ?? 0),
      ),
    'no socket, server or timer left',
  );
});

describe('a successful call', () => {
  it('sends a signed form POST and resolves to the decoded output with $metadata', async () => {
    server.script({
      body: describeRegionsXml('req-1', ['us-east-1', 'eu-west-1']),
      headers: { 'content-type': 'text/xml' },
    });
    const client = ec2();
    const output = await client.send(DescribeRegions, { RegionNames: ['us-east-1', 'eu-west-1'] });
    expect(output).toEqual({
      Regions: [
        { RegionName: 'us-east-1', Endpoint: 'ec2.us-east-1.amazonaws.com' },
        { RegionName: 'eu-west-1', Endpoint: 'ec2.eu-west-1.amazonaws.com' },
      ],
      $metadata: { requestId: 'req-1', httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
    const request = server.received.at(-1)!;
    expect(request.method).toBe('POST');
    expect(request.url).toBe('/');
    expect(formParams(request)).toEqual({
      Action: 'DescribeRegions',
      Version: '2016-11-15',
      'RegionName.1': 'us-east-1',
      'RegionName.2': 'eu-west-1',
    });
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=utf-8');
    expect(request.headers['x-amz-security-token']).toBe(TEST_CREDENTIALS.sessionToken);
    expect(request.headers['user-agent']).toMatch(
      new RegExp(
        `^boto-ts/${SDK_VERSION} ua/2\\.1 os/\\S+ lang/js md/nodejs#\\S+ api/ec2#2016-11-15 cfg/retry-mode#standard$`,
      ),
    );
    expect(String(request.headers['authorization'])).toMatch(
      /Credential=AKIDLEAKGUARD000001\/\d{8}\/us-east-1\/ec2\/aws4_request/,
    );
    expect(await signatureIsValid(request, TEST_CREDENTIALS, 'us-east-1', 'ec2')).toBe(true);
  });

  it('accepts a credentials provider and calls it for each attempt', async () => {
    let calls = 0;
    const client = ec2({
      credentials: async () => {
        calls++;
        return TEST_CREDENTIALS;
      },
    });
    server.script({ status: 503, body: 'busy' }, { body: describeRegionsXml('req-p', []) });
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata.attempts).toBe(2);
    expect(calls).toBe(2);
  });

  it('adds app/<appId> to the User-Agent', async () => {
    await ec2({ appId: 'inventory-tool' }).send(DescribeRegions, {});
    expect(server.received.at(-1)!.headers['user-agent']).toMatch(/ app\/inventory-tool$/);
  });

  it('fills an idempotency token once per call: every retry sends the same ClientToken', async () => {
    server.script(
      { status: 500, body: ec2ErrorXml('InternalError', 'oops', 'r1') },
      { status: 503, body: ec2ErrorXml('Unavailable', 'busy', 'r2') },
      {
        body: '<RunInstancesResponse><requestId>r3</requestId><reservationId>r-1</reservationId><instancesSet><item><instanceId>i-1</instanceId></item></instancesSet></RunInstancesResponse>',
      },
    );
    const input = { ImageId: 'ami-1', MinCount: 1, MaxCount: 1 };
    const output = await ec2().send(RunInstances, input);
    expect(output).toMatchObject({
      ReservationId: 'r-1',
      Instances: [{ InstanceId: 'i-1' }],
      $metadata: { attempts: 3 },
    });
    const tokens = server.received.slice(-3).map((r) => formParams(r)['ClientToken']);
    expect(tokens[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(tokens).size).toBe(1);
    expect(input).not.toHaveProperty('ClientToken');
  });
});

describe('the xmlDecoder option', () => {
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<DescribeRegionsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/">
  <requestId>req-x</requestId>
  <regionInfo>
    <item><regionName>eu-west-1</regionName><regionEndpoint>ec2.eu-west-1.amazonaws.com</regionEndpoint></item>
    <item><regionName>ap-south-2</regionName><regionEndpoint>ec2.ap-south-2.amazonaws.com</regionEndpoint></item>
  </regionInfo>
</DescribeRegionsResponse>`;

  it('fastXmlParserDecoder gives what the built-in decoder gives', async () => {
    server.script({ body }, { body });
    const builtin = await ec2().send(DescribeRegions, {});
    const fallback = await ec2({ xmlDecoder: fastXmlParserDecoder }).send(DescribeRegions, {});
    expect(builtin).toMatchObject({
      Regions: [
        { RegionName: 'eu-west-1', Endpoint: 'ec2.eu-west-1.amazonaws.com' },
        { RegionName: 'ap-south-2', Endpoint: 'ec2.ap-south-2.amazonaws.com' },
      ],
    });
    expect(fallback).toEqual(builtin);
  });

  it('fastXmlParserDecoder also rejects a truncated body with an XmlParseError with the request id', async () => {
    server.script({
      body: '<DescribeRegionsResponse><requestId>req-f</requestId><regionInfo><item><regionName>us-',
    });
    const client = ec2({ xmlDecoder: fastXmlParserDecoder });
    const error = (await guard.rejection(client.send(DescribeRegions, {}))) as XmlParseError;
    expect(error).toBeInstanceOf(XmlParseError);
    expect(error.requestId).toBe('req-f');
  });

  it("calls a decoder of the caller's with the operation and the body, and returns its output", async () => {
    server.script({ body });
    const seen: string[] = [];
    const client = ec2({
      xmlDecoder: (_service, operation, received) => {
        seen.push(`${operation.name}:${Buffer.from(received).toString('utf8').length}`);
        return { output: { Regions: [] }, requestId: 'from-decoder' };
      },
    });
    const output = await client.send(DescribeRegions, {});
    expect(seen).toEqual([`DescribeRegions:${body.length}`]);
    expect(output).toEqual({
      Regions: [],
      $metadata: { requestId: 'from-decoder', httpStatusCode: 200, attempts: 1, totalRetryDelay: 0 },
    });
  });
});

describe('request compression', () => {
  it('gzips a large body for an operation that accepts it, and signs what it sends', async () => {
    const Compressed = { ...DescribeRegions, requestCompression: ['gzip'] } as const;
    const names = Array.from({ length: 800 }, (_, i) => `region-name-${i}`);
    await ec2().send(Compressed, { RegionNames: names });
    const request = server.received.at(-1)!;
    expect(request.headers['content-encoding']).toBe('gzip');
    const form = new URLSearchParams(gunzipSync(request.rawBody).toString('utf8'));
    expect(form.get('RegionName.800')).toBe('region-name-799');
    expect(Number(request.headers['content-length'])).toBe(request.rawBody.length);
    expect(
      await signatureIsValid(
        { ...request, body: request.rawBody as unknown as string },
        TEST_CREDENTIALS,
        'us-east-1',
        'ec2',
      ),
    ).toBe(true);
  });
});

describe('errors', () => {
  it('rejects with a ServiceError carrying code, message, requestId, status and $metadata', async () => {
    server.script({
      status: 400,
      body: ec2ErrorXml('InvalidParameterValue', 'Value (x) for parameter regionName is invalid', 'req-e'),
    });
    const error = await guard.rejection(ec2().send(DescribeRegions, { RegionNames: ['x'] }));
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({
      name: 'ServiceError',
      code: 'InvalidParameterValue',
      message: 'Value (x) for parameter regionName is invalid',
      requestId: 'req-e',
      statusCode: 400,
      retryable: false,
      $metadata: { requestId: 'req-e', httpStatusCode: 400, attempts: 1, totalRetryDelay: 0 },
    });
  });

  it('turns an HTML 502 from a proxy into a retryable ServiceError after the last attempt', async () => {
    const page = {
      status: 502,
      headers: { 'content-type': 'text/html' },
      body: '<html><body>Bad Gateway</body></html>',
    };
    server.script(page, page, page);
    const error = (await guard.rejection(ec2().send(DescribeRegions, {}))) as ServiceError;
    expect(error.code).toBe('Http502');
    expect(error.retryable).toBe(true);
    expect(error.$metadata).toMatchObject({ attempts: 3, httpStatusCode: 502, totalRetryDelay: 500 + 1000 });
  });

  it('validates before sending: a ValidationError lists every problem and nothing reaches the server', async () => {
    const before = server.received.length;
    const error = (await guard.rejection(
      ec2().send(RunInstances, { ImageId: 5, MaxCount: 1 }),
    )) as ValidationError;
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.problems.map((p) => p.path).sort()).toEqual(['ImageId', 'MinCount']);
    expect(server.received.length).toBe(before);
  });

  it('refuses a malformed region before sending anything', async () => {
    const before = server.received.length;
    const client = new ServiceClient(testEc2Service, guard.clientConfig({ region: 'US_EAST_1' }));
    clients.push(client);
    const error = await guard.rejection(client.send(DescribeRegions, {}));
    expect(error).toBeInstanceOf(EndpointError);
    expect(error.message).toMatch(/such as us-east-1/);
    expect(server.received.length).toBe(before);
  });

  it('rejects a truncated success body with an XmlParseError that has the request id, never half an output', async () => {
    server.script({
      body: '<DescribeRegionsResponse><requestId>req-t</requestId><regionInfo><item><regionName>us-',
    });
    const error = (await guard.rejection(ec2().send(DescribeRegions, {}))) as XmlParseError;
    expect(error).toBeInstanceOf(XmlParseError);
    expect(error.requestId).toBe('req-t');
  });

  it('says so when no credentials were given and the operation must be signed', async () => {
    const client = new ServiceClient(testEc2Service, {
      ...guard.clientConfig({ endpointUrl: server.url }),
      credentials: undefined,
      session: {
        clientDefaults: () => ({ credentials: async () => ({ accessKeyId: '', secretAccessKey: '' }) }),
      },
    });
    clients.push(client);
    const error = await guard.rejection(client.send(DescribeRegions, {}));
    expect(error).toBeInstanceOf(CredentialsError);
    expect(error.message).toMatch(/accessKeyId/);
  });

  it('scrubs the caller\u2019s session token and signature from a service message that echoes them', async () => {
    const client = ec2();
    server.script({
      status: 403,
      body: ec2ErrorXml(
        'SignatureDoesNotMatch',
        `The request signature we calculated does not match. Canonical request: x-amz-security-token:${TEST_CREDENTIALS.sessionToken}`,
        'req-s',
      ),
    });
    const error = await guard.rejection(client.send(DescribeRegions, {}));
    expect(error.message).toContain('x-amz-security-token:***');
  });
});

describe('dry runs', () => {
  it('resolves DryRunOperation to a DryRunOutcome', async () => {
    server.script({
      status: 412,
      body: ec2ErrorXml('DryRunOperation', 'Request would have succeeded, but DryRun flag is set.', 'req-d'),
    });
    const outcome = await ec2().send(RunInstances, {
      ImageId: 'ami-1',
      MinCount: 1,
      MaxCount: 1,
      DryRun: true,
    });
    expect(isDryRunOutcome(outcome)).toBe(true);
    expect(outcome).toEqual({
      $dryRun: { code: 'DryRunOperation', message: 'Request would have succeeded, but DryRun flag is set.' },
      $metadata: { requestId: 'req-d', httpStatusCode: 412, attempts: 1, totalRetryDelay: 0 },
    });
    expect(formParams(server.received.at(-1)!)['DryRun']).toBe('true');
  });

  it('still rejects any other error of a dry run', async () => {
    server.script({
      status: 403,
      body: ec2ErrorXml(
        'UnauthorizedOperation',
        'You are not authorized to perform this operation.',
        'req-u',
      ),
    });
    const error = await guard.rejection(
      ec2().send(RunInstances, { ImageId: 'ami-1', MinCount: 1, MaxCount: 1, DryRun: true }),
    );
    expect(error).toMatchObject({ code: 'UnauthorizedOperation', retryable: false });
    expect(isDryRunOutcome(error)).toBe(false);
  });
});

describe('configuration', () => {
  it('takes what the code leaves out from the session, and code options win', async () => {
    const seen: string[] = [];
    const session = {
      clientDefaults: (key: string) => {
        seen.push(key);
        return {
          region: 'eu-west-1',
          credentials: async () => TEST_CREDENTIALS,
          endpointUrl: server.url,
          retryMode: 'legacy' as const,
          appId: 'from-profile',
        };
      },
    };
    const client = new ServiceClient(testEc2Service, {
      ...guard.clientConfig({ session, appId: 'from-code' }),
      region: undefined,
      credentials: undefined,
    });
    clients.push(client);
    await client.send(DescribeRegions, {});
    const request = server.received.at(-1)!;
    expect(seen).toEqual(['ec2']);
    expect(String(request.headers['authorization'])).toContain('/eu-west-1/ec2/aws4_request');
    expect(request.headers['user-agent']).toMatch(/cfg\/retry-mode#legacy app\/from-code$/);
    expect(await signatureIsValid(request, TEST_CREDENTIALS, 'eu-west-1', 'ec2')).toBe(true);
  });

  it('constructing a client does nothing: no settings are read until the first call', () => {
    let read = 0;
    const client = new ServiceClient(testEc2Service, {
      session: {
        clientDefaults: () => {
          read++;
          return { credentials: async () => TEST_CREDENTIALS };
        },
      },
    });
    clients.push(client);
    expect(read).toBe(0);
  });

  it('leaves a transport it was given open on destroy', async () => {
    let destroyed = false;
    const transport: Transport = {
      send: async () => ({
        statusCode: 200,
        headers: {},
        body: new TextEncoder().encode(describeRegionsXml('req-x', ['x'])),
      }),
      destroy: async () => {
        destroyed = true;
      },
    };
    const client = new ServiceClient(testEc2Service, guard.clientConfig({ transport }));
    const output = await client.send(DescribeRegions, {});
    expect(output.$metadata.requestId).toBe('req-x');
    await client.destroy();
    expect(destroyed).toBe(false);
    const error = await guard.rejection(client.send(DescribeRegions, {}));
    expect(error).toBeInstanceOf(BotoError);
    expect((error as BotoError).code).toBe('ClientDestroyed');
  });
});

describe('abort and destroy', () => {
  it('an AbortSignal stops a call waiting to retry, at once, leaving no timer', async () => {
    server.script({ status: 503, body: 'busy' });
    const client = new ServiceClient(
      testEc2Service,
      guard.clientConfig({ endpointUrl: server.url, effects: { random: () => 1 } }),
    );
    clients.push(client);
    const controller = new AbortController();
    const before = server.received.length;
    const pending = client.send(DescribeRegions, {}, { signal: controller.signal });
    await eventually(
      () => server.received.length > before && activeResources()['Timeout'] !== undefined,
      'the first attempt answered and the retry wait started',
    );
    const started = Date.now();
    controller.abort();
    const error = await guard.rejection(pending);
    expect(Date.now() - started).toBeLessThan(500);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('aborted');
    expect(server.received.length).toBe(before + 1);
  });

  it('destroy() closes the sockets the client opened and ends its retry waits', async () => {
    const own = await startLoopbackServer({ fallback: { body: describeRegionsXml('req-own', []) } });
    guard.watch(own);
    try {
      const client = new ServiceClient(
        testEc2Service,
        guard.clientConfig({ endpointUrl: own.url, effects: { random: () => 1 } }),
      );
      await client.send(DescribeRegions, {});
      expect(own.connectionsOpen()).toBe(1);
      own.script({ status: 503, body: 'busy' });
      const pending = client.send(DescribeRegions, {});
      await eventually(
        () => own.received.length === 2 && activeResources()['Timeout'] !== undefined,
        'the second call waits to retry',
      );
      await client.destroy();
      const error = await guard.rejection(pending);
      expect(error).toBeInstanceOf(TimeoutError);
      expect(error.message).toMatch(/waiting to retry/);
      await eventually(() => own.connectionsOpen() === 0, 'the server sees the connection closed');
    } finally {
      await own.close();
    }
  });

  it('a NetworkError after the last attempt says how many attempts were made', async () => {
    const dead = await startLoopbackServer();
    const url = dead.url;
    await dead.close();
    const client = ec2({ endpointUrl: url, maxAttempts: 2 });
    const error = (await guard.rejection(client.send(DescribeRegions, {}))) as NetworkError;
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.code).toBe('ECONNREFUSED');
    expect(error.message).toMatch(/Gave up after 2 attempts/);
  });
});

describe('trace and logger', () => {
  it('prints canonical request, string to sign, wire request and response, and the retry decision, redacted', async () => {
    const printed: string[] = [];
    const events: { type: string }[] = [];
    const client = new ServiceClient(testEc2Service, {
      ...guard.clientConfig({ endpointUrl: server.url }),
      logger: { debug: (e) => events.push(e), info: (e) => events.push(e) },
      effects: { writeTrace: (t) => printed.push(t), env: {}, random: () => 0, sleep: async () => {} },
    });
    clients.push(client);
    server.script({ status: 503, body: 'busy' });
    await client.send(RunInstances, {
      ImageId: 'ami-1',
      MinCount: 1,
      MaxCount: 1,
      UserData: 'secret-bootstrap-password-42',
    });
    guard.texts.push(...printed, ...events.map((e) => JSON.stringify(e)));
    const text = printed.join('');
    for (const step of ['canonical request', 'string to sign', 'request', 'response', 'retry decision']) {
      expect(text).toContain(`attempt 1: ${step}`);
    }
    expect(text).toContain('AWS4-HMAC-SHA256\n');
    expect(text).toContain('Signature=***');
    expect(text).toContain('x-amz-security-token: ***');
    expect(text).toContain('x-amz-security-token:***');
    expect(text).toContain('UserData=***');
    expect(text).not.toContain('secret-bootstrap-password-42');
    expect(text).toMatch(/reason: transient\n {2}delayMs: 0/);
    expect(events.map((e) => e.type)).toEqual([
      'endpoint',
      'canonicalRequest',
      'stringToSign',
      'request',
      'response',
      'retry',
      'canonicalRequest',
      'stringToSign',
      'request',
      'response',
    ]);
  });

  it('BOTO_TS_TRACE=1 prints to stderr without the trace option', async () => {
    const before = guard.texts.length;
    const client = new ServiceClient(testEc2Service, {
      credentials: TEST_CREDENTIALS,
      region: 'us-east-1',
      endpointUrl: server.url,
      effects: { env: { BOTO_TS_TRACE: '1' } },
    });
    clients.push(client);
    await client.send(DescribeRegions, {});
    expect(guard.texts.slice(before).join('')).toContain('DescribeRegions attempt 1: canonical request');
  });

  it('redacts the secrets a response carries (STS credentials) from traces and from XmlParseError', async () => {
    const issued = {
      id: 'ASIAISSUED0001',
      secret: 'IssuedSecretKeyFromStsExample0000000001',
      token: 'IssuedSessionTokenFromSts//Example==',
    };
    guard.forbid(issued.secret);
    guard.forbid(issued.token);
    const sts = new ServiceClient(testStsService, guard.clientConfig({ endpointUrl: server.url }));
    clients.push(sts);
    server.script({ body: assumeRoleXml('req-sts', issued) });
    const output = await sts.send(AssumeRole, {
      RoleArn: 'arn:aws:iam::123456789012:role/r',
      RoleSessionName: 's',
    });
    expect(output).toMatchObject({ Credentials: { AccessKeyId: issued.id, SecretAccessKey: issued.secret } });
    expect(formParams(server.received.at(-1)!)).toMatchObject({
      Action: 'AssumeRole',
      Version: '2011-06-15',
    });
    // Cut inside the secret: the first bytes of the body must not show it.
    const body = assumeRoleXml('req-sts2', issued);
    server.script({ body: body.slice(0, body.indexOf(issued.secret) + 12) });
    const error = (await guard.rejection(
      sts.send(AssumeRole, { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' }),
    )) as XmlParseError;
    expect(error).toBeInstanceOf(XmlParseError);
    expect(error.bodyStart).toContain('<SecretAccessKey>***');
  });

  it('does not retry a modeled client error', async () => {
    const sts = new ServiceClient(testStsService, guard.clientConfig({ endpointUrl: server.url }));
    clients.push(sts);
    server.script({
      status: 400,
      body: '<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredTokenException</Code><Message>expired</Message><message>expired</message></Error><RequestId>req-m</RequestId></ErrorResponse>',
    });
    const error = (await guard.rejection(
      sts.send(AssumeRole, { RoleArn: 'a', RoleSessionName: 's' }),
    )) as ServiceError;
    expect(error).toMatchObject({
      code: 'ExpiredTokenException',
      retryable: false,
      $metadata: { attempts: 1 },
    });
  });
});
