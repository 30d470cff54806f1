// Cold start through @boto-ts/client-ec2 as an ES module: import, create a client, and with
// mode=call one DescribeInstances. Also the entry of the cold-start bundle.
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
if (args.mode === 'call') {
  const output = await client.describeInstances({});
  console.log(
    'instances',
    output.Reservations.reduce((n, r) => n + r.Instances.length, 0),
  );
}
await client.destroy();
