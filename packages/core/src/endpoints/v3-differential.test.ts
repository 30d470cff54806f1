// Differential: our rules engine + generated partitions against the v3 SDK's EC2 endpoint provider
// (its own compiled rules and partition data), over every known region and a few pattern-only ones.

import { readFileSync } from 'node:fs';
import { EC2Client } from '@aws-sdk/client-ec2';
import { afterAll, describe, expect, it } from 'vitest';
import { modelPath } from '../../../../scripts/lib/repo-data.js';
import { knownPartitions } from './partition.js';
import { resolveEndpoint } from './resolve.js';

describe('EC2 endpoints agree with the v3 SDK', () => {
  const ec2 = {
    serviceId: 'EC2',
    signingName: 'ec2',
    endpointRuleSet: JSON.parse(readFileSync(modelPath('ec2/2016-11-15/endpoint-rule-set-1.json'), 'utf8')),
  };
  const v3 = new EC2Client({ region: 'us-east-1' });
  afterAll(() => v3.destroy());

  const regions = [
    ...knownPartitions().flatMap((p) => p.regions.filter((r) => !r.endsWith('-global'))),
    'us-east-7',
    'cn-south-3',
    'us-gov-north-2',
    'eusc-de-west-1',
  ];
  const flags = [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const;
  const cases = regions.flatMap((region) => flags.map(([fips, dualStack]) => ({ region, fips, dualStack })));

  it(`gives the same URL or the same error for ${cases.length} region/FIPS/dual-stack combinations`, () => {
    expect(cases.length).toBeGreaterThan(100);
    for (const { region, fips, dualStack } of cases) {
      const theirs = (() => {
        try {
          return v3.config
            .endpointProvider({ Region: region, UseFIPS: fips, UseDualStack: dualStack }, {})
            .url.href.replace(/\/$/, '');
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      })();
      const ours = (() => {
        try {
          return resolveEndpoint(ec2, { region, useFipsEndpoint: fips, useDualstackEndpoint: dualStack }).url;
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      })();
      if (theirs.startsWith('error: '))
        expect(ours, `${region} fips=${fips} dualStack=${dualStack}`).toContain(theirs.slice(7));
      else expect(ours, `${region} fips=${fips} dualStack=${dualStack}`).toBe(theirs);
    }
  });

  it('agrees on custom endpoints, with and without FIPS', () => {
    for (const fips of [false, true]) {
      const endpoint = 'https://proxy.example.test:8443/ec2';
      const theirs = (() => {
        try {
          return v3.config.endpointProvider(
            { Region: 'eu-west-1', UseFIPS: fips, UseDualStack: false, Endpoint: endpoint },
            {},
          ).url.href;
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      })();
      const ours = (() => {
        try {
          return resolveEndpoint(ec2, { region: 'eu-west-1', useFipsEndpoint: fips, endpointUrl: endpoint })
            .url;
        } catch (error) {
          return `error: ${(error as Error).message}`;
        }
      })();
      if (theirs.startsWith('error: ')) expect(ours).toContain(theirs.slice(7));
      else expect(ours).toBe(theirs);
    }
  });
});
