// The full example, run as written against ec2-local and against moto's EC2 server, each reached the
// way a user would: a profile whose config names the endpoint (ec2-local), or AWS_ENDPOINT_URL (moto).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from '@boto-ts/core';
import { startEc2Local } from '@boto-ts/ec2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../scripts/lib/moto.js';
import { fullExample } from './full-example.js';

const fastWaits = { minDelay: 0.05, maxDelay: 0.2, maxWaitTime: 30 };

/** A config and credentials file with one profile, `example`, as a user would have in ~/.aws. */
function profileFiles(settings: { endpointUrl?: string; accessKeyId: string; secretAccessKey: string }) {
  const dir = mkdtempSync(join(tmpdir(), 'boto-ts-example-'));
  const configFile = join(dir, 'config');
  const credentialsFile = join(dir, 'credentials');
  writeFileSync(
    configFile,
    [
      '[profile example]',
      'region = us-east-1',
      ...(settings.endpointUrl ? [`endpoint_url = ${settings.endpointUrl}`] : []),
      '',
    ].join('\n'),
  );
  writeFileSync(
    credentialsFile,
    [
      '[example]',
      `aws_access_key_id = ${settings.accessKeyId}`,
      `aws_secret_access_key = ${settings.secretAccessKey}`,
      '',
    ].join('\n'),
  );
  return { dir, configFile, credentialsFile };
}

function expectTheFlow(printed: readonly string[], result: Awaited<ReturnType<typeof fullExample>>): void {
  // Step headings (`== ...`) aside, the example prints what it saw.
  const lines = printed.filter((line) => !line.startsWith('== '));
  const id = result.instanceId;
  expect(id).toMatch(/^i-/);
  expect(result.stateAfterReload).toBe('running');
  expect(result.finalState).toBe('terminated');
  expect(lines[0]).toMatch(new RegExp(`^Launched ${id} from ami-`));
  expect(lines).toContain(`Instance ${id} is running`);
  expect(lines.some((line) => line.startsWith(`Running instance ${id} (t3.micro)`))).toBe(true);
  expect(lines).toContain(`${id} running`);
  expect(lines.at(-1)).toBe(`Instance ${id} is terminated`);
}

describe('the full example against ec2-local', () => {
  let local: Awaited<ReturnType<typeof startEc2Local>>;
  let files: ReturnType<typeof profileFiles>;
  beforeAll(async () => {
    local = await startEc2Local({ stateDelays: { pending: 150, stopping: 150, shuttingDown: 150 } });
    files = profileFiles({ endpointUrl: local.endpoint, ...local.credentials });
  });
  afterAll(async () => {
    await local?.close();
    if (files) rmSync(files.dir, { recursive: true, force: true });
  });

  it('launches, waits, lists through the paginator and the resource, then terminates', async () => {
    const session = new Session({
      profile: 'example',
      configFile: files.configFile,
      credentialsFile: files.credentialsFile,
      env: {},
    });
    const lines: string[] = [];
    const result = await fullExample({ session, wait: fastWaits, print: (line) => lines.push(line) });
    expectTheFlow(lines, result);
    // The instance really went through its states on the server.
    expect(local.instances().find((instance) => instance.instanceId === result.instanceId)?.state).toBe(
      'terminated',
    );
  }, 60_000);
});

const withMoto = motoAvailable();

describe.skipIf(!withMoto)('the full example against moto', () => {
  let moto: MotoServer;
  let files: ReturnType<typeof profileFiles>;
  beforeAll(async () => {
    moto = await startMoto();
    files = profileFiles(moto.credentials);
  }, 60_000);
  afterAll(async () => {
    await moto?.stop();
    if (files) rmSync(files.dir, { recursive: true, force: true });
  });

  it('runs unchanged with the endpoint from AWS_ENDPOINT_URL', async () => {
    const session = new Session({
      profile: 'example',
      configFile: files.configFile,
      credentialsFile: files.credentialsFile,
      env: { AWS_ENDPOINT_URL: moto.endpoint },
    });
    const lines: string[] = [];
    const result = await fullExample({ session, wait: fastWaits, print: (line) => lines.push(line) });
    expectTheFlow(lines, result);
  }, 60_000);
});
