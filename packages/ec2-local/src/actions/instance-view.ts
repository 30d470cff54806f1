// How instances and reservations look on the wire (element names from the EC2 model's Instance and
// Reservation shapes), and which DescribeInstances filters read which field.

import type { XmlObject } from '../protocol/xml.js';
import type { FilterTable } from '../query/filters.js';
import { STATE_CODES } from '../state/lifecycle.js';
import type { InstanceRecord, ReservationRecord, VolumeRecord } from '../state/records.js';
import { privateDnsSuffix, publicDnsSuffix } from '../state/regions.js';
import type { Ec2State } from '../state/store.js';

export function stateXml(name: InstanceRecord['state']): XmlObject {
  return { code: STATE_CODES[name], name };
}

function dashed(ip: string): string {
  return ip.replace(/\./g, '-');
}

export function privateDnsName(state: Ec2State, instance: InstanceRecord): string {
  return `ip-${dashed(instance.privateIp)}.${privateDnsSuffix(state.region)}`;
}

export function publicDnsName(state: Ec2State, instance: InstanceRecord): string {
  return instance.publicIp ? `ec2-${dashed(instance.publicIp)}.${publicDnsSuffix(state.region)}` : '';
}

function groupsOf(state: Ec2State, instance: InstanceRecord): XmlObject[] {
  return instance.securityGroupIds.map((groupId) => ({
    groupId,
    groupName: state.securityGroups.get(groupId)?.name ?? '',
  }));
}

/** Attached volumes per instance id, built once per response rather than once per instance. */
export function volumesByInstance(state: Ec2State): Map<string, VolumeRecord[]> {
  const index = new Map<string, VolumeRecord[]>();
  for (const volume of state.volumes.values()) {
    const id = volume.attachment?.instanceId;
    if (id === undefined) continue;
    const list = index.get(id);
    if (list) list.push(volume);
    else index.set(id, [volume]);
  }
  return index;
}

/** Block devices from the live volume attachments (root first, then by device name). */
function blockDevicesOf(instance: InstanceRecord, volumes: readonly VolumeRecord[]): XmlObject[] {
  const rank = (device: string) => (device === instance.rootDeviceName ? '' : device);
  return [...volumes]
    .sort((a, b) => (rank(a.attachment!.device) < rank(b.attachment!.device) ? -1 : 1))
    .map((volume) => {
      const attachment = volume.attachment!;
      return {
        deviceName: attachment.device,
        ebs: {
          volumeId: volume.id,
          status: attachment.state,
          attachTime: new Date(attachment.attachTime),
          deleteOnTermination: attachment.deleteOnTermination,
        },
      };
    });
}

export function instanceXml(
  state: Ec2State,
  instance: InstanceRecord,
  volumes: ReadonlyMap<string, readonly VolumeRecord[]> = volumesByInstance(state),
): XmlObject {
  const gone = instance.state === 'terminated';
  return {
    instanceId: instance.id,
    imageId: instance.imageId,
    instanceState: stateXml(instance.state),
    privateDnsName: gone ? '' : privateDnsName(state, instance),
    dnsName: publicDnsName(state, instance),
    reason: instance.stateTransitionReason,
    keyName: instance.keyName,
    amiLaunchIndex: instance.launchIndex,
    productCodes: [],
    instanceType: instance.instanceType,
    launchTime: new Date(instance.launchTime),
    placement: {
      availabilityZone: instance.availabilityZone,
      groupName: '',
      tenancy: instance.tenancy,
    },
    platform: instance.platform,
    monitoring: { state: instance.monitoring },
    subnetId: gone ? undefined : instance.subnetId,
    vpcId: gone ? undefined : instance.vpcId,
    privateIpAddress: gone ? undefined : instance.privateIp,
    ipAddress: instance.publicIp,
    sourceDestCheck: gone ? undefined : true,
    groupSet: gone ? [] : groupsOf(state, instance),
    stateReason: instance.stateReason,
    architecture: instance.architecture,
    rootDeviceType: instance.rootDeviceType,
    rootDeviceName: instance.rootDeviceName,
    blockDeviceMapping: blockDevicesOf(instance, volumes.get(instance.id) ?? []),
    virtualizationType: instance.virtualizationType,
    clientToken: instance.clientToken ?? '',
    tagSet: state.tags.list(instance.id),
    hypervisor: 'xen',
    ebsOptimized: instance.ebsOptimized,
    enaSupport: true,
    hibernationOptions: { configured: false },
    metadataOptions: {
      state: 'applied',
      httpTokens: 'required',
      httpPutResponseHopLimit: 2,
      httpEndpoint: 'enabled',
      httpProtocolIpv6: 'disabled',
      instanceMetadataTags: 'disabled',
    },
    enclaveOptions: { enabled: false },
    platformDetails: instance.platform === 'windows' ? 'Windows' : 'Linux/UNIX',
    usageOperation: instance.platform === 'windows' ? 'RunInstances:0002' : 'RunInstances',
    usageOperationUpdateTime: new Date(instance.launchTime),
    privateDnsNameOptions: gone
      ? undefined
      : {
          hostnameType: 'ip-name',
          enableResourceNameDnsARecord: false,
          enableResourceNameDnsAAAARecord: false,
        },
    maintenanceOptions: { autoRecovery: 'default' },
  };
}

/** A reservation with the given instances (a page may show only some of them). */
export function reservationXml(
  state: Ec2State,
  reservation: Pick<ReservationRecord, 'id' | 'ownerId'>,
  instances: readonly InstanceRecord[],
  volumes: ReadonlyMap<string, readonly VolumeRecord[]> = volumesByInstance(state),
): XmlObject {
  return {
    reservationId: reservation.id,
    ownerId: reservation.ownerId,
    groupSet: [],
    instancesSet: instances.map((instance) => instanceXml(state, instance, volumes)),
  };
}

export function instanceFilters(state: Ec2State): FilterTable<InstanceRecord> {
  const groups = (i: InstanceRecord) => i.securityGroupIds;
  const groupNames = (i: InstanceRecord) =>
    i.securityGroupIds.map((id) => state.securityGroups.get(id)?.name);
  let index: Map<string, VolumeRecord[]> | undefined;
  const volumes = (i: InstanceRecord) => {
    index ??= volumesByInstance(state);
    return index.get(i.id) ?? [];
  };
  return {
    'instance-id': (i) => i.id,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => STATE_CODES[i.state],
    'instance-type': (i) => i.instanceType,
    'image-id': (i) => i.imageId,
    'vpc-id': (i) => (i.state === 'terminated' ? undefined : i.vpcId),
    'subnet-id': (i) => (i.state === 'terminated' ? undefined : i.subnetId),
    'availability-zone': (i) => i.availabilityZone,
    'key-name': (i) => i.keyName,
    'reservation-id': (i) => i.reservationId,
    'owner-id': () => state.accountId,
    'private-ip-address': (i) => (i.state === 'terminated' ? undefined : i.privateIp),
    'ip-address': (i) => i.publicIp,
    'private-dns-name': (i) => (i.state === 'terminated' ? undefined : privateDnsName(state, i)),
    'dns-name': (i) => publicDnsName(state, i) || undefined,
    architecture: (i) => i.architecture,
    'launch-time': (i) => new Date(i.launchTime).toISOString(),
    'ami-launch-index': (i) => i.launchIndex,
    'launch-index': (i) => i.launchIndex,
    'client-token': (i) => i.clientToken,
    'instance.group-id': groups,
    'instance.group-name': groupNames,
    'group-id': groups,
    'group-name': groupNames,
    'root-device-type': (i) => i.rootDeviceType,
    'root-device-name': (i) => i.rootDeviceName,
    platform: (i) => i.platform,
    'monitoring-state': (i) => i.monitoring,
    tenancy: (i) => i.tenancy,
    hypervisor: () => 'xen',
    'virtualization-type': (i) => i.virtualizationType,
    'state-reason-code': (i) => i.stateReason?.code,
    'block-device-mapping.volume-id': (i) => volumes(i).map((v) => v.id),
    'block-device-mapping.device-name': (i) => volumes(i).map((v) => v.attachment?.device),
    'block-device-mapping.status': (i) => volumes(i).map((v) => v.attachment?.state),
  };
}
