// The cold-start floor for one call: aws4 signs, node:http sends, the body is read and not parsed.
// What any SDK's first DescribeInstances costs at least in a fresh process.
import { request } from 'node:http';
import aws4 from 'aws4';

const args = JSON.parse(process.argv[2]);
const url = new URL(args.endpoint);
const body = 'Action=DescribeInstances&Version=2016-11-15';
const signed = aws4.sign(
  {
    host: url.host,
    path: '/',
    method: 'POST',
    service: 'ec2',
    region: 'us-east-1',
    body,
    headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
  },
  { accessKeyId: 'AKIDBENCHMARK0000000', secretAccessKey: 'bench/secret/key/not/a/real/one/000000000' },
);
const text = await new Promise((resolve, reject) => {
  const req = request({ ...signed, hostname: url.hostname, port: url.port }, (res) => {
    const chunks = [];
    res.on('data', (chunk) => chunks.push(chunk));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
    res.on('error', reject);
  });
  req.on('error', reject);
  req.end(body);
});
// Counted only to prove the answer arrived, as the SDK workloads print theirs.
console.log('instances', text.split('</instanceId>').length - 1);
