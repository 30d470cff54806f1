// Deterministic EC2 response bodies for the benchmark server: DescribeInstances with N instances
// (about 9.5 kB of XML per instance, with the fields a real account returns: state, placement,
// network interfaces with address sets, block devices, tags, cpu options), RunInstances,
// TerminateInstances and the EC2 error document. Element names are the EC2 model's locationNames.

import { items, type XmlNode, xmlDocument } from './xml-writer.js';

export const EC2_NAMESPACE = 'http://ec2.amazonaws.com/doc/2016-11-15/';
const OWNER_ID = '123456789012';
const REGION = 'us-east-1';
const ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'] as const;
const ZONE_IDS = ['use1-az1', 'use1-az2', 'use1-az4', 'use1-az6'] as const;
const TYPES = ['t3.micro', 'm6i.large', 'c7g.xlarge', 'r6i.2xlarge', 'm5.large'] as const;
const STATES = [
  [16, 'running'],
  [16, 'running'],
  [16, 'running'],
  [80, 'stopped'],
] as const;
/** Instances per reservation, as when RunInstances launched several at once. */
const INSTANCES_PER_RESERVATION = 4;

/** A 17-hex-digit resource id (`i-0a1b...`), the same for the same kind and index. */
export function resourceId(prefix: string, kind: number, index: number): string {
  let x = (Math.imul(index + 1, 0x9e3779b1) ^ Math.imul(kind + 7, 0x85ebca6b)) >>> 0;
  let hex = '';
  for (let i = 0; i < 3; i++) {
    x = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) >>> 0;
    hex += x.toString(16).padStart(8, '0');
  }
  return `${prefix}-0${hex.slice(0, 16)}`;
}

function ipv4(index: number, offset: number): string {
  const n = index * 4 + offset;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

function publicIpv4(index: number, offset: number): string {
  const n = index * 2 + offset;
  return `54.${160 + ((n >> 16) & 63)}.${(n >> 8) & 255}.${n & 255 || 1}`;
}

function ipv6(index: number, offset: number): string {
  return `2600:1f18:${(index & 0xffff).toString(16)}:${offset.toString(16)}::${(index * 7 + offset).toString(16)}`;
}

function mac(index: number, offset: number): string {
  const n = index * 4 + offset;
  return `0e:${[n >> 16, n >> 8, n, offset * 17, 0x3c].map((b) => (b & 255).toString(16).padStart(2, '0')).join(':')}`;
}

function timestamp(index: number, minutes: number): string {
  return new Date(Date.UTC(2024, 0, 1) + index * 3_600_000 + minutes * 60_000).toISOString();
}

function dnsName(ip: string, publicName: boolean): string {
  const dashed = ip.replaceAll('.', '-');
  return publicName ? `ec2-${dashed}.compute-1.amazonaws.com` : `ip-${dashed}.ec2.internal`;
}

function groups(index: number): XmlNode[] {
  return items([0, 1], (g) => [
    ['groupId', resourceId('sg', 10 + g, index % 50)],
    ['groupName', g === 0 ? 'default' : `app-tier-${index % 50}`],
  ]);
}

function association(ip: string): XmlNode[] {
  return [
    ['publicIp', ip],
    ['publicDnsName', dnsName(ip, true)],
    ['ipOwnerId', 'amazon'],
  ];
}

function networkInterface(index: number, eni: number, vpcId: string, subnetId: string): XmlNode[] {
  const privateIps = [0, 1].map((k) => ipv4(index, eni * 2 + k));
  const publicIp = publicIpv4(index, eni);
  return [
    ['networkInterfaceId', resourceId('eni', 20 + eni, index)],
    ['subnetId', subnetId],
    ['vpcId', vpcId],
    ['description', eni === 0 ? 'Primary network interface' : `secondary interface ${index}`],
    ['ownerId', OWNER_ID],
    ['status', 'in-use'],
    ['macAddress', mac(index, eni)],
    ['privateIpAddress', privateIps[0]],
    ['privateDnsName', dnsName(privateIps[0]!, false)],
    ['sourceDestCheck', true],
    ['groupSet', groups(index)],
    [
      'attachment',
      [
        ['attachmentId', resourceId('eni-attach', 30 + eni, index)],
        ['deviceIndex', eni],
        ['status', 'attached'],
        ['attachTime', timestamp(index, 1)],
        ['deleteOnTermination', eni === 0],
        ['networkCardIndex', 0],
        ['enaQueueCount', 2],
      ],
    ],
    ['association', association(publicIp)],
    [
      'privateIpAddressesSet',
      items(privateIps, (ip, k) => [
        ['privateIpAddress', ip],
        ['privateDnsName', dnsName(ip, false)],
        ['primary', k === 0],
        ['association', k === 0 ? association(publicIp) : undefined],
      ]),
    ],
    [
      'ipv6AddressesSet',
      items([0, 1], (k) => [
        ['ipv6Address', ipv6(index, eni * 2 + k)],
        ['isPrimaryIpv6', k === 0],
      ]),
    ],
    ['interfaceType', 'interface'],
    ['operator', [['managed', false]]],
  ];
}

function blockDevice(index: number, device: number): XmlNode[] {
  return [
    ['deviceName', device === 0 ? '/dev/xvda' : `/dev/sd${String.fromCharCode(102 + device)}`],
    [
      'ebs',
      [
        ['volumeId', resourceId('vol', 40 + device, index)],
        ['status', 'attached'],
        ['attachTime', timestamp(index, 1)],
        ['deleteOnTermination', device === 0],
        ['volumeOwnerId', OWNER_ID],
        ['operator', [['managed', false]]],
      ],
    ],
  ];
}

const TAG_KEYS = ['Name', 'env', 'team', 'service', 'cost-center', 'owner', 'aws:cloudformation:stack-name'];

function tags(index: number): XmlNode[] {
  const values = [
    `web-${index}`,
    ['prod', 'staging', 'dev'][index % 3]!,
    `team-${index % 12}`,
    `svc-${index % 40}`,
    `cc-${1000 + (index % 25)}`,
    `owner${index % 9}@example.com`,
    `stack-${index % 30}`,
  ];
  return items(TAG_KEYS, (key, k) => [
    ['key', key],
    ['value', values[k]],
  ]);
}

/** One `<item>` of an `instancesSet`: an Instance with about 9.5 kB of realistic fields. */
export function instanceNodes(index: number): XmlNode[] {
  const [stateCode, stateName] = STATES[index % STATES.length]!;
  const zone = index % ZONES.length;
  const vpcId = resourceId('vpc', 1, index % 3);
  const subnetId = resourceId('subnet', 2, (index % 3) * 4 + zone);
  const privateIp = ipv4(index, 0);
  const publicIp = stateName === 'running' ? publicIpv4(index, 0) : undefined;
  const instanceType = TYPES[index % TYPES.length]!;
  return [
    ['instanceId', resourceId('i', 0, index)],
    ['imageId', resourceId('ami', 3, index % 20)],
    [
      'instanceState',
      [
        ['code', stateCode],
        ['name', stateName],
      ],
    ],
    ['privateDnsName', dnsName(privateIp, false)],
    ['dnsName', publicIp === undefined ? '' : dnsName(publicIp, true)],
    ['reason', stateName === 'stopped' ? `User initiated (${timestamp(index, 90).slice(0, 19)} GMT)` : ''],
    ['keyName', `deploy-key-${index % 7}`],
    ['amiLaunchIndex', index % INSTANCES_PER_RESERVATION],
    ['productCodes', []],
    ['instanceType', instanceType],
    ['launchTime', timestamp(index, 0)],
    [
      'placement',
      [
        ['availabilityZoneId', ZONE_IDS[zone]],
        ['availabilityZone', ZONES[zone]],
        ['groupName', ''],
        ['tenancy', 'default'],
      ],
    ],
    ['monitoring', [['state', index % 5 === 0 ? 'enabled' : 'disabled']]],
    ['subnetId', subnetId],
    ['vpcId', vpcId],
    ['privateIpAddress', privateIp],
    ['ipAddress', publicIp],
    ['sourceDestCheck', true],
    ['groupSet', groups(index)],
    [
      'stateReason',
      stateName === 'stopped'
        ? [
            ['code', 'Client.UserInitiatedShutdown'],
            ['message', 'Client.UserInitiatedShutdown: User initiated shutdown'],
          ]
        : undefined,
    ],
    ['architecture', instanceType.startsWith('c7g') ? 'arm64' : 'x86_64'],
    ['rootDeviceType', 'ebs'],
    ['rootDeviceName', '/dev/xvda'],
    ['blockDeviceMapping', items(index % 2 === 0 ? [0, 1] : [0, 1, 2], (d) => blockDevice(index, d))],
    ['virtualizationType', 'hvm'],
    ['clientToken', `bench-token-${index}`],
    ['tagSet', tags(index)],
    ['hypervisor', 'xen'],
    [
      'networkInterfaceSet',
      items(index % 10 === 0 ? [0, 1] : [0], (eni) => networkInterface(index, eni, vpcId, subnetId)),
    ],
    [
      'iamInstanceProfile',
      [
        ['arn', `arn:aws:iam::${OWNER_ID}:instance-profile/app-role-${index % 6}`],
        [
          'id',
          `AIPA${resourceId('x', 5, index % 6)
            .slice(3, 19)
            .toUpperCase()}`,
        ],
      ],
    ],
    ['ebsOptimized', index % 2 === 0],
    ['enaSupport', true],
    [
      'cpuOptions',
      [
        ['coreCount', 1 + (index % 4)],
        ['threadsPerCore', 2],
      ],
    ],
    ['capacityReservationSpecification', [['capacityReservationPreference', 'open']]],
    ['hibernationOptions', [['configured', false]]],
    [
      'metadataOptions',
      [
        ['state', 'applied'],
        ['httpTokens', 'required'],
        ['httpPutResponseHopLimit', 2],
        ['httpEndpoint', 'enabled'],
        ['httpProtocolIpv6', 'disabled'],
        ['instanceMetadataTags', 'disabled'],
      ],
    ],
    ['enclaveOptions', [['enabled', false]]],
    ['bootMode', 'uefi-preferred'],
    ['platformDetails', 'Linux/UNIX'],
    ['usageOperation', 'RunInstances'],
    ['usageOperationUpdateTime', timestamp(index, 0)],
    [
      'privateDnsNameOptions',
      [
        ['hostnameType', 'ip-name'],
        ['enableResourceNameDnsARecord', true],
        ['enableResourceNameDnsAAAARecord', false],
      ],
    ],
    ['maintenanceOptions', [['autoRecovery', 'default']]],
    ['currentInstanceBootMode', 'legacy-bios'],
    ['networkPerformanceOptions', [['bandwidthWeighting', 'default']]],
    ['operator', [['managed', false]]],
  ];
}

function requestId(seed: number): string {
  const hex = resourceId('r', 99, seed).slice(3);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(1, 4)}-${hex.slice(4, 16).padEnd(12, '0')}`;
}

function reservationNodes(reservation: number, instances: readonly number[]): XmlNode[] {
  return [
    ['reservationId', resourceId('r', 4, reservation)],
    ['ownerId', OWNER_ID],
    ['groupSet', []],
    ['instancesSet', items(instances, (i) => instanceNodes(i))],
  ];
}

/** DescribeInstances with `count` instances, grouped four to a reservation. */
export function describeInstancesXml(count: number): string {
  const reservations: number[][] = [];
  for (let i = 0; i < count; i++) {
    const r = Math.floor(i / INSTANCES_PER_RESERVATION);
    if (reservations[r] === undefined) reservations[r] = [];
    reservations[r].push(i);
  }
  return xmlDocument('DescribeInstancesResponse', EC2_NAMESPACE, [
    ['requestId', requestId(count)],
    ['reservationSet', items(reservations, (instances, r) => reservationNodes(r, instances))],
  ]);
}

/** RunInstances answering with `count` new instances in one reservation (its output is a Reservation). */
export function runInstancesXml(count: number, seed: number): string {
  const first = 1_000_000 + seed * 16;
  const instances = Array.from({ length: count }, (_, k) => first + k);
  return xmlDocument('RunInstancesResponse', EC2_NAMESPACE, [
    ['requestId', requestId(first)],
    ...reservationNodes(first, instances),
  ]);
}

/** TerminateInstances: each id moves from running to shutting-down. */
export function terminateInstancesXml(instanceIds: readonly string[]): string {
  return xmlDocument('TerminateInstancesResponse', EC2_NAMESPACE, [
    ['requestId', requestId(instanceIds.length + 7)],
    [
      'instancesSet',
      items(instanceIds, (id) => [
        ['instanceId', id],
        [
          'currentState',
          [
            ['code', 32],
            ['name', 'shutting-down'],
          ],
        ],
        [
          'previousState',
          [
            ['code', 16],
            ['name', 'running'],
          ],
        ],
      ]),
    ],
  ]);
}

/** EC2's error document (`<Response><Errors><Error>`), which has no namespace. */
export function errorXml(code: string, message: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    `<Response><Errors><Error><Code>${code}</Code><Message>${message.replace(/[&<>]/g, ' ')}</Message></Error></Errors>` +
    `<RequestID>${requestId(0)}</RequestID></Response>\n`
  );
}

export const BENCH_REGION = REGION;
