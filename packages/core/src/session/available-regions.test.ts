import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCI, modelPath, readModelJson } from '../../../../scripts/lib/repo-data.js';
import { knownPartitions } from '../endpoints/partition.js';
import { stsService } from '../generated/sts/service.js';
import { availableRegions, partitionRegions } from './available-regions.js';
import { isOptInRegion, OPT_IN_REGIONS } from './opt-in-regions.js';

const SERVICES = ['ec2', 'iam', 'organizations', 'route53', 'sso', 'lambda'] as const;

function fixtureService(name: string) {
  const [version] = readdirSync(modelPath(name));
  const ruleSet: unknown = readModelJson(`${name}/${version}/endpoint-rule-set-1.json`);
  return { serviceId: name, signingName: name, endpointRuleSet: ruleSet };
}

describe('availableRegions', () => {
  it('lists every region of a regional service, leaving out opt-in regions unless asked', () => {
    const ec2 = fixtureService('ec2');
    const all = availableRegions(ec2, { includeOptIn: true });
    const aws = knownPartitions().find((p) => p.id === 'aws')!;
    expect(all).toEqual(partitionRegions(aws).sort());
    expect(all).not.toContain('aws-global');
    const byDefault = availableRegions(ec2);
    expect(byDefault).toEqual(all.filter((region) => !isOptInRegion(region)));
    // The 17 regions every account has (regions launched before 20 March 2019).
    expect(byDefault).toHaveLength(17);
    expect(byDefault).toContain('us-east-1');
    expect(byDefault).not.toContain('af-south-1');
  });

  it('lists no region for a global service, whose every region resolves to one endpoint', () => {
    for (const name of ['iam', 'organizations', 'route53'])
      expect(availableRegions(fixtureService(name), { includeOptIn: true })).toEqual([]);
  });

  it('answers for another partition, and takes a client (anything with a service schema)', () => {
    expect(availableRegions(fixtureService('ec2'), { partition: 'aws-cn' })).toEqual([
      'cn-north-1',
      'cn-northwest-1',
    ]);
    expect(availableRegions({ service: stsService }, { partition: 'aws-us-gov' })).toEqual([
      'us-gov-east-1',
      'us-gov-west-1',
    ]);
  });

  it('refuses an unknown partition and an argument without a rule set, naming what to pass', () => {
    expect(() => availableRegions(fixtureService('ec2'), { partition: 'aws-moon' })).toThrow(
      /Unknown partition "aws-moon"; use one of aws, /,
    );
    expect(() => availableRegions({} as never)).toThrow(/needs a client/);
  });

  it('knows only aws-partition regions as opt-in', () => {
    const aws = new Set(partitionRegions(knownPartitions().find((p) => p.id === 'aws')!));
    for (const region of OPT_IN_REGIONS) expect(aws.has(region)).toBe(true);
  });
});

// The differential: boto3 1.43 reads its own bundled endpoints.json, offline.
const hasBoto3 =
  spawnSync('python3', ['-c', 'import boto3'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
if (!hasBoto3) {
  if (isCI) throw new Error('python3 with boto3 is required under CI');
  console.warn(
    'boto3 is not installed (python3 -c "import boto3"); the get_available_regions comparison is skipped',
  );
}

/**
 * Where the answers differ, and why (rule sets cannot say these things):
 * - a global service in a partition of one region (aws-eusc, aws-iso-e): its one region has an
 *   endpoint of its own, so we list it; endpoints.json marks the service non-regional there.
 * - SSO in the aws-iso* partitions: the rule set builds an endpoint, endpoints.json has none.
 */
const KNOWN_DIFFERENCES: Readonly<Record<string, readonly string[]>> = {
  'iam|aws-eusc': ['eusc-de-east-1'],
  'iam|aws-iso-e': ['eu-isoe-west-1'],
  'organizations|aws-eusc': ['eusc-de-east-1'],
  'organizations|aws-iso-e': ['eu-isoe-west-1'],
  'route53|aws-eusc': ['eusc-de-east-1'],
  'route53|aws-iso-e': ['eu-isoe-west-1'],
  'sso|aws-iso': ['us-iso-east-1', 'us-iso-west-1'],
  'sso|aws-iso-b': ['us-isob-east-1', 'us-isob-west-1'],
  'sso|aws-iso-e': ['eu-isoe-west-1'],
  'sso|aws-iso-f': ['us-isof-east-1', 'us-isof-south-1'],
};

describe.skipIf(!hasBoto3)('availableRegions against boto3 get_available_regions', () => {
  it('agrees for 6 services x every partition, except the listed differences (only extra regions)', () => {
    const partitions = knownPartitions().map((p) => p.id);
    const script = [
      'import json, boto3',
      's = boto3.Session()',
      `print(json.dumps({f"{n}|{p}": s.get_available_regions(n, p) for n in ${JSON.stringify(SERVICES)} for p in ${JSON.stringify(partitions)}}))`,
    ].join('\n');
    const run = spawnSync('python3', ['-c', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const boto3: Record<string, string[]> = JSON.parse(run.stdout);
    let compared = 0;
    for (const name of SERVICES) {
      const service = fixtureService(name);
      for (const partition of partitions) {
        const key = `${name}|${partition}`;
        const ours = availableRegions(service, { partition, includeOptIn: true });
        const theirs = [...boto3[key]!].sort();
        const extra = KNOWN_DIFFERENCES[key] ?? [];
        expect(ours, key).toEqual([...theirs, ...extra].sort());
        compared++;
      }
    }
    expect(compared).toBe(SERVICES.length * partitions.length);
  });
});
