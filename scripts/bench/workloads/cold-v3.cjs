// Cold start through @aws-sdk/client-ec2 loaded with require().
const { DescribeInstancesCommand, EC2Client } = require('@aws-sdk/client-ec2');

const args = JSON.parse(process.argv[2]);
const client = new EC2Client({
  region: 'us-east-1',
  credentials: {
    accessKeyId: 'AKIDBENCHMARK0000000',
    secretAccessKey: 'bench/secret/key/not/a/real/one/000000000',
  },
  endpoint: args.endpoint,
});
async function main() {
  if (args.mode === 'call') {
    const output = await client.send(new DescribeInstancesCommand({}));
    console.log(
      'instances',
      output.Reservations.reduce((n, r) => n + r.Instances.length, 0),
    );
  }
  client.destroy();
}
main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
