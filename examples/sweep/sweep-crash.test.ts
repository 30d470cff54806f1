// A sweep killed halfway (a child process, SIGKILL, right after a RunInstances answered and before
// the checkpoint recorded it) and started again with the same checkpoint file: every target is done
// exactly once and no instance is launched twice. EC2 here is ec2-local, one server per region,
// because it honours ClientToken as EC2 does (moto 5.2 records the token but launches again).

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { DEFAULT_IMAGE_ID, startEc2Local } from '@boto-ts/ec2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CrashChildConfig } from './crash-child.js';

const REGIONS = ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'eu-west-1', 'eu-central-1'];
const ACCOUNT_ID = '123456789012';
const childPath = fileURLToPath(new URL('./crash-child.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

type Event = { event: string; region?: string; instanceId?: string; results?: ChildResult[] };
type ChildResult = { region: string; ok: boolean; resumed: boolean; instanceId?: string; error?: string };

/** Runs the child; `onEvent` sees each line as it comes. Resolves with its events and exit. */
function runChild(config: CrashChildConfig, onEvent: (event: Event, child: ChildProcess) => void = () => {}) {
  const child = spawn(
    process.execPath,
    ['--conditions=@boto-ts/source', '--import', 'tsx', childPath, JSON.stringify(config)],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
    },
  );
  const events: Event[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const event = JSON.parse(line) as Event;
    events.push(event);
    onEvent(event, child);
  });
  return new Promise<{ events: Event[]; signal: NodeJS.Signals | null; code: number | null; stderr: string }>(
    (resolve) => child.on('close', (code, signal) => resolve({ events, code, signal, stderr })),
  );
}

let servers: Awaited<ReturnType<typeof startEc2Local>>[] = [];
let dir: string;

describe('a sweep killed halfway and started again', () => {
  beforeAll(async () => {
    servers = await Promise.all(REGIONS.map((region) => startEc2Local({ region })));
    dir = mkdtempSync(join(tmpdir(), 'boto-ts-sweep-'));
  });
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('does every target exactly once and launches no instance twice', async () => {
    const config: CrashChildConfig = {
      checkpointPath: join(dir, 'sweep.json'),
      accountId: ACCOUNT_ID,
      imageId: DEFAULT_IMAGE_ID,
      credentials: servers[0]!.credentials,
      endpoints: Object.fromEntries(REGIONS.map((region, i) => [region, servers[i]!.endpoint])),
    };

    // Run 1: killed right after the 4th target's RunInstances answered, with 3 targets on record.
    const first = await runChild({ ...config, hangAfterLaunches: 4 }, (event, child) => {
      if (event.event === 'hanging') child.kill('SIGKILL');
    });
    expect(first.signal, JSON.stringify(first.events) + first.stderr).toBe('SIGKILL');
    const doneFirst = first.events.filter((e) => e.event === 'done').map((e) => e.region);
    expect(doneFirst).toEqual(REGIONS.slice(0, 3));
    const launchedFirst = first.events.filter((e) => e.event === 'launched');
    expect(launchedFirst.map((e) => e.region)).toEqual(REGIONS.slice(0, 4));

    // Run 2: the same checkpoint file.
    const second = await runChild(config);
    expect(second.code, second.stderr).toBe(0);
    const doneSecond = second.events.filter((e) => e.event === 'done').map((e) => e.region);
    expect(doneSecond).toEqual(REGIONS.slice(3));
    expect([...doneFirst, ...doneSecond].sort()).toEqual([...REGIONS].sort()); // each exactly once
    const results = second.events.find((e) => e.event === 'results')!.results!;
    expect(results.map((r) => [r.region, r.ok, r.resumed])).toEqual(
      REGIONS.map((region, i) => [region, true, i < 3]),
    );

    // The target cut off mid-way launched again with the same ClientToken: EC2 answered with the
    // instance the killed run had launched.
    expect(results[3]!.instanceId).toBe(launchedFirst[3]!.instanceId);
    for (const [i, server] of servers.entries()) {
      const instances = server.instances(ACCOUNT_ID);
      expect(
        instances.map((instance) => instance.instanceId),
        REGIONS[i],
      ).toEqual([results[i]!.instanceId]);
    }
  }, 120_000);
});
