// RunInstances: validates the launch the way EC2 does (image, type and architecture, key, subnet or
// zone, security groups, block devices, counts), then creates one reservation with MinCount..MaxCount
// instances, their root volumes and tags. ClientToken makes a repeat return the same reservation.

import {
  Ec2Error,
  invalidParameterCombination,
  invalidParameterValue,
  missingParameter,
  notFound,
} from '../protocol/errors.js';
import type { Params } from '../protocol/params.js';
import { subnetHost } from '../state/addresses.js';
import { IMAGE_ID } from '../state/images.js';
import { architectureOf, DEFAULT_INSTANCE_TYPE } from '../state/instance-types.js';
import { beginPending } from '../state/lifecycle.js';
import type {
  ImageRecord,
  InstanceRecord,
  SecurityGroupRecord,
  SubnetRecord,
  VolumeRecord,
} from '../state/records.js';
import type { Tag } from '../state/tags.js';
import { type ActionContext, defineAction, ID_PATTERNS, readTagSpecifications } from './context.js';
import { reservationXml } from './instance-view.js';
import { checkVolumeSize, VOLUME_TYPES, volumeIops, volumeThroughput } from './volume-rules.js';

/** Live (not terminated) instances one account may have at once. */
export const INSTANCE_LIMIT = 1000;

interface DeviceSpec {
  readonly device: string;
  readonly size: number;
  readonly volumeType: string;
  readonly iops: number | undefined;
  readonly snapshotId: string;
  readonly deleteOnTermination: boolean;
  readonly encrypted: boolean;
}

interface LaunchPlan {
  readonly image: ImageRecord;
  readonly instanceType: string;
  readonly architecture: string;
  readonly keyName: string | undefined;
  readonly subnet: SubnetRecord;
  readonly groups: readonly SecurityGroupRecord[];
  readonly count: number;
  readonly devices: readonly DeviceSpec[];
  readonly mapPublicIp: boolean;
  readonly tenancy: string;
  readonly monitoring: 'enabled' | 'disabled';
  readonly ebsOptimized: boolean;
  readonly userData: string | undefined;
  readonly clientToken: string | undefined;
  readonly instanceTags: readonly Tag[];
  readonly volumeTags: readonly Tag[];
}

function resolveImage(context: ActionContext): ImageRecord {
  const imageId = context.params.string('ImageId');
  if (context.params.has('LaunchTemplate')) {
    throw new Ec2Error(
      'UnsupportedOperation',
      'ec2-local does not support launch templates; pass ImageId and the other parameters directly.',
    );
  }
  if (imageId === undefined || imageId === '') throw missingParameter('ImageId');
  if (!IMAGE_ID.test(imageId))
    throw new Ec2Error('InvalidAMIID.Malformed', `Invalid id: "${imageId}" (expecting "ami-...")`);
  const image = context.state.images.get(imageId);
  if (!image) throw new Ec2Error('InvalidAMIID.NotFound', `The image id '[${imageId}]' does not exist`);
  return image;
}

function resolveInstanceType(
  params: Params,
  image: ImageRecord,
): { instanceType: string; architecture: string } {
  const instanceType = params.string('InstanceType') ?? DEFAULT_INSTANCE_TYPE;
  const architecture = architectureOf(instanceType);
  if (!architecture) throw invalidParameterValue(`Invalid value '${instanceType}' for InstanceType.`);
  if (architecture !== image.architecture) {
    throw invalidParameterValue(
      `The architecture '${architecture}' of the specified instance type does not match the architecture '${image.architecture}' of the specified AMI. Specify an instance type and an AMI that have matching architectures, and try again.`,
    );
  }
  return { instanceType, architecture };
}

/** Subnet and security-group inputs, from the top level or from NetworkInterface.1 (device 0). */
function networkInputs(params: Params): {
  subnetId: string | undefined;
  groupIds: string[];
  associatePublicIp: boolean | undefined;
} {
  const interfaces = params.structs('NetworkInterface');
  if (interfaces.length === 0) {
    return {
      subnetId: params.string('SubnetId'),
      groupIds: params.list('SecurityGroupId'),
      associatePublicIp: undefined,
    };
  }
  if (interfaces.length > 1) {
    throw new Ec2Error(
      'UnsupportedOperation',
      'ec2-local supports one network interface (DeviceIndex 0) per instance.',
    );
  }
  const nic = interfaces[0]!;
  if (params.has('SubnetId') || params.has('SecurityGroupId')) {
    throw invalidParameterCombination(
      'Network interfaces and an instance-level subnet ID or security groups may not be specified on the same request',
    );
  }
  if (nic.has('NetworkInterfaceId')) {
    throw new Ec2Error(
      'UnsupportedOperation',
      'ec2-local cannot attach existing network interfaces; give SubnetId instead.',
    );
  }
  return {
    subnetId: nic.string('SubnetId'),
    groupIds: nic.list('SecurityGroupId'),
    associatePublicIp: nic.boolean('AssociatePublicIpAddress'),
  };
}

function resolveSubnet(context: ActionContext, subnetId: string | undefined): SubnetRecord {
  const { state, params } = context;
  const zoneName = params.string('Placement.AvailabilityZone');
  if (zoneName !== undefined && !state.zone(zoneName)) {
    throw invalidParameterValue(`Invalid availability zone: [${zoneName}]`);
  }
  if (subnetId !== undefined) {
    const subnet = state.subnets.get(subnetId);
    if (!subnet) throw new Ec2Error('InvalidSubnetID.NotFound', `The subnet ID '${subnetId}' does not exist`);
    if (zoneName !== undefined && zoneName !== subnet.availabilityZone) {
      throw invalidParameterValue(
        `The subnet '${subnetId}' is in ${subnet.availabilityZone}, not in the requested availability zone ${zoneName}.`,
      );
    }
    return subnet;
  }
  const subnet = state.defaultSubnetFor(zoneName ?? state.zones[0]!.zoneName);
  if (!subnet) throw new Ec2Error('MissingInput', 'No default subnet for availability zone; pass SubnetId.');
  return subnet;
}

function resolveGroups(
  context: ActionContext,
  groupIds: readonly string[],
  subnet: SubnetRecord,
): SecurityGroupRecord[] {
  const { state, params } = context;
  const names = params.list('SecurityGroup');
  const groups: SecurityGroupRecord[] = [];
  const missing: string[] = [];
  for (const id of groupIds) {
    const group = state.securityGroups.get(id);
    if (!group || group.vpcId !== subnet.vpcId) missing.push(id);
    else groups.push(group);
  }
  if (missing.length > 0) throw notFound('InvalidGroup.NotFound', 'security group', missing);
  for (const name of names) {
    const group = state.securityGroupByName(subnet.vpcId, name);
    if (!group) {
      throw new Ec2Error(
        'InvalidGroup.NotFound',
        `The security group '${name}' does not exist in VPC '${subnet.vpcId}'`,
      );
    }
    groups.push(group);
  }
  if (groups.length === 0) {
    const fallback = state.securityGroupByName(subnet.vpcId, 'default');
    if (fallback) groups.push(fallback);
  }
  return [...new Map(groups.map((g) => [g.id, g])).values()];
}

function resolveDevices(params: Params, image: ImageRecord): DeviceSpec[] {
  const devices = new Map<string, DeviceSpec>();
  devices.set(image.rootDeviceName, {
    device: image.rootDeviceName,
    size: image.rootVolumeSize,
    volumeType: image.rootVolumeType,
    iops: undefined,
    snapshotId: image.rootSnapshotId,
    deleteOnTermination: true,
    encrypted: false,
  });
  for (const mapping of params.structs('BlockDeviceMapping')) {
    const device = mapping.requiredString('DeviceName');
    if (mapping.has('NoDevice')) {
      if (device === image.rootDeviceName)
        throw invalidParameterValue('The root device cannot be suppressed with NoDevice.');
      devices.delete(device);
      continue;
    }
    const ebs = mapping.struct('Ebs');
    if (!ebs) continue; // instance-store (VirtualName) mappings have no EBS volume
    const base = devices.get(device);
    const volumeType = ebs.oneOf('VolumeType', VOLUME_TYPES) ?? base?.volumeType ?? 'gp2';
    const size = ebs.integer('VolumeSize') ?? base?.size;
    if (size === undefined) throw missingParameter(`${mapping.path('Ebs.VolumeSize')}`);
    if (base && size < base.size) {
      throw new Ec2Error(
        'InvalidBlockDeviceMapping',
        `Volume of size ${size}GB is smaller than snapshot '${base.snapshotId}', expect size >= ${base.size}GB`,
      );
    }
    checkVolumeSize(volumeType, size);
    devices.set(device, {
      device,
      size,
      volumeType,
      iops: ebs.integer('Iops'),
      snapshotId: base?.snapshotId ?? ebs.string('SnapshotId') ?? '',
      deleteOnTermination: ebs.boolean('DeleteOnTermination') ?? base?.deleteOnTermination ?? true,
      encrypted: ebs.boolean('Encrypted') ?? false,
    });
  }
  return [...devices.values()];
}

function resolveCount(context: ActionContext): number {
  const { params, state } = context;
  const min = params.requiredInteger('MinCount');
  const max = params.requiredInteger('MaxCount');
  if (min < 1)
    throw invalidParameterValue(
      `Value (${min}) for parameter minCount is invalid. Expected a positive integer.`,
    );
  if (max < 1)
    throw invalidParameterValue(
      `Value (${max}) for parameter maxCount is invalid. Expected a positive integer.`,
    );
  if (min > max)
    throw invalidParameterValue(`MinCount (${min}) must be less than or equal to MaxCount (${max}).`);
  let live = 0;
  for (const instance of state.instances.values()) if (instance.state !== 'terminated') live++;
  const room = INSTANCE_LIMIT - live;
  if (room < min) {
    throw new Ec2Error(
      'InstanceLimitExceeded',
      `You have requested more instances (${min}) than your current instance limit of ${INSTANCE_LIMIT} allows (${live} are running or stopped).`,
    );
  }
  return Math.min(max, room);
}

function prepare(context: ActionContext): LaunchPlan {
  const { params } = context;
  const image = resolveImage(context);
  const { instanceType, architecture } = resolveInstanceType(params, image);
  const count = resolveCount(context);
  const keyName = params.string('KeyName');
  if (keyName !== undefined && !context.state.keyPairs.has(keyName)) {
    throw new Ec2Error('InvalidKeyPair.NotFound', `The key pair '${keyName}' does not exist`);
  }
  const network = networkInputs(params);
  for (const id of network.groupIds) {
    if (!ID_PATTERNS.securityGroup.test(id))
      throw new Ec2Error('InvalidGroupId.Malformed', `Invalid id: "${id}"`);
  }
  const subnet = resolveSubnet(context, network.subnetId);
  const groups = resolveGroups(context, network.groupIds, subnet);
  const tags = readTagSpecifications(params, ['instance', 'volume'], ['network-interface']);
  const tenancy = params.oneOf('Placement.Tenancy', ['default', 'dedicated', 'host']) ?? 'default';
  return {
    image,
    instanceType,
    architecture,
    keyName,
    subnet,
    groups,
    count,
    devices: resolveDevices(params, image),
    mapPublicIp: network.associatePublicIp ?? subnet.mapPublicIpOnLaunch,
    tenancy,
    monitoring: params.boolean('Monitoring.Enabled') ? 'enabled' : 'disabled',
    ebsOptimized: params.boolean('EbsOptimized') ?? false,
    userData: params.string('UserData'),
    clientToken: params.string('ClientToken'),
    instanceTags: tags.get('instance') ?? [],
    volumeTags: tags.get('volume') ?? [],
  };
}

function createVolumes(context: ActionContext, plan: LaunchPlan, instance: InstanceRecord): void {
  const { state, now } = context;
  for (const device of plan.devices) {
    const volume: VolumeRecord = {
      id: state.newId('vol'),
      seq: state.nextSeq(),
      size: device.size,
      volumeType: device.volumeType,
      iops: device.iops ?? volumeIops(device.volumeType, device.size),
      throughput: volumeThroughput(device.volumeType),
      snapshotId: device.snapshotId,
      availabilityZone: instance.availabilityZone,
      encrypted: device.encrypted,
      createTime: now,
      multiAttachEnabled: false,
      state: 'in-use',
      next: undefined,
      attachment: {
        instanceId: instance.id,
        device: device.device,
        attachTime: now,
        state: 'attached',
        deleteOnTermination: device.deleteOnTermination,
        next: undefined,
      },
    };
    state.volumes.set(volume.id, volume);
    state.tags.set(volume.id, plan.volumeTags);
  }
}

function run(context: ActionContext, plan: LaunchPlan) {
  const { state, now } = context;
  const reservationId = state.newId('r');
  const instances: InstanceRecord[] = [];
  for (let launchIndex = 0; launchIndex < plan.count; launchIndex++) {
    const instance: InstanceRecord = {
      id: state.newId('i'),
      seq: state.nextSeq(),
      reservationId,
      imageId: plan.image.id,
      instanceType: plan.instanceType,
      architecture: plan.architecture,
      platform: plan.image.platform,
      keyName: plan.keyName,
      launchIndex,
      launchTime: now,
      availabilityZone: plan.subnet.availabilityZone,
      subnetId: plan.subnet.id,
      vpcId: plan.subnet.vpcId,
      privateIp: subnetHost(plan.subnet.cidrBlock, plan.subnet.allocated++),
      publicIp: undefined,
      mapPublicIp: plan.mapPublicIp,
      securityGroupIds: plan.groups.map((g) => g.id),
      rootDeviceName: plan.image.rootDeviceName,
      rootDeviceType: 'ebs',
      virtualizationType: plan.image.virtualizationType,
      tenancy: plan.tenancy,
      monitoring: plan.monitoring,
      ebsOptimized: plan.ebsOptimized,
      clientToken: plan.clientToken,
      userData: plan.userData,
      state: 'pending',
      runningSince: undefined,
      stateTransitionReason: '',
      stateReason: undefined,
      next: undefined,
    };
    beginPending(state, instance, now);
    state.instances.set(instance.id, instance);
    state.tags.set(instance.id, plan.instanceTags);
    createVolumes(context, plan, instance);
    instances.push(instance);
  }
  const reservation = {
    id: reservationId,
    seq: state.nextSeq(),
    ownerId: state.accountId,
    instanceIds: instances.map((i) => i.id),
  };
  state.reservations.set(reservationId, reservation);
  const body = reservationXml(state, reservation, instances);
  // A repeat with the same token describes the same reservation as it is now.
  context.remember(() =>
    reservationXml(
      state,
      reservation,
      instances.map((i) => state.instances.get(i.id) ?? i),
    ),
  );
  return body;
}

export const runInstances = defineAction({ prepare, run, idempotent: true });
