// `npm run demo`: boto3's full example against a local EC2 endpoint, with no AWS account.
// Starts ec2-local in this process on a free port, writes a throwaway profile that points at it (as a
// user's ~/.aws files would), and runs examples/full-example.ts, the same file that runs against AWS.
// `--trace` also prints each signed request and its response, with secrets shown as ***.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '@boto-ts/core';
import { DEFAULT_IMAGE_ID, startEc2Local } from '@boto-ts/ec2-local';
import type { AttemptReport } from '@boto-ts/waiters';
import { fullExample } from '../examples/full-example.js';

const trace = process.argv.includes('--trace');
if (trace) process.env.BOTO_TS_TRACE = '1';

/** A config and a credentials file holding one profile, `demo`, whose endpoint is ec2-local. */
function writeProfile(
  endpoint: string,
  region: string,
  keys: { accessKeyId: string; secretAccessKey: string },
) {
  const dir = mkdtempSync(join(tmpdir(), 'boto-ts-demo-'));
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(configFile, `[profile demo]\nregion = ${region}\nendpoint_url = ${endpoint}\n`);
  writeFileSync(
    credentialsFile,
    `[demo]\naws_access_key_id = ${keys.accessKeyId}\naws_secret_access_key = ${keys.secretAccessKey}\n`,
  );
  return { dir, configFile, credentialsFile };
}

/** One live progress line per waiter poll: rewritten in place on a terminal, a line each otherwise. */
function progress(report: AttemptReport): void {
  const next =
    report.nextDelaySeconds === undefined ? '' : `, next poll in ${report.nextDelaySeconds.toFixed(1)} s`;
  const line = `  ${report.waiter}: attempt ${report.attempt}, ${report.observed}, ${report.elapsedSeconds.toFixed(1)} s elapsed${next}`;
  if (process.stdout.isTTY && !trace) {
    process.stdout.write(`\r\x1b[2K${line}${report.state === 'retry' ? '' : '\n'}`);
  } else {
    console.log(line);
  }
}

async function main(): Promise<void> {
  const local = await startEc2Local();
  const profile = writeProfile(local.endpoint, local.region, local.credentials);
  console.log(
    `ec2-local is listening on ${local.endpoint} (region ${local.region}); profile "demo" points at it.\n`,
  );
  try {
    // Only the profile files count: AWS_* variables of this shell must not send the demo elsewhere.
    const session = new Session({
      profile: 'demo',
      configFile: profile.configFile,
      credentialsFile: profile.credentialsFile,
      env: {},
    });
    const result = await fullExample({
      session,
      imageId: DEFAULT_IMAGE_ID,
      print: (line) => console.log(line),
      // The model's waiter polls every 15 s; locally a second is plenty.
      wait: { minDelay: 1, maxDelay: 2, maxWaitTime: 120, onAttempt: progress },
    });
    console.log(
      `\nDone: ${result.instanceId} went from launch to ${result.stateAfterReload} to ${result.finalState}.`,
    );
  } finally {
    await local.close();
    rmSync(profile.dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : error);
  process.exitCode = 1;
});
