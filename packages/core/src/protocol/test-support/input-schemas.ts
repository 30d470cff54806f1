// Hand-written input schemas for core's protocol tests, in the format buildSchemas produces for EC2
// (names as the ec2 serializer writes them) and for a query service.

import {
  blobSchema,
  booleanSchema,
  doubleSchema,
  integerSchema,
  type ListSchema,
  MEMBER_BASE64_TEXT,
  MEMBER_HOST_LABEL,
  MEMBER_IDEMPOTENCY_TOKEN,
  MEMBER_REQUIRED,
  MEMBER_SENSITIVE,
  type OperationSchema,
  type ServiceSchema,
  type StructureSchema,
  stringSchema,
  timestampSchema,
} from '../schema.js';

export const ec2Service: ServiceSchema = {
  serviceId: 'EC2',
  configKey: 'ec2',
  signingName: 'ec2',
  endpointPrefix: 'ec2',
  apiVersion: '2016-11-15',
  protocol: 'ec2',
  endpointRuleSet: undefined,
};

export const queryService: ServiceSchema = {
  ...ec2Service,
  serviceId: 'Q',
  protocol: 'query',
  apiVersion: '2020-01-08',
};

const ebs: StructureSchema = {
  kind: 'structure',
  name: 'EbsBlockDevice',
  members: [
    ['DeleteOnTermination', booleanSchema],
    ['Iops', integerSchema],
    ['VolumeSize', integerSchema],
    ['VolumeType', stringSchema],
  ],
};

const blockDeviceMapping: StructureSchema = {
  kind: 'structure',
  name: 'BlockDeviceMapping',
  members: [
    ['DeviceName', stringSchema],
    ['Ebs', ebs],
  ],
};

const tagSpecification: StructureSchema = {
  kind: 'structure',
  name: 'TagSpecification',
  members: [
    ['ResourceType', stringSchema],
    [
      'Tags',
      {
        kind: 'list',
        member: {
          kind: 'structure',
          name: 'Tag',
          members: [
            ['Key', stringSchema],
            ['Value', stringSchema],
          ],
        },
        memberName: 'item',
      },
      0,
      'Tag',
    ],
  ],
};

const securityGroupIds: ListSchema = { kind: 'list', member: stringSchema, memberName: 'SecurityGroupId' };

/** A RunInstances subset: required counts, a token, UserData, nested lists of structures. */
export const runInstances: OperationSchema = {
  name: 'RunInstances',
  input: {
    kind: 'structure',
    name: 'RunInstancesRequest',
    members: [
      [
        'BlockDeviceMappings',
        { kind: 'list', member: blockDeviceMapping, memberName: 'BlockDeviceMapping' },
        0,
        'BlockDeviceMapping',
      ],
      ['ImageId', stringSchema],
      ['InstanceType', stringSchema],
      ['MaxCount', integerSchema, MEMBER_REQUIRED],
      ['MinCount', integerSchema, MEMBER_REQUIRED],
      ['SecurityGroupIds', securityGroupIds, 0, 'SecurityGroupId'],
      ['UserData', { kind: 'string', sensitive: true }, MEMBER_SENSITIVE | MEMBER_BASE64_TEXT],
      ['DryRun', booleanSchema, 0, 'DryRun'],
      ['ClientToken', stringSchema, MEMBER_IDEMPOTENCY_TOKEN, 'ClientToken'],
      [
        'TagSpecifications',
        { kind: 'list', member: tagSpecification, memberName: 'item' },
        0,
        'TagSpecification',
      ],
    ],
  },
};

/** Scalars of every kind, with botocore `min` constraints. */
export const scalars: OperationSchema = {
  name: 'Scalars',
  input: {
    kind: 'structure',
    name: 'ScalarsRequest',
    members: [
      ['Name', { kind: 'string', min: 2 }],
      ['Count', { kind: 'integer', min: 1 }],
      ['Size', { kind: 'long' }],
      ['Ratio', doubleSchema],
      ['Enabled', booleanSchema],
      ['At', timestampSchema],
      ['Epoch', { kind: 'timestamp', timestampFormat: 'unixTimestamp' }],
      ['Http', { kind: 'timestamp', timestampFormat: 'rfc822' }],
      ['Data', blobSchema],
      ['Ids', { kind: 'list', member: stringSchema, min: 1 }],
      ['Labels', { kind: 'map', key: stringSchema, value: integerSchema }],
    ],
  },
};

/** Query-protocol shapes: default and custom list member names, flattened lists and maps. */
export const queryLists: OperationSchema = {
  name: 'QueryLists',
  input: {
    kind: 'structure',
    name: 'QueryListsInput',
    members: [
      ['ListArg', { kind: 'list', member: stringSchema }],
      ['Named', { kind: 'list', member: stringSchema, memberName: 'item' }],
      ['Flat', { kind: 'list', member: stringSchema, flattened: true }],
      ['Map', { kind: 'map', key: stringSchema, value: stringSchema }],
      [
        'FlatMap',
        {
          kind: 'map',
          key: stringSchema,
          value: stringSchema,
          keyName: 'K',
          valueName: 'V',
          flattened: true,
        },
      ],
      ['Nested', { kind: 'list', member: { kind: 'list', member: integerSchema } }],
    ],
  },
};

export const hostLabel: OperationSchema = {
  name: 'EndpointWithHostLabel',
  hostPrefix: 'foo.{Label}.',
  input: {
    kind: 'structure',
    name: 'HostLabelInput',
    members: [['Label', stringSchema, MEMBER_REQUIRED | MEMBER_HOST_LABEL]],
  },
};
