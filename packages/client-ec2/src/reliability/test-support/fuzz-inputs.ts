// Random inputs for a handful of EC2 operations, shaped after their public request types and then
// damaged the way callers damage them: a member of the wrong type (strings for numbers, nested lists,
// bigint, NaN, invalid dates, symbols, functions...), a required member dropped, an unknown member
// added (typos, `__proto__`, `constructor`), or something that is not an object at all.

import { CANNED_IMAGE_IDS, DEFAULT_IMAGE_ID } from '@boto-ts/ec2-local';
import fc from 'fast-check';

export type Input = Record<string, unknown>;

const text = fc.oneof(
  fc.constantFrom('', 'web', 'a b&c=d', 'ünïcødé ☃', 'x'.repeat(300), '\uD800 lone surrogate', '%41+/=?'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
const instanceId = fc.oneof(fc.constantFrom('i-0123456789abcdef0', 'i-1', 'not-an-id'), text);
const imageId = fc.oneof(
  fc.constantFrom(DEFAULT_IMAGE_ID, ...Object.values(CANNED_IMAGE_IDS), 'ami-00000000'),
  text,
);
const smallList = <T>(item: fc.Arbitrary<T>) => fc.array(item, { maxLength: 3 });
const tag = fc.record({ Key: text, Value: text }, { requiredKeys: [] });
const filter = fc.record(
  {
    Name: fc.oneof(
      fc.constantFrom('instance-state-name', 'tag:Name', 'image-id', 'name', 'bogus-filter'),
      text,
    ),
    Values: smallList(fc.oneof(fc.constantFrom('running', '*', 'a?c'), text)),
  },
  { requiredKeys: [] },
);
const tagSpecification = fc.record(
  { ResourceType: fc.constantFrom('instance', 'volume', 'security-group', 'nonsense'), Tags: smallList(tag) },
  { requiredKeys: [] },
);
const count = fc.integer({ min: -1, max: 3 });
const boolean = fc.boolean();

/** Well-typed inputs (values may still be ones the service refuses), one per operation. */
export const WELL_TYPED: Readonly<Record<string, fc.Arbitrary<Input>>> = {
  describeInstances: fc.record(
    {
      InstanceIds: smallList(instanceId),
      Filters: smallList(filter),
      MaxResults: fc.integer({ min: -5, max: 2_000 }),
      NextToken: text,
      DryRun: boolean,
    },
    { requiredKeys: [] },
  ),
  runInstances: fc.record(
    {
      ImageId: imageId,
      MinCount: count,
      MaxCount: count,
      InstanceType: fc.oneof(fc.constantFrom('t3.micro', 't2.nano', 'm5.large', 'bogus.size'), text),
      TagSpecifications: smallList(tagSpecification),
      BlockDeviceMappings: smallList(
        fc.record(
          {
            DeviceName: fc.constantFrom('/dev/sdf', '/dev/xvda', ''),
            Ebs: fc.record(
              {
                VolumeSize: fc.integer({ min: -1, max: 20 }),
                VolumeType: fc.constantFrom('gp3', 'io1', 'bogus'),
                DeleteOnTermination: boolean,
              },
              { requiredKeys: [] },
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      UserData: text,
      ClientToken: text,
      DryRun: boolean,
    },
    { requiredKeys: ['MinCount', 'MaxCount'] },
  ),
  createTags: fc.record(
    { Resources: smallList(fc.oneof(instanceId, imageId)), Tags: smallList(tag), DryRun: boolean },
    { requiredKeys: ['Resources', 'Tags'] },
  ),
  terminateInstances: fc.record(
    { InstanceIds: smallList(instanceId), DryRun: boolean },
    { requiredKeys: ['InstanceIds'] },
  ),
  describeImages: fc.record(
    {
      Owners: smallList(fc.oneof(fc.constantFrom('self', 'amazon', '123456789012'), text)),
      ImageIds: smallList(imageId),
      Filters: smallList(filter),
      IncludeDeprecated: boolean,
      DryRun: boolean,
    },
    { requiredKeys: [] },
  ),
  createSecurityGroup: fc.record(
    {
      GroupName: text,
      Description: text,
      VpcId: text,
      TagSpecifications: smallList(tagSpecification),
      DryRun: boolean,
    },
    { requiredKeys: ['GroupName', 'Description'] },
  ),
  authorizeSecurityGroupIngress: fc.record(
    {
      GroupId: text,
      GroupName: fc.oneof(fc.constant('default'), text),
      IpPermissions: smallList(
        fc.record(
          {
            IpProtocol: fc.oneof(fc.constantFrom('tcp', 'udp', '-1', 'icmp'), text),
            FromPort: fc.integer({ min: -2, max: 70_000 }),
            ToPort: fc.integer({ min: -2, max: 70_000 }),
            IpRanges: smallList(
              fc.record(
                {
                  CidrIp: fc.oneof(fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', '300.1.1.1/40'), text),
                  Description: text,
                },
                { requiredKeys: [] },
              ),
            ),
          },
          { requiredKeys: [] },
        ),
      ),
      DryRun: boolean,
    },
    { requiredKeys: [] },
  ),
  createVolume: fc.record(
    {
      AvailabilityZone: fc.oneof(fc.constantFrom('us-east-1a', 'us-east-1z'), text),
      Size: fc.integer({ min: -1, max: 20_000 }),
      VolumeType: fc.constantFrom('gp3', 'io1', 'standard', 'bogus'),
      Iops: fc.integer({ min: -1, max: 70_000 }),
      Encrypted: boolean,
      TagSpecifications: smallList(tagSpecification),
      DryRun: boolean,
    },
    { requiredKeys: [] },
  ),
};

/** Values of the wrong kind for wherever they land. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 53 + 2, 1.5),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }),
  fc.date({ noInvalidDate: false }),
  fc.uint8Array({ maxLength: 8 }),
  fc.array(fc.array(text, { maxLength: 2 }), { maxLength: 2 }),
  fc.array(fc.array(fc.array(fc.integer(), { maxLength: 2 }), { maxLength: 2 }), { maxLength: 2 }),
  fc.dictionary(text, text, { maxKeys: 2 }),
  fc.constant(Symbol('not a value')),
  fc.constant(() => 'a function'),
  fc.constant(new Map([['Key', 'Value']])),
  fc.constant([undefined, null]),
);

const unknownKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'instanceIds',
    'Dryrun',
    'Filter',
  ),
  fc.string({ minLength: 1, maxLength: 10 }),
);

type Mutation =
  | { readonly kind: 'wrong-type'; readonly at: number; readonly value: unknown }
  | { readonly kind: 'drop'; readonly at: number }
  | { readonly kind: 'unknown-member'; readonly at: number; readonly key: string; readonly value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('wrong-type' as const), at: fc.nat(), value: wrongValue }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('unknown-member' as const),
    at: fc.nat(),
    key: unknownKey,
    value: fc.oneof(text, wrongValue),
  }),
);

interface Slot {
  readonly parent: Record<string, unknown> | unknown[];
  readonly key: string | number;
}

/** Every member and list item below `value`, and every object that could take a new member. */
function walk(value: unknown, slots: Slot[], objects: Array<Record<string, unknown>>): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      slots.push({ parent: value, key: i });
      walk(item, slots, objects);
    });
  } else if (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const record = value as Record<string, unknown>;
    objects.push(record);
    for (const key of Object.keys(record)) {
      slots.push({ parent: record, key });
      walk(record[key], slots, objects);
    }
  }
}

function damage(input: Input, mutations: readonly Mutation[]): Input {
  const copy = structuredClone(input);
  for (const m of mutations) {
    const slots: Slot[] = [];
    const objects: Array<Record<string, unknown>> = [];
    walk(copy, slots, objects);
    if (m.kind === 'unknown-member') {
      const target = objects[m.at % objects.length]!;
      // An own property even for `__proto__`, as JSON.parse would make it.
      Object.defineProperty(target, m.key, {
        value: m.value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
      continue;
    }
    if (slots.length === 0) continue;
    const slot = slots[m.at % slots.length]!;
    if (m.kind === 'wrong-type') (slot.parent as Record<string | number, unknown>)[slot.key] = m.value;
    else if (Array.isArray(slot.parent)) slot.parent.splice(slot.key as number, 1);
    else delete slot.parent[slot.key as string];
  }
  return copy;
}

/** An input for `operation`: well-typed, damaged in up to three places, or not an object at all. */
export function fuzzedInput(operation: string): fc.Arbitrary<unknown> {
  const base = WELL_TYPED[operation];
  if (base === undefined) throw new Error(`no input shape for ${operation}`);
  return fc.oneof(
    { weight: 3, arbitrary: base },
    {
      weight: 6,
      arbitrary: fc
        .tuple(base, fc.array(mutation, { minLength: 1, maxLength: 3 }))
        .map(([input, mutations]) => damage(input, mutations)),
    },
    { weight: 1, arbitrary: wrongValue },
  );
}
