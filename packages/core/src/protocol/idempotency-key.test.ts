import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceClient } from '../client/service-client.js';
import {
  DescribeRegions,
  ec2Xml,
  formParams,
  RunInstances,
  testEc2Service,
} from '../client/test-support/test-services.js';
import { ValidationError } from '../errors/errors.js';
import { type LoopbackServer, startLoopbackServer } from '../http/test-support/loopback-server.js';
import { fillKeyedIdempotencyTokens, idempotencyTokenFor } from './idempotency-key.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const launch = { ImageId: 'ami-1', MinCount: 1, MaxCount: 1 };

describe('idempotencyTokenFor', () => {
  it('is the same for the same key, UUID-shaped, and differs by key, operation, member and service', () => {
    const token = idempotencyTokenFor('EC2', 'RunInstances', 'ClientToken', 'sweep-1/a/launch');
    expect(token).toMatch(UUID);
    expect(idempotencyTokenFor('EC2', 'RunInstances', 'ClientToken', 'sweep-1/a/launch')).toBe(token);
    const others = [
      idempotencyTokenFor('EC2', 'RunInstances', 'ClientToken', 'sweep-1/b/launch'),
      idempotencyTokenFor('EC2', 'CreateVolume', 'ClientToken', 'sweep-1/a/launch'),
      idempotencyTokenFor('EC2', 'RunInstances', 'Token', 'sweep-1/a/launch'),
      idempotencyTokenFor('EFS', 'RunInstances', 'ClientToken', 'sweep-1/a/launch'),
    ];
    expect(new Set([token, ...others]).size).toBe(5);
  });
});

describe('fillKeyedIdempotencyTokens', () => {
  it('fills an unset token from the key, keeps one the caller set, and never mutates the input', () => {
    const input = Object.freeze({ ...launch });
    const filled = fillKeyedIdempotencyTokens(testEc2Service, RunInstances, input, 'k');
    expect(filled).toEqual({
      ...launch,
      ClientToken: idempotencyTokenFor('EC2', 'RunInstances', 'ClientToken', 'k'),
    });
    const own = { ...launch, ClientToken: 'mine' };
    expect(fillKeyedIdempotencyTokens(testEc2Service, RunInstances, own, 'k')).toBe(own);
  });

  it('refuses a key for an operation without a token member, and an empty key', () => {
    expect(() => fillKeyedIdempotencyTokens(testEc2Service, DescribeRegions, {}, 'k')).toThrow(
      ValidationError,
    );
    expect(() => fillKeyedIdempotencyTokens(testEc2Service, DescribeRegions, {}, 'k')).toThrow(
      /DescribeRegions has no idempotency token member/,
    );
    expect(() => fillKeyedIdempotencyTokens(testEc2Service, RunInstances, launch, '')).toThrow(/non-empty/);
  });
});

describe('idempotencyKey through a client', () => {
  let server: LoopbackServer;
  const clients: ServiceClient[] = [];
  const client = () => {
    const made = new ServiceClient(testEc2Service, {
      region: 'us-east-1',
      endpointUrl: server.url,
      credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' },
      effects: { random: () => 0, sleep: async () => {} },
    });
    clients.push(made);
    return made;
  };
  const reservation = ec2Xml('RunInstances', 'req-1', '<reservationId>r-1</reservationId><instancesSet/>');
  beforeAll(async () => {
    server = await startLoopbackServer({ fallback: { body: reservation } });
  });
  afterAll(async () => {
    for (const made of clients) await made.destroy();
    await server.close();
  });

  it('sends the derived ClientToken on every attempt, and the same from a second client (a re-run)', async () => {
    server.script({ status: 503, body: 'busy' });
    const before = server.received.length;
    await client().send(RunInstances, launch, { idempotencyKey: 'sweep-9/us-east-1/launch' });
    await client().send(RunInstances, launch, { idempotencyKey: 'sweep-9/us-east-1/launch' });
    const tokens = server.received.slice(before).map((request) => formParams(request)['ClientToken']);
    expect(tokens).toHaveLength(3);
    expect(new Set(tokens)).toEqual(
      new Set([idempotencyTokenFor('EC2', 'RunInstances', 'ClientToken', 'sweep-9/us-east-1/launch')]),
    );
  });

  it('sends a fresh random token per call without a key', async () => {
    const before = server.received.length;
    await client().send(RunInstances, launch);
    await client().send(RunInstances, launch);
    const [a, b] = server.received.slice(before).map((request) => formParams(request)['ClientToken']);
    expect(a).not.toBe(b);
  });

  it('refuses a key on an operation that cannot use it, sending nothing', async () => {
    const before = server.received.length;
    await expect(client().send(DescribeRegions, {}, { idempotencyKey: 'k' })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(server.received.length).toBe(before);
  });
});
