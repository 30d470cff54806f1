import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelPath, repoRoot } from '../../../scripts/lib/repo-data.js';
import { nounOf, planSubject, renderWaiters } from './emit-waiters.js';
import type { ServiceModel, WaitersModel } from './model.js';

const read = <T>(file: string): T =>
  JSON.parse(readFileSync(modelPath('ec2', '2016-11-15', file), 'utf8')) as T;
const generated = (file: string) =>
  readFileSync(join(repoRoot, 'packages/waiters/src/generated/ec2', file), 'utf8');

describe('emit-waiters', () => {
  const service = read<ServiceModel>('service-2.json');
  const waiters = read<WaitersModel>('waiters-2.json');

  it('the committed specs are what the generator writes today', () => {
    expect(generated('waiters.ts')).toBe(renderWaiters(service, waiters));
  });

  it('compiles every acceptor of every EC2 waiter, with no JMESPath left for run time', () => {
    const text = renderWaiters(service, waiters);
    expect(Object.keys(waiters.waiters).length).toBeGreaterThanOrEqual(40);
    // Only the compiled value rules (@boto-ts/core/jmespath), never a JMESPath library.
    expect(text).not.toMatch(/from ['"](@jmespath-community\/)?jmespath['"]/i);
    expect(text).toContain("from '@boto-ts/core/jmespath'");
    for (const name of Object.keys(waiters.waiters)) {
      expect(text).toContain(`export const ${name.charAt(0).toLowerCase()}${name.slice(1)}Waiter:`);
    }
  });

  it('finds the resource each state waiter talks about', () => {
    const subject = (name: string) => {
      const plan = planSubject(service, waiters.waiters[name]!);
      return plan && [plan.noun, plan.id, plan.tail, plan.label];
    };
    expect(subject('InstanceRunning')).toEqual(['instance', 'InstanceId', 'State.Name', undefined]);
    expect(subject('SystemStatusOk')).toEqual([
      'instance',
      'InstanceId',
      'SystemStatus.Status',
      'SystemStatus.Status',
    ]);
    expect(subject('NatGatewayAvailable')).toEqual(['NAT gateway', 'NatGatewayId', 'State', undefined]);
    expect(subject('StoreImageTaskComplete')).toEqual(['AMI', 'AmiId', 'StoreTaskState', undefined]);
    expect(subject('ImageUsageReportAvailable')).toEqual([
      'image usage report',
      'ReportId',
      'State',
      undefined,
    ]);
    // length(...) waiters have no per-resource state.
    expect(subject('InstanceExists')).toBeUndefined();
    expect(subject('PasswordDataAvailable')).toBeUndefined();
  });

  it('turns shape names into nouns', () => {
    expect(nounOf('VpcPeeringConnection')).toBe('VPC peering connection');
    expect(nounOf('Instance')).toBe('instance');
  });
});
