// Cold start through @boto-ts/client-ec2/operations (bare client + one operation function): the
// entry of boto-ts's cold-start bundle when the client declares that subpath.
import { createEC2BareClient, describeInstances } from '@boto-ts/client-ec2/operations';

const args = JSON.parse(process.argv[2]);
const client = createEC2BareClient({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIDBENCHMARK0000000',
    secretAccessKey: 'bench/secret/key/not/a/real/one/000000000',
  },
  endpointUrl: args.endpoint,
});
if (args.mode === 'call') {
  const output = await describeInstances(client, {});
  console.log(
    'instances',
    output.Reservations.reduce((n, r) => n + r.Instances.length, 0),
  );
}
await client.destroy();
