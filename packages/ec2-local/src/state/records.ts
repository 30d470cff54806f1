// The in-memory records behind every resource ec2-local keeps. Plain data: the store owns them,
// actions read and change them, views render them. Every record has `seq`, its creation order,
// which paging uses as a stable cursor.

export type InstanceStateName =
  | 'pending'
  | 'running'
  | 'shutting-down'
  | 'terminated'
  | 'stopping'
  | 'stopped';

/** A change that happens by itself later (`at` is ms since the epoch; Infinity waits for `advance()`). */
export interface ScheduledChange<S extends string> {
  readonly to: S | 'gone';
  at: number;
}

export interface BlockDevice {
  readonly deviceName: string;
  readonly volumeId: string;
}

export interface InstanceRecord {
  readonly id: string;
  readonly seq: number;
  readonly reservationId: string;
  readonly imageId: string;
  readonly instanceType: string;
  readonly architecture: string;
  readonly platform: string | undefined;
  readonly keyName: string | undefined;
  readonly launchIndex: number;
  launchTime: number;
  readonly availabilityZone: string;
  readonly subnetId: string;
  readonly vpcId: string;
  readonly privateIp: string;
  publicIp: string | undefined;
  readonly mapPublicIp: boolean;
  readonly securityGroupIds: readonly string[];
  readonly rootDeviceName: string;
  readonly rootDeviceType: 'ebs';
  readonly virtualizationType: string;
  readonly tenancy: string;
  readonly monitoring: 'enabled' | 'disabled';
  readonly ebsOptimized: boolean;
  readonly clientToken: string | undefined;
  readonly userData: string | undefined;
  state: InstanceStateName;
  /** When the instance last entered `running` (status checks count from here). */
  runningSince: number | undefined;
  stateTransitionReason: string;
  stateReason: { readonly code: string; readonly message: string } | undefined;
  next: ScheduledChange<InstanceStateName> | undefined;
}

export interface ReservationRecord {
  readonly id: string;
  readonly seq: number;
  readonly ownerId: string;
  readonly instanceIds: readonly string[];
}

export type VolumeStateName = 'creating' | 'available' | 'in-use' | 'deleting';
export type AttachmentStateName = 'attaching' | 'attached' | 'detaching';

export interface VolumeAttachmentRecord {
  readonly instanceId: string;
  readonly device: string;
  readonly attachTime: number;
  state: AttachmentStateName;
  deleteOnTermination: boolean;
  next: ScheduledChange<AttachmentStateName | 'detached'> | undefined;
}

export interface VolumeRecord {
  readonly id: string;
  readonly seq: number;
  readonly size: number;
  readonly volumeType: string;
  readonly iops: number | undefined;
  readonly throughput: number | undefined;
  readonly snapshotId: string;
  readonly availabilityZone: string;
  readonly encrypted: boolean;
  readonly createTime: number;
  readonly multiAttachEnabled: boolean;
  state: VolumeStateName;
  next: ScheduledChange<VolumeStateName> | undefined;
  attachment: VolumeAttachmentRecord | undefined;
}

export interface ImageRecord {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly description: string;
  readonly ownerId: string;
  readonly ownerAlias: string | undefined;
  readonly architecture: 'x86_64' | 'arm64' | 'i386';
  readonly platform: 'windows' | undefined;
  readonly platformDetails: string;
  readonly usageOperation: string;
  readonly rootDeviceName: string;
  readonly rootSnapshotId: string;
  readonly rootVolumeSize: number;
  readonly rootVolumeType: string;
  readonly virtualizationType: 'hvm' | 'paravirtual';
  readonly enaSupport: boolean;
  readonly bootMode: string | undefined;
  readonly isPublic: boolean;
  readonly creationDate: string;
  readonly imageLocation: string;
  readonly state: 'available';
}

export interface KeyPairRecord {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly keyType: 'rsa' | 'ed25519';
  readonly fingerprint: string;
  /** OpenSSH public key line (`ssh-rsa AAAA... name`). */
  readonly publicKey: string;
  readonly createTime: number;
}

export interface RuleRecord {
  readonly id: string;
  readonly isEgress: boolean;
  /** `-1`, `tcp`, `udp`, `icmp`, `icmpv6` or a protocol number. */
  readonly protocol: string;
  readonly fromPort: number | undefined;
  readonly toPort: number | undefined;
  readonly cidrIpv4?: string | undefined;
  readonly cidrIpv6?: string | undefined;
  readonly referencedGroupId?: string | undefined;
  readonly prefixListId?: string | undefined;
  readonly description: string | undefined;
}

export interface SecurityGroupRecord {
  readonly id: string;
  readonly seq: number;
  readonly name: string;
  readonly description: string;
  readonly vpcId: string;
  readonly ownerId: string;
  readonly rules: RuleRecord[];
}

export interface VpcRecord {
  readonly id: string;
  readonly seq: number;
  readonly cidrBlock: string;
  readonly isDefault: boolean;
  readonly dhcpOptionsId: string;
  readonly cidrAssociationId: string;
}

export interface SubnetRecord {
  readonly id: string;
  readonly seq: number;
  readonly vpcId: string;
  readonly cidrBlock: string;
  readonly availabilityZone: string;
  readonly availabilityZoneId: string;
  readonly defaultForAz: boolean;
  readonly mapPublicIpOnLaunch: boolean;
  /** Host addresses handed out so far (the first four of a subnet are reserved, as in AWS). */
  allocated: number;
}
