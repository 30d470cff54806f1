// Warm DescribeInstances loop through @boto-ts/client-ec2 (see warm-driver.mjs).
import { EC2Client } from '@boto-ts/client-ec2';
import { CREDENTIALS, countInstances, REGION, workloadArgs } from './bench-config.mjs';
import { runWarm } from './warm-driver.mjs';

const args = workloadArgs();
const client = new EC2Client({ region: REGION, credentials: CREDENTIALS, endpointUrl: args.endpoint });
await runWarm(
  { call: () => client.describeInstances({}), count: countInstances, close: () => client.destroy() },
  args,
);
