// One account's EC2 world in one region: the maps of records, id and sequence generation, and the
// default network every new account starts with (a default VPC, a default subnet per availability
// zone, the default security group). Lifecycle rules live in lifecycle.ts; actions change records.

import { randomBytes } from 'node:crypto';
import type { XmlObject } from '../protocol/xml.js';
import { publicAddress } from './addresses.js';
import type { ResolvedDelays } from './delays.js';
import type {
  ImageRecord,
  InstanceRecord,
  KeyPairRecord,
  ReservationRecord,
  SecurityGroupRecord,
  SubnetRecord,
  VolumeRecord,
  VpcRecord,
} from './records.js';
import { regionShortCode, type ZoneInfo, zonesOf } from './regions.js';
import { TagStore } from './tags.js';

/** Makes a resource id from its prefix (`i` -> `i-0123456789abcdef0`). */
export type IdSource = (prefix: string) => string;

export const randomIds: IdSource = (prefix) => `${prefix}-${randomBytes(9).toString('hex').slice(0, 17)}`;

export interface IdempotencyRecord {
  readonly fingerprint: string;
  readonly replay: () => XmlObject;
}

export interface StoreOptions {
  readonly accountId: string;
  readonly region: string;
  readonly delays: ResolvedDelays;
  /** Images every account sees (public) or owns (private ones with its id). */
  readonly images: readonly ImageRecord[];
  readonly ids?: IdSource;
}

export const DEFAULT_VPC_CIDR = '172.31.0.0/16';

export class Ec2State {
  readonly accountId: string;
  readonly region: string;
  readonly delays: ResolvedDelays;
  readonly zones: readonly ZoneInfo[];
  readonly instances = new Map<string, InstanceRecord>();
  readonly reservations = new Map<string, ReservationRecord>();
  readonly images = new Map<string, ImageRecord>();
  /** By key name (EC2's primary handle for key pairs). */
  readonly keyPairs = new Map<string, KeyPairRecord>();
  readonly securityGroups = new Map<string, SecurityGroupRecord>();
  readonly vpcs = new Map<string, VpcRecord>();
  readonly subnets = new Map<string, SubnetRecord>();
  readonly volumes = new Map<string, VolumeRecord>();
  readonly tags = new TagStore();
  /** `Action:ClientToken` -> what the first call did. */
  readonly idempotency = new Map<string, IdempotencyRecord>();
  readonly defaultVpcId: string;
  readonly #ids: IdSource;
  #seq = 0;
  #publicAddresses = 0;

  constructor(options: StoreOptions) {
    this.accountId = options.accountId;
    this.region = options.region;
    this.delays = options.delays;
    this.#ids = options.ids ?? randomIds;
    this.zones = zonesOf(options.region);
    for (const image of options.images) {
      if (image.isPublic || image.ownerId === options.accountId) this.images.set(image.id, image);
    }
    this.defaultVpcId = this.#createDefaultNetwork();
  }

  newId(prefix: string): string {
    return this.#ids(prefix);
  }

  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  allocatePublicIp(): string {
    return publicAddress(this.#publicAddresses++);
  }

  zone(name: string): ZoneInfo | undefined {
    return this.zones.find((z) => z.zoneName === name);
  }

  defaultSubnetFor(zoneName: string): SubnetRecord | undefined {
    for (const subnet of this.subnets.values()) {
      if (subnet.vpcId === this.defaultVpcId && subnet.availabilityZone === zoneName && subnet.defaultForAz) {
        return subnet;
      }
    }
    return undefined;
  }

  securityGroupByName(vpcId: string, name: string): SecurityGroupRecord | undefined {
    for (const group of this.securityGroups.values())
      if (group.vpcId === vpcId && group.name === name) return group;
    return undefined;
  }

  #createDefaultNetwork(): string {
    const vpcId = this.newId('vpc');
    this.vpcs.set(vpcId, {
      id: vpcId,
      seq: this.nextSeq(),
      cidrBlock: DEFAULT_VPC_CIDR,
      isDefault: true,
      dhcpOptionsId: this.newId('dopt'),
      cidrAssociationId: this.newId('vpc-cidr-assoc'),
    });
    const code = regionShortCode(this.region);
    this.zones.forEach((zone, i) => {
      const id = this.newId('subnet');
      this.subnets.set(id, {
        id,
        seq: this.nextSeq(),
        vpcId,
        cidrBlock: `172.31.${i * 16}.0/20`,
        availabilityZone: zone.zoneName,
        availabilityZoneId: zone.zoneId || `${code}-az${i + 1}`,
        defaultForAz: true,
        mapPublicIpOnLaunch: true,
        allocated: 0,
      });
    });
    const groupId = this.newId('sg');
    this.securityGroups.set(groupId, {
      id: groupId,
      seq: this.nextSeq(),
      name: 'default',
      description: 'default VPC security group',
      vpcId,
      ownerId: this.accountId,
      rules: [
        {
          id: this.newId('sgr'),
          isEgress: false,
          protocol: '-1',
          fromPort: undefined,
          toPort: undefined,
          referencedGroupId: groupId,
          description: undefined,
        },
        {
          id: this.newId('sgr'),
          isEgress: true,
          protocol: '-1',
          fromPort: undefined,
          toPort: undefined,
          cidrIpv4: '0.0.0.0/0',
          description: undefined,
        },
      ],
    });
    return vpcId;
  }
}
