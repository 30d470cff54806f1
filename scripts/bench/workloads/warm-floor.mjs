// The floor: what a call costs with no SDK at all. aws4 signs, node:http (keep-alive) sends, and the
// body is read into one Buffer without being parsed. Nothing can do less and still be a signed call.
import { Agent, request } from 'node:http';
import aws4 from 'aws4';
import { CREDENTIALS, REGION, workloadArgs } from './bench-config.mjs';
import { runWarm } from './warm-driver.mjs';

const args = workloadArgs();
const url = new URL(args.endpoint);
const agent = new Agent({ keepAlive: true });
const body = 'Action=DescribeInstances&Version=2016-11-15';

function call() {
  const options = aws4.sign(
    {
      host: url.host,
      path: '/',
      method: 'POST',
      service: 'ec2',
      region: REGION,
      body,
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    },
    CREDENTIALS,
  );
  return new Promise((resolve, reject) => {
    const req = request({ ...options, hostname: url.hostname, port: url.port, agent }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

// The floor parses nothing, so it counts instances by their closing tag only to check the answer.
const countTags = (buffer) => buffer.toString('latin1').split('</instanceId>').length - 1;
await runWarm({ call, count: countTags, close: () => agent.destroy() }, args);
