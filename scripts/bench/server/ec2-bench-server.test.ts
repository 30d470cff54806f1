import {
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BenchServer, startBenchServer } from './ec2-bench-server.js';

let server: BenchServer;
let clients: EC2Client[] = [];

function v3Client(count: number): EC2Client {
  const client = new EC2Client({
    region: 'us-east-1',
    endpoint: server.endpoints.get(count)!,
    credentials: { accessKeyId: 'AKIDBENCH', secretAccessKey: 'bench-secret' },
    maxAttempts: 1,
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  server = await startBenchServer({ describeCounts: [1, 100] });
});

afterAll(async () => {
  for (const client of clients) client.destroy();
  clients = [];
  await server.close();
});

describe('the benchmark EC2 server, read by the v3 SDK', () => {
  it('answers DescribeInstances with N instances per listener, every field decoded', async () => {
    const one = await v3Client(1).send(new DescribeInstancesCommand({}));
    const instance = one.Reservations![0]!.Instances![0]!;
    expect(instance.InstanceId).toMatch(/^i-[0-9a-f]{17}$/);
    expect(instance.State).toEqual({ Code: 16, Name: 'running' });
    expect(instance.LaunchTime).toBeInstanceOf(Date);
    expect(instance.Tags).toHaveLength(7);
    expect(instance.NetworkInterfaces![0]!.PrivateIpAddresses![1]!.PrivateIpAddress).toMatch(/^10\./);
    expect(instance.NetworkInterfaces![0]!.Ipv6Addresses).toHaveLength(2);
    expect(instance.BlockDeviceMappings![0]!.Ebs!.DeleteOnTermination).toBe(true);
    expect(instance.CpuOptions).toEqual({ CoreCount: 1, ThreadsPerCore: 2 });
    expect(instance.MetadataOptions!.HttpPutResponseHopLimit).toBe(2);

    const hundred = await v3Client(100).send(new DescribeInstancesCommand({}));
    const instances = hundred.Reservations!.flatMap((r) => r.Instances!);
    expect(instances).toHaveLength(100);
    expect(instances.filter((i) => i.State!.Name === 'stopped')).toHaveLength(25);
  });

  it('answers RunInstances with a reservation and TerminateInstances with each id it was given', async () => {
    const client = v3Client(1);
    const run = await client.send(
      new RunInstancesCommand({
        ImageId: 'ami-12345678',
        InstanceType: 't3.micro',
        MinCount: 2,
        MaxCount: 2,
      }),
    );
    expect(run.Instances).toHaveLength(2);
    const ids = run.Instances!.map((i) => i.InstanceId!);
    const terminated = await client.send(new TerminateInstancesCommand({ InstanceIds: ids }));
    expect(terminated.TerminatingInstances!.map((t) => t.InstanceId)).toEqual(ids);
    expect(terminated.TerminatingInstances![0]!.CurrentState!.Name).toBe('shutting-down');
  });

  it('refuses an unknown action with an EC2 error document', async () => {
    const response = await fetch(server.endpoints.get(1)!, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'Action=RebootEverything&Version=2016-11-15',
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Code>InvalidAction</Code>');
    expect(server.requestCounts.get('invalid')).toBeGreaterThanOrEqual(1);
  });

  it('refuses a body over its limit with 413', async () => {
    const small = await startBenchServer({ describeCounts: [1], maxBodyBytes: 64 });
    try {
      const response = await fetch(small.endpoints.get(1)!, { method: 'POST', body: 'x'.repeat(1000) });
      expect(response.status).toBe(413);
      await response.arrayBuffer();
    } finally {
      await small.close();
    }
  });
});
