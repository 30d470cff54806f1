// Hand-written schemas for core's own tests, in the format buildSchemas produces: a subset of EC2's
// DescribeInstances and STS's AssumeRole (enough for the fixtures in fixtures/xml), and the two
// services. The full EC2 and STS schemas are built from the models in the codegen package's tests.

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  booleanSchema,
  integerSchema,
  type ListSchema,
  MEMBER_XML_LCFIRST,
  type OperationSchema,
  type ServiceSchema,
  type StructureSchema,
  stringSchema,
  timestampSchema,
} from '../../protocol/schema.js';

const L = MEMBER_XML_LCFIRST;

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', '..');

/** A file under fixtures/xml, as text. */
export function xmlFixture(name: string): string {
  return readFileSync(join(repoRoot, 'fixtures', 'xml', name), 'utf8');
}

export const ec2Service: ServiceSchema = {
  serviceId: 'EC2',
  configKey: 'ec2',
  signingName: 'ec2',
  endpointPrefix: 'ec2',
  apiVersion: '2016-11-15',
  protocol: 'ec2',
  xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15',
  endpointRuleSet: undefined,
};

export const stsService: ServiceSchema = {
  serviceId: 'STS',
  configKey: 'sts',
  signingName: 'sts',
  endpointPrefix: 'sts',
  apiVersion: '2011-06-15',
  protocol: 'query',
  endpointRuleSet: undefined,
};

const items = (member: StructureSchema | typeof stringSchema): ListSchema => ({
  kind: 'list',
  member,
  memberName: 'item',
});

const tag: StructureSchema = {
  kind: 'structure',
  name: 'Tag',
  members: [
    ['Key', stringSchema, L],
    ['Value', stringSchema, L],
  ],
};

const groupIdentifier: StructureSchema = {
  kind: 'structure',
  name: 'GroupIdentifier',
  members: [
    ['GroupId', stringSchema, L],
    ['GroupName', stringSchema, L],
  ],
};

const instance: StructureSchema = {
  kind: 'structure',
  name: 'Instance',
  members: [
    ['InstanceId', stringSchema, L],
    ['ImageId', stringSchema, L],
    [
      'State',
      {
        kind: 'structure',
        name: 'InstanceState',
        members: [
          ['Code', integerSchema, L],
          ['Name', stringSchema, L],
        ],
      },
      0,
      0,
      'instanceState',
    ],
    ['PrivateDnsName', stringSchema, L],
    ['PublicDnsName', stringSchema, 0, 0, 'dnsName'],
    ['StateTransitionReason', stringSchema, 0, 0, 'reason'],
    ['AmiLaunchIndex', integerSchema, L],
    ['ProductCodes', items(stringSchema), L],
    ['InstanceType', stringSchema, L],
    ['LaunchTime', timestampSchema, L],
    [
      'Placement',
      {
        kind: 'structure',
        name: 'Placement',
        members: [
          ['AvailabilityZone', stringSchema, L],
          ['GroupName', stringSchema, L],
          ['Tenancy', stringSchema, L],
        ],
      },
      L,
    ],
    ['PrivateIpAddress', stringSchema, L],
    ['PublicIpAddress', stringSchema, 0, 0, 'ipAddress'],
    ['SourceDestCheck', booleanSchema, L],
    ['SecurityGroups', items(groupIdentifier), 0, 0, 'groupSet'],
    [
      'BlockDeviceMappings',
      items({
        kind: 'structure',
        name: 'InstanceBlockDeviceMapping',
        members: [
          ['DeviceName', stringSchema, L],
          [
            'Ebs',
            {
              kind: 'structure',
              name: 'EbsInstanceBlockDevice',
              members: [
                ['AttachTime', timestampSchema, L],
                ['DeleteOnTermination', booleanSchema, L],
                ['Status', stringSchema, L],
                ['VolumeId', stringSchema, L],
              ],
            },
            L,
          ],
        ],
      }),
      0,
      0,
      'blockDeviceMapping',
    ],
    ['Tags', items(tag), 0, 0, 'tagSet'],
    [
      'CpuOptions',
      {
        kind: 'structure',
        name: 'CpuOptions',
        members: [
          ['CoreCount', integerSchema, L],
          ['ThreadsPerCore', integerSchema, L],
        ],
      },
      L,
    ],
  ],
};

const reservation: StructureSchema = {
  kind: 'structure',
  name: 'Reservation',
  members: [
    ['Groups', items(groupIdentifier), 0, 0, 'groupSet'],
    ['Instances', items(instance), 0, 0, 'instancesSet'],
    ['OwnerId', stringSchema, L],
    ['ReservationId', stringSchema, L],
  ],
};

export const describeInstances: OperationSchema = {
  name: 'DescribeInstances',
  output: {
    kind: 'structure',
    name: 'DescribeInstancesResult',
    members: [
      ['NextToken', stringSchema, L],
      ['Reservations', items(reservation), 0, 0, 'reservationSet'],
    ],
  },
};

export const assumeRole: OperationSchema = {
  name: 'AssumeRole',
  output: {
    kind: 'structure',
    name: 'AssumeRoleResponse',
    members: [
      [
        'Credentials',
        {
          kind: 'structure',
          name: 'Credentials',
          sensitive: true,
          members: [
            ['AccessKeyId', stringSchema],
            ['SecretAccessKey', { kind: 'string', sensitive: true }],
            ['SessionToken', stringSchema],
            ['Expiration', timestampSchema],
          ],
        },
      ],
      [
        'AssumedRoleUser',
        {
          kind: 'structure',
          name: 'AssumedRoleUser',
          members: [
            ['AssumedRoleId', stringSchema],
            ['Arn', stringSchema],
          ],
        },
      ],
      ['PackedPolicySize', integerSchema],
      ['SourceIdentity', stringSchema],
    ],
  },
};
