// The `aws.*` rule functions: aws.partition (region -> partition outputs), aws.parseArn and
// aws.isVirtualHostableS3Bucket. The Smithy standard library is in rule-functions.ts.

import { findPartition } from './partition.js';
import type { RuleFunction, RuleValue } from './rule-values.js';

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

function partition(region: RuleValue): RuleValue {
  if (typeof region !== 'string') return undefined;
  return { ...findPartition(region).outputs };
}

/**
 * `arn:partition:service:region:account:resource`; the resource must be non-empty and is split on
 * both `:` and `/` (`accesspoint/name` and `accesspoint:name` alike give ['accesspoint', 'name']).
 */
function parseArn(value: RuleValue): RuleValue {
  if (typeof value !== 'string') return undefined;
  const parts = value.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  const [, partitionName, service, region, accountId] = parts as [string, string, string, string, string];
  const resource = parts.slice(5).join(':');
  if (partitionName === '' || service === '' || resource === '') return undefined;
  return { partition: partitionName, service, region, accountId, resourceId: resource.split(/[:/]/) };
}

const LOWER_ALPHANUMERIC = /^[a-z0-9]$/;

/**
 * Whether a bucket name can go in front of the host (`bucket.s3.<region>.amazonaws.com`): 3 to 63
 * characters of lower-case letters, digits and `-`, starting and ending with a letter or digit. With
 * `allowSubDomains`, dots are allowed too, but not next to another dot or a hyphen (`a..b`, `a-.b`,
 * `a.-b`), and the name must not look like an IPv4 address.
 */
function isVirtualHostableS3Bucket(value: RuleValue, allowSubDomains: RuleValue): boolean {
  if (typeof value !== 'string' || value.length < 3 || value.length > 63) return false;
  if (!LOWER_ALPHANUMERIC.test(value[0]!) || !LOWER_ALPHANUMERIC.test(value[value.length - 1]!)) {
    return false;
  }
  if (allowSubDomains !== true) return /^[a-z0-9-]+$/.test(value);
  if (!/^[a-z0-9.-]+$/.test(value) || /\.\.|-\.|\.-/.test(value)) return false;
  return !IPV4.test(value);
}

export const awsFunctions: Readonly<Record<string, RuleFunction>> = {
  'aws.partition': ([region]) => partition(region),
  'aws.parseArn': ([arn]) => parseArn(arn),
  'aws.isVirtualHostableS3Bucket': ([value, allowSubDomains]) =>
    isVirtualHostableS3Bucket(value, allowSubDomains),
};
