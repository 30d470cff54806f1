// The endpoint over real HTTP: every action's XML checked against the EC2 model, EC2's error
// documents and statuses, GET and presigned requests, the control endpoint, fault injection,
// accounts, and a clean close().

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelPath } from '../../../../scripts/lib/repo-data.js';
import { DEFAULT_IMAGE_ID } from '../state/images.js';
import { checkResponse, type Model, parseXml } from '../test-support/model-walk.js';
import { callEc2 } from '../test-support/signed-client.js';
import type { Ec2LocalServer } from './options.js';
import { startEc2Local } from './start.js';

function errorOf(body: string): { code: string; message: string; requestId: string } {
  const doc = parseXml(body) as {
    Response: { Errors: { Error: { Code: string; Message: string } }; RequestID: string };
  };
  return {
    code: doc.Response.Errors.Error.Code,
    message: doc.Response.Errors.Error.Message,
    requestId: doc.Response.RequestID,
  };
}

function tag(body: string, name: string): string | undefined {
  return new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1];
}

describe('ec2-local over HTTP', () => {
  let local: Ec2LocalServer;
  const call = (action: string, params: Record<string, string | number | boolean> = {}, options = {}) =>
    callEc2(local.endpoint, local.credentials, action, params, options);

  beforeAll(async () => {
    local = await startEc2Local({ stateDelays: 'instant' });
  });
  afterAll(async () => {
    await local.close();
  });

  describe('responses match the EC2 model', () => {
    it('for every supported action', async () => {
      const model = JSON.parse(
        readFileSync(modelPath('ec2', '2016-11-15', 'service-2.json'), 'utf8'),
      ) as Model;
      const bodies: Array<[string, string]> = [];
      const ok = async (action: string, params: Record<string, string | number | boolean> = {}) => {
        const response = await call(action, params);
        expect(response.status, `${action}: ${response.body}`).toBe(200);
        bodies.push([action, response.body]);
        return response.body;
      };
      await ok('DescribeRegions');
      await ok('DescribeAvailabilityZones');
      await ok('DescribeImages', { 'Owner.1': 'amazon' });
      const vpcId = tag(await ok('DescribeVpcs'), 'vpcId')!;
      await ok('DescribeSubnets', { 'Filter.1.Name': 'vpc-id', 'Filter.1.Value.1': vpcId });
      await ok('CreateKeyPair', { KeyName: 'model-key', KeyType: 'ed25519' });
      await ok('DescribeKeyPairs', { IncludePublicKey: true });
      const groupId = tag(
        await ok('CreateSecurityGroup', { GroupName: 'model-sg', GroupDescription: 'd' }),
        'groupId',
      )!;
      const ingress = {
        GroupId: groupId,
        IpProtocol: 'tcp',
        FromPort: 22,
        ToPort: 22,
        CidrIp: '10.0.0.0/8',
      };
      await ok('AuthorizeSecurityGroupIngress', ingress);
      await ok('AuthorizeSecurityGroupEgress', {
        GroupId: groupId,
        'IpPermissions.1.IpProtocol': 'udp',
        'IpPermissions.1.FromPort': 53,
        'IpPermissions.1.ToPort': 53,
        'IpPermissions.1.IpRanges.1.CidrIp': '8.8.8.8/32',
      });
      await ok('DescribeSecurityGroups');
      await ok('RevokeSecurityGroupIngress', ingress);
      await ok('RevokeSecurityGroupEgress', {
        GroupId: groupId,
        'IpPermissions.1.IpProtocol': 'udp',
        'IpPermissions.1.FromPort': 53,
        'IpPermissions.1.ToPort': 53,
        'IpPermissions.1.IpRanges.1.CidrIp': '8.8.8.8/32',
      });
      const run = await ok('RunInstances', {
        ImageId: DEFAULT_IMAGE_ID,
        InstanceType: 't3.micro',
        MinCount: 2,
        MaxCount: 2,
        KeyName: 'model-key',
        'SecurityGroupId.1': groupId,
        'TagSpecification.1.ResourceType': 'instance',
        'TagSpecification.1.Tag.1.Key': 'Name',
        'TagSpecification.1.Tag.1.Value': 'model',
      });
      const instanceId = tag(run, 'instanceId')!;
      const otherId = [...run.matchAll(/<instanceId>([^<]+)<\/instanceId>/g)]
        .map((m) => m[1]!)
        .find((id) => id !== instanceId)!;
      await ok('DescribeInstances', { 'Filter.1.Name': 'tag:Name', 'Filter.1.Value.1': 'model' });
      await ok('DescribeInstanceStatus', { IncludeAllInstances: true });
      await ok('CreateTags', { 'ResourceId.1': instanceId, 'Tag.1.Key': 'env', 'Tag.1.Value': 'x' });
      await ok('DescribeTags', { MaxResults: 5 });
      await ok('DeleteTags', { 'ResourceId.1': instanceId, 'Tag.1.Key': 'env' });
      const volumeId = tag(
        await ok('CreateVolume', { AvailabilityZone: 'us-east-1a', Size: 5 }),
        'volumeId',
      )!;
      await ok('DescribeVolumes');
      await ok('AttachVolume', { VolumeId: volumeId, InstanceId: instanceId, Device: '/dev/sdf' });
      await ok('DescribeInstances', { 'InstanceId.1': instanceId });
      await ok('DetachVolume', { VolumeId: volumeId });
      await ok('DescribeVolumes', { 'VolumeId.1': volumeId });
      await ok('DeleteVolume', { VolumeId: volumeId });
      await ok('RebootInstances', { 'InstanceId.1': instanceId });
      await ok('StopInstances', { 'InstanceId.1': instanceId });
      await ok('StartInstances', { 'InstanceId.1': instanceId });
      await ok('TerminateInstances', { 'InstanceId.1': instanceId, 'InstanceId.2': otherId });
      await ok('DescribeInstances', { 'InstanceId.1': instanceId });
      await ok('ImportKeyPair', {
        KeyName: 'imported',
        PublicKeyMaterial: Buffer.from(
          `${/<publicKey>(ssh-ed25519 \S+)/.exec(bodies.find(([a]) => a === 'DescribeKeyPairs')![1])![1]} x`,
        ).toString('base64'),
      });
      await ok('DeleteKeyPair', { KeyName: 'model-key' });
      await ok('DeleteSecurityGroup', { GroupId: groupId });
      const actions = new Set(bodies.map(([action]) => action));
      const { ACTIONS } = await import('../actions/registry.js');
      expect([...ACTIONS.keys()].filter((a) => !actions.has(a))).toEqual([]);
      const problems = bodies.flatMap(([action, body]) =>
        checkResponse(model, action, body).map((p) => `${action}: ${p}`),
      );
      expect(problems).toEqual([]);
    });
  });

  it('answers errors as <Response><Errors><Error> with the request id also in a header', async () => {
    const response = await call('DescribeInstances', { 'InstanceId.1': 'i-0123456789abcdef0' });
    expect(response.status).toBe(400);
    expect(response.body).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<Response><Errors><Error><Code>/,
    );
    const error = errorOf(response.body);
    expect(error).toMatchObject({
      code: 'InvalidInstanceID.NotFound',
      message: "The instance ID 'i-0123456789abcdef0' does not exist",
    });
    expect(response.headers.get('x-amzn-requestid')).toBe(error.requestId);
    expect(response.headers.get('content-type')).toBe('text/xml;charset=UTF-8');
  });

  it('maps codes to EC2 statuses: InvalidAction 400, DryRunOperation 412, AuthFailure 401', async () => {
    const unknown = await call('LaunchRocket');
    expect([unknown.status, errorOf(unknown.body).code]).toEqual([400, 'InvalidAction']);
    expect(errorOf(unknown.body).message).toContain(
      'The action LaunchRocket is not valid for this web service.',
    );
    const dry = await call('DescribeInstances', { DryRun: true });
    expect([dry.status, errorOf(dry.body).code]).toEqual([412, 'DryRunOperation']);
    const stranger = await call(
      'DescribeInstances',
      {},
      { credentials: { accessKeyId: 'AKIAUNKNOWN', secretAccessKey: 'x' } },
    );
    expect([stranger.status, errorOf(stranger.body).code]).toEqual([401, 'AuthFailure']);
    const version = await callEc2(local.endpoint, local.credentials, 'DescribeInstances', {
      Version: '2014-01-01',
    });
    expect(errorOf(version.body).code).toBe('NoSuchVersion');
  });

  it('serves GET query requests, header-signed and presigned', async () => {
    const run = await call(
      'RunInstances',
      { ImageId: DEFAULT_IMAGE_ID, MinCount: 1, MaxCount: 1 },
      { method: 'GET' },
    );
    expect(run.status).toBe(200);
    const id = tag(run.body, 'instanceId')!;
    const presigned = await call(
      'DescribeInstances',
      { 'InstanceId.1': id },
      { method: 'GET', presign: true },
    );
    expect(presigned.status).toBe(200);
    expect(tag(presigned.body, 'instanceId')).toBe(id);
  });

  it('teaches on a wrong secret key: the canonical request and string to sign it computed', async () => {
    const response = await call(
      'DescribeRegions',
      {},
      { credentials: { ...local.credentials, secretAccessKey: 'wrong' } },
    );
    expect(response.status).toBe(403);
    const { code, message } = errorOf(response.body);
    expect(code).toBe('SignatureDoesNotMatch');
    expect(message).toContain(`host:${new URL(local.endpoint).host}`);
    expect(message).toContain('/us-east-1/ec2/aws4_request');
  });
});

describe('accounts', () => {
  it('keeps each account in its own world and requires session tokens of temporary keys', async () => {
    const local = await startEc2Local({
      stateDelays: 'instant',
      accounts: [
        { accessKeyId: 'AKIDONE', secretAccessKey: 's1', accountId: '111111111111' },
        { accessKeyId: 'ASIATWO', secretAccessKey: 's2', sessionToken: 'tok', accountId: '222222222222' },
      ],
    });
    try {
      const one = { accessKeyId: 'AKIDONE', secretAccessKey: 's1' };
      const two = { accessKeyId: 'ASIATWO', secretAccessKey: 's2', sessionToken: 'tok' };
      const run = await callEc2(local.endpoint, one, 'RunInstances', {
        ImageId: DEFAULT_IMAGE_ID,
        MinCount: 1,
        MaxCount: 1,
      });
      expect(tag(run.body, 'ownerId')).toBe('111111111111');
      const seen = await callEc2(local.endpoint, two, 'DescribeInstances');
      expect(seen.status).toBe(200);
      expect(seen.body).not.toContain('<instanceId>');
      const noToken = await callEc2(
        local.endpoint,
        { accessKeyId: 'ASIATWO', secretAccessKey: 's2' },
        'DescribeInstances',
      );
      expect(errorOf(noToken.body).code).toBe('AuthFailure');
      expect(local.instances().map((i) => i.accountId)).toEqual(['111111111111']);
    } finally {
      await local.close();
    }
  });
});

describe('control endpoint and faults', () => {
  let local: Ec2LocalServer;
  const call = (action: string, params: Record<string, string | number | boolean> = {}) =>
    callEc2(local.endpoint, local.credentials, action, params);
  const control = async (method: string, route: string, body?: unknown) => {
    const response = await fetch(`${local.endpoint}/_ec2-local/${route}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  beforeAll(async () => {
    local = await startEc2Local({ stateDelays: 'manual' });
  });
  afterAll(async () => {
    await local.close();
  });

  it('reports health, lists instances, steps transitions and resets state', async () => {
    expect((await control('GET', 'health')).json).toMatchObject({
      ok: true,
      region: 'us-east-1',
      apiVersion: '2016-11-15',
    });
    await call('RunInstances', { ImageId: DEFAULT_IMAGE_ID, MinCount: 2, MaxCount: 2 });
    const listed = await fetch(`${local.endpoint}/_ec2-local/instances`).then(
      (r) => r.json() as Promise<Array<{ state: string }>>,
    );
    expect(listed.map((i) => i.state)).toEqual(['pending', 'pending']);
    expect((await control('POST', 'advance')).json).toEqual({ moved: 2 });
    expect(local.instances().map((i) => i.state)).toEqual(['running', 'running']);
    expect((await control('POST', 'reset')).json).toEqual({ ok: true });
    expect(local.instances()).toEqual([]);
    expect((await control('GET', 'nowhere')).status).toBe(404);
    expect((await control('PUT', 'faults', { throttleEvery: 0 })).status).toBe(400);
  });

  it('throttles every Nth call with 503 RequestLimitExceeded, counting only the listed actions', async () => {
    expect(
      (await control('PUT', 'faults', { throttleEvery: 2, actions: ['DescribeRegions'] })).json,
    ).toMatchObject({ throttleEvery: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await call('DescribeRegions')).status);
      statuses.push((await call('DescribeVpcs')).status);
    }
    expect(statuses).toEqual([200, 200, 503, 200, 200, 200, 503, 200]);
    const throttled = await (async () => {
      await call('DescribeRegions');
      return call('DescribeRegions');
    })();
    expect(errorOf(throttled.body).code).toBe('RequestLimitExceeded');
    await control('DELETE', 'faults');
  });

  it('plays queued one-shot faults in order: server errors, an HTML 502, then normal service', async () => {
    local.setFaults({ next: ['server-error', 'throttle'], serverErrorStatus: 502 });
    const first = await call('DescribeRegions');
    expect([first.status, first.headers.get('content-type')]).toEqual([502, 'text/html']);
    expect((await call('DescribeRegions')).status).toBe(503);
    expect((await call('DescribeRegions')).status).toBe(200);
    expect(local.faults.next).toEqual([]);
    local.setFaults({ next: ['server-error'] });
    const internal = await call('DescribeRegions');
    expect([internal.status, errorOf(internal.body).code]).toEqual([500, 'InternalError']);
    local.setFaults({});
  });

  it('drops the connection before answering (nothing happens) or mid-response (the call took effect)', async () => {
    local.reset();
    local.setFaults({ next: ['reset-before'] });
    await expect(
      call('RunInstances', { ImageId: DEFAULT_IMAGE_ID, MinCount: 1, MaxCount: 1 }),
    ).rejects.toThrow();
    expect(local.instances()).toEqual([]);
    local.setFaults({ next: ['reset-mid-response'] });
    await expect(
      call('RunInstances', { ImageId: DEFAULT_IMAGE_ID, MinCount: 1, MaxCount: 1 }),
    ).rejects.toThrow();
    expect(local.instances()).toHaveLength(1);
    expect((await call('DescribeRegions')).status).toBe(200);
  });

  it('skews the server clock: correctly timed requests expire, the Date header shows the server time', async () => {
    local.setFaults({ clockSkewMs: 10 * 60_000 });
    const response = await call('DescribeRegions');
    expect(errorOf(response.body).code).toBe('RequestExpired');
    const serverDate = Date.parse(response.headers.get('date')!);
    expect(serverDate - Date.now()).toBeGreaterThan(9 * 60_000);
    const corrected = await callEc2(
      local.endpoint,
      local.credentials,
      'DescribeRegions',
      {},
      { signingDate: new Date(serverDate) },
    );
    expect(corrected.status).toBe(200);
    local.setFaults({});
  });
});

describe('close()', () => {
  it('ends idle keep-alive connections and requests waiting on injected latency, and clears its timers', async () => {
    const local = await startEc2Local({ faults: { latencyMs: 60_000 } });
    const url = new URL(local.endpoint);
    const closed = new Promise<string>((resolve) => {
      const req = httpRequest(
        { host: url.hostname, port: url.port, method: 'POST', path: '/', agent: false },
        (res) => {
          res.resume();
          res.on('close', () => resolve('response closed'));
        },
      );
      req.on('error', () => resolve('connection dropped'));
      req.end('Action=DescribeRegions&Version=2016-11-15');
    });
    await new Promise((r) => setTimeout(r, 50));
    await local.close();
    expect(await closed).toBe('connection dropped');
    await local.close();
  });
});

describe('request bodies over maxBodyBytes', () => {
  it('are answered 413 RequestEntityTooLarge (not a reset), and the connection is closed after it', async () => {
    const local = await startEc2Local({ maxBodyBytes: 4096 });
    try {
      const url = new URL(local.endpoint);
      const body = `Action=DescribeRegions&Version=2016-11-15&Pad=${'x'.repeat(64 * 1024)}`;
      const answer = await new Promise<{ status: number; connection: string | undefined; text: string }>(
        (resolve, reject) => {
          const req = httpRequest(
            { host: url.hostname, port: url.port, method: 'POST', path: '/', agent: false },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                text += chunk;
              });
              res.on('end', () =>
                resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, text }),
              );
            },
          );
          req.on('error', reject);
          req.end(body);
        },
      );
      expect(answer.status).toBe(413);
      expect(errorOf(answer.text).code).toBe('RequestEntityTooLarge');
      expect(answer.connection).toBe('close');
    } finally {
      await local.close();
    }
  });
});
