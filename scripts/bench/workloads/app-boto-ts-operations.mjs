// The bundle-size app for boto-ts through its per-operation subpath: a bare client and three
// operation functions, so a bundler keeps only these operations. Run against the benchmark server
// to prove the bundle works.
import {
  createEC2BareClient,
  describeInstances,
  runInstances,
  terminateInstances,
} from '@boto-ts/client-ec2/operations';

const args = JSON.parse(process.argv[2]);
const client = createEC2BareClient({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIDBENCHMARK0000000',
    secretAccessKey: 'bench/secret/key/not/a/real/one/000000000',
  },
  endpointUrl: args.endpoint,
});
const described = await describeInstances(client, {});
const run = await runInstances(client, {
  ImageId: 'ami-12345678',
  InstanceType: 't3.micro',
  MinCount: 1,
  MaxCount: 1,
});
const ids = run.Instances.map((i) => i.InstanceId);
const terminated = await terminateInstances(client, { InstanceIds: ids });
console.log('ok', described.Reservations.length, ids.length, terminated.TerminatingInstances.length);
await client.destroy();
