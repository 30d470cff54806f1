import { describe, expect, it } from 'vitest';
import { awsFunctions } from './aws-functions.js';
import { findPartition, knownPartitions } from './partition.js';
import type { RuleValue } from './rule-values.js';

const call = (name: string, ...args: RuleValue[]) => awsFunctions[name]!(args);

describe('aws.partition', () => {
  it('prefers a listed region, then a pattern, then falls back to aws', () => {
    expect(findPartition('aws-cn-global')).toMatchObject({
      matchedBy: 'region',
      outputs: { name: 'aws-cn' },
    });
    expect(findPartition('cn-east-9')).toMatchObject({ matchedBy: 'regex', outputs: { name: 'aws-cn' } });
    expect(findPartition('us-gov-west-1').outputs.name).toBe('aws-us-gov');
    expect(findPartition('moon-base-1')).toMatchObject({ matchedBy: 'default', outputs: { name: 'aws' } });
  });

  it.each(knownPartitions().map((p) => [p.id, p] as const))(
    'finds %s for a region it does not list yet but whose pattern matches',
    (id, partition) => {
      const listed = partition.regions.find((r) => !r.endsWith('-global'))!;
      const future = listed.replace(/\d+$/, '97');
      expect(partition.regions).not.toContain(future);
      expect(findPartition(future)).toMatchObject({ matchedBy: 'regex', outputs: { name: id } });
      expect(call('aws.partition', future)).toEqual(partition.outputs);
    },
  );

  it('gives the partition outputs a rule set reads, including implicitGlobalRegion', () => {
    expect(call('aws.partition', 'eu-west-1')).toEqual({
      name: 'aws',
      dnsSuffix: 'amazonaws.com',
      dualStackDnsSuffix: 'api.aws',
      supportsFIPS: true,
      supportsDualStack: true,
      implicitGlobalRegion: 'us-east-1',
    });
    expect(call('aws.partition', undefined)).toBeUndefined();
  });
});

describe('aws.parseArn', () => {
  it('splits an ARN, the resource on both ":" and "/"', () => {
    expect(call('aws.parseArn', 'arn:aws:iam::123456789012:role/path/Name')).toEqual({
      partition: 'aws',
      service: 'iam',
      region: '',
      accountId: '123456789012',
      resourceId: ['role', 'path', 'Name'],
    });
    expect(call('aws.parseArn', 'arn:aws:s3:us-west-2:123456789012:accesspoint:my-ap:extra')).toMatchObject({
      region: 'us-west-2',
      resourceId: ['accesspoint', 'my-ap', 'extra'],
    });
    // An empty resource part after a separator is kept, so a rule can say "no name was provided".
    expect(call('aws.parseArn', 'arn:aws:s3:us-west-2:123456789012:accesspoint:')).toMatchObject({
      resourceId: ['accesspoint', ''],
    });
  });

  it.each([
    ['too few parts', 'arn:aws:s3'],
    ['another prefix', 'nope:aws:s3:::b'],
    ['no partition', 'arn::s3:::bucket'],
    ['no service', 'arn:aws::::bucket'],
    ['no resource', 'arn:aws:s3:us-east-1:123456789012:'],
    ['not a string', true],
  ])('gives no value for %s', (_what, value) => {
    expect(call('aws.parseArn', value)).toBeUndefined();
  });
});

describe('aws.isVirtualHostableS3Bucket', () => {
  it.each([
    ['a plain name', 'my-bucket', false, true],
    ['three characters', 'abc', false, true],
    ['63 characters', 'a'.repeat(63), false, true],
    ['two characters', 'ab', false, false],
    ['64 characters', 'a'.repeat(64), false, false],
    ['upper case', 'MyBucket', false, false],
    ['an underscore', 'my_bucket', false, false],
    ['a leading hyphen', '-bucket', false, false],
    ['a trailing hyphen', 'bucket-', false, false],
    ['a dot, sub-domains not allowed', 'my.bucket', false, false],
    ['a dot, sub-domains allowed', 'my.bucket', true, true],
    ['short labels, sub-domains allowed', 'a.b.c', true, true],
    ['two dots in a row', 'my..bucket', true, false],
    ['a hyphen before a dot', 'my-.bucket', true, false],
    ['a hyphen after a dot', 'my.-bucket', true, false],
    ['a trailing dot', 'my.bucket.', true, false],
    ['an IPv4 address', '192.168.5.4', true, false],
    ['not a string', 42, true, false],
  ])('%s: %s (sub-domains %s) is %s', (_what, value, allowSubDomains, expected) => {
    expect(call('aws.isVirtualHostableS3Bucket', value, allowSubDomains)).toBe(expected);
  });
});
