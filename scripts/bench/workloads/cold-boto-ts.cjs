// Cold start through @boto-ts/client-ec2 loaded with require() (Node >= 20.19 loads ES modules that way).
const { EC2Client } = require('@boto-ts/client-ec2');

const args = JSON.parse(process.argv[2]);
const client = new EC2Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIDBENCHMARK0000000',
    secretAccessKey: 'bench/secret/key/not/a/real/one/000000000',
  },
  endpointUrl: args.endpoint,
});
async function main() {
  if (args.mode === 'call') {
    const output = await client.describeInstances({});
    console.log(
      'instances',
      output.Reservations.reduce((n, r) => n + r.Instances.length, 0),
    );
  }
  await client.destroy();
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
