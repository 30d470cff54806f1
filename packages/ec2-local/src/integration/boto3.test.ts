// boto3 (Python), a second real client, against ec2-local: waiters, paginators, tags, DryRun, a wrong
// secret key and retries on throttling, observed from Python and checked here.

import { execFile, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isCI } from '../../../../scripts/lib/repo-data.js';
import type { Ec2LocalServer } from '../server/options.js';
import { startEc2Local } from '../server/start.js';
import { DEFAULT_IMAGE_ID } from '../state/images.js';

const hasBoto3 =
  spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
if (!hasBoto3) {
  if (isCI) throw new Error('python3 with boto3 is required under CI');
  console.warn('boto3 is not installed (python3 -c "import boto3"); the boto3 test is skipped');
}

describe.skipIf(!hasBoto3)('boto3 against ec2-local', () => {
  let local: Ec2LocalServer;

  beforeAll(async () => {
    local = await startEc2Local({ stateDelays: { pending: 300, shuttingDown: 300 } });
  });
  afterAll(async () => {
    await local.close();
  });

  it('launches, waits, pages, tags, dry-runs, is refused with a wrong key, retries a throttle and terminates', async () => {
    // The script's second DescribeRegions is throttled (every 2nd call of that action); boto3 retries it.
    local.setFaults({ throttleEvery: 2, actions: ['DescribeRegions'] });
    const script = fileURLToPath(new URL('../test-support/boto3-client.py', import.meta.url));
    const env = {
      ...process.env,
      EC2_LOCAL_ENDPOINT: local.endpoint,
      EC2_LOCAL_KEY_ID: local.credentials.accessKeyId,
      EC2_LOCAL_SECRET: local.credentials.secretAccessKey,
      EC2_LOCAL_IMAGE: DEFAULT_IMAGE_ID,
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
    const { stdout } = await promisify(execFile)('python3', [script], { env, timeout: 90_000 });
    const seen = JSON.parse(stdout) as Record<string, unknown>;
    expect(seen).toEqual({
      regions: 17,
      launched: ['pending', 'pending', 'pending'],
      running_pages: [3],
      tags: ['Name=boto3', 'team=py'],
      dry_run: {
        code: 'DryRunOperation',
        status: 412,
        message: 'Request would have succeeded, but DryRun flag is set.',
      },
      not_found: {
        code: 'InvalidInstanceID.NotFound',
        status: 400,
        message: "The instance ID 'i-0123456789abcdef0' does not exist",
      },
      wrong_secret: { code: 'SignatureDoesNotMatch', status: 403, teaches: true },
      throttled_retries: 1,
      terminated: ['terminated', 'terminated', 'terminated'],
    });
  }, 120_000);
});
