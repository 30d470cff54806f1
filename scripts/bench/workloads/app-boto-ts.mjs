// The bundle-size app for boto-ts through the EC2Client class: DescribeInstances, RunInstances and
// TerminateInstances. Run against the benchmark server to prove the bundle works.
import { EC2Client } from '@boto-ts/client-ec2';

const args = JSON.parse(process.argv[2]);
const client = new EC2Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIDBENCHMARK0000000',
    secretAccessKey: 'bench/secret/key/not/a/real/one/000000000',
  },
  endpointUrl: args.endpoint,
});
const described = await client.describeInstances({});
const run = await client.runInstances({
  ImageId: 'ami-12345678',
  InstanceType: 't3.micro',
  MinCount: 1,
  MaxCount: 1,
});
const ids = run.Instances.map((i) => i.InstanceId);
const terminated = await client.terminateInstances({ InstanceIds: ids });
console.log('ok', described.Reservations.length, ids.length, terminated.TerminatingInstances.length);
await client.destroy();
