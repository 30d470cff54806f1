// The bundle-size app for the v3 SDK: DescribeInstances, RunInstances and TerminateInstances through
// the modular client (only the three commands imported). Run against the benchmark server to prove
// the bundle works.
import {
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';

const args = JSON.parse(process.argv[2]);
const client = new EC2Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIDBENCHMARK0000000',
    secretAccessKey: 'bench/secret/key/not/a/real/one/000000000',
  },
  endpoint: args.endpoint,
});
const described = await client.send(new DescribeInstancesCommand({}));
const run = await client.send(
  new RunInstancesCommand({ ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1 }),
);
const ids = run.Instances.map((i) => i.InstanceId);
const terminated = await client.send(new TerminateInstancesCommand({ InstanceIds: ids }));
console.log('ok', described.Reservations.length, ids.length, terminated.TerminatingInstances.length);
client.destroy();
