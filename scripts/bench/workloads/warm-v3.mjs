// Warm DescribeInstances loop through @aws-sdk/client-ec2 (see warm-driver.mjs).
import { DescribeInstancesCommand, EC2Client } from '@aws-sdk/client-ec2';
import { CREDENTIALS, countInstances, REGION, workloadArgs } from './bench-config.mjs';
import { runWarm } from './warm-driver.mjs';

const args = workloadArgs();
const client = new EC2Client({ region: REGION, credentials: CREDENTIALS, endpoint: args.endpoint });
await runWarm(
  {
    call: () => client.send(new DescribeInstancesCommand({})),
    count: countInstances,
    close: () => client.destroy(),
  },
  args,
);
