// Parity with moto, a widely used EC2 emulator: the same scenario through the v3 SDK against moto's
// server and against ec2-local must give the same observations (ids, times and request ids aside),
// except where ec2-local deliberately differs. Those differences are listed below with the reason;
// the test also checks that each one still exists, so the list stays true.

import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MotoServer, motoAvailable, startMoto } from '../../../../scripts/lib/moto.js';
import type { Ec2LocalServer } from '../server/options.js';
import { startEc2Local } from '../server/start.js';
import { PARITY_IMAGE, runScenario } from '../test-support/ec2-scenario.js';

/** Observation -> why ec2-local answers differently from moto (ec2-local follows EC2 in each case). */
export const DELIBERATE_DIFFERENCES: Readonly<Record<string, string>> = {
  'zone-ids':
    'zone name to zone id mapping: moto maps us-east-1a to use1-az6, ec2-local to use1-az1; AWS assigns the mapping per account, so neither is wrong',
  'default-sg-ingress':
    "EC2's default security group allows all traffic from itself; moto's default group has no ingress rule",
  'private-ip-in-subnet':
    "ec2-local hands out private addresses from the instance's subnet, as EC2 does; moto's come from 10.x outside it",
  'client-token-replay':
    'EC2 returns the same reservation for a repeated ClientToken; moto launches new instances',
  'client-token-mismatch':
    'EC2 answers IdempotentParameterMismatch when a ClientToken is reused with other parameters; moto ignores the token',
  'paging-shape':
    'ec2-local pages DescribeInstances by instance (MaxResults counts instances, a reservation may span pages); moto counts reservations',
  'filter-type-wildcard':
    'EC2 applies * and ? wildcards to instance-type filter values; moto matches them literally (it does for tags)',
  'tag-reserved-prefix': "EC2 reserves tag keys starting with 'aws:'; moto accepts them",
  'start-terminated':
    'EC2 refuses to start a terminated instance (IncorrectInstanceState); moto accepts the call',
  'volume-created':
    "EC2 reports a new volume as 'creating' before 'available'; moto reports 'available' at once",
  'volume-throughput': 'EC2 reports 125 MiB/s baseline throughput for gp3; moto reports none',
  'error-malformed':
    'EC2 answers a malformed instance id with InvalidInstanceID.Malformed; moto with NotFound',
  'error-max-results-3': 'EC2 requires MaxResults between 5 and 1000; moto accepts any value',
  'error-unknown-filter':
    'EC2 answers an unknown filter with InvalidParameterValue; moto fails with an HTML 500',
  'error-run-unknown-image': 'EC2 refuses to launch an unknown AMI (InvalidAMIID.NotFound); moto launches it',
  'error-wrong-secret':
    'ec2-local verifies every SigV4 signature (SignatureDoesNotMatch); moto accepts any signature',
};

const available = motoAvailable();

describe.skipIf(!available)('parity with moto through @aws-sdk/client-ec2', () => {
  let moto: MotoServer;
  let local: Ec2LocalServer;

  beforeAll(async () => {
    [moto, local] = await Promise.all([
      startMoto(),
      startEc2Local({ stateDelays: 'instant', images: [{ ...PARITY_IMAGE, ownerId: '137112412989' }] }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([moto?.stop(), local?.close()]);
  });

  it('gives the same observable results, except the listed deliberate differences', async () => {
    const [fromMoto, fromLocal] = await Promise.all([
      runScenario({ endpoint: moto.endpoint, credentials: moto.credentials }),
      runScenario({ endpoint: local.endpoint, credentials: local.credentials }),
    ]);
    expect(Object.keys(fromLocal)).toEqual(Object.keys(fromMoto));
    const same = Object.keys(fromMoto).filter((key) => !(key in DELIBERATE_DIFFERENCES));
    expect(same.length).toBeGreaterThanOrEqual(30);
    const mismatches = same
      .filter((key) => !isDeepStrictEqual(fromLocal[key], fromMoto[key]))
      .map(
        (key) =>
          `${key}: ec2-local ${JSON.stringify(fromLocal[key])} vs moto ${JSON.stringify(fromMoto[key])}`,
      );
    expect(mismatches).toEqual([]);
    for (const key of Object.keys(DELIBERATE_DIFFERENCES)) {
      expect(key in fromMoto, `${key} is observed`).toBe(true);
      expect(fromLocal[key], `${key} should still differ: ${DELIBERATE_DIFFERENCES[key]}`).not.toEqual(
        fromMoto[key],
      );
    }
    // What ec2-local answers in the differing cases, as EC2 does.
    expect(fromLocal).toMatchObject({
      'client-token-replay': 'OK',
      'client-token-mismatch': 'IdempotentParameterMismatch 400',
      'paging-shape': [[3, 2], [1]],
      'filter-type-wildcard': 2,
      'tag-reserved-prefix': 'InvalidParameterValue 400',
      'start-terminated': 'IncorrectInstanceState 400',
      'error-malformed': 'InvalidInstanceID.Malformed 400',
      'error-max-results-3': 'InvalidParameterValue 400',
      'error-unknown-filter': 'InvalidParameterValue 400',
      'error-run-unknown-image': 'InvalidAMIID.NotFound 400',
      'error-wrong-secret': 'SignatureDoesNotMatch 403',
      'private-ip-in-subnet': true,
    });
  }, 120_000);
});
