// How instances and reservations look on the wire (element names from the EC2 model's Instance and
// Reservation shapes), and which DescribeInstances filters read which field.

import type { XmlObject } from '../protocol/xml.js';
import type { FilterTable } from '../query/filters.js';
import { STATE_CODES } from '../state/lifecycle.js';
import type { InstanceRecord, ReservationRecord } from '../state/records.js';
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

/** Block devices from the live volume attachments (root first, then by device name). */
function blockDevicesOf(state: Ec2State, instance: InstanceRecord): XmlObject[] {
  const rows: { device: string; xml: XmlObject }[] = [];
  for (const volume of state.volumes.values()) {
    const attachment = volume.attachment;
    if (attachment?.instanceId !== instance.id) continue;
    rows.push({
      device: attachment.device,
      xml: {
        deviceName: attachment.device,
        ebs: {
          volumeId: volume.id,
          status: attachment.state,
          attachTime: new Date(attachment.attachTime),
          deleteOnTermination: attachment.deleteOnTermination,
        },
      },
    });
  }
  rows.sort((a, b) =>
    a.device === instance.rootDeviceName
      ? -1
      : b.device === instance.rootDeviceName
        ? 1
        : a.device.localeCompare(b.device),
  );
  return rows.map((row) => row.xml);
}

export function instanceXml(state: Ec2State, instance: InstanceRecord): XmlObject {
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
    blockDeviceMapping: blockDevicesOf(state, instance),
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
): XmlObject {
  return {
    reservationId: reservation.id,
    ownerId: reservation.ownerId,
    groupSet: [],
    instancesSet: instances.map((instance) => instanceXml(state, instance)),
  };
}

export function instanceFilters(state: Ec2State): FilterTable<InstanceRecord> {
  const groups = (i: InstanceRecord) => i.securityGroupIds;
  const groupNames = (i: InstanceRecord) =>
    i.securityGroupIds.map((id) => state.securityGroups.get(id)?.name);
  const volumes = (i: InstanceRecord) =>
    [...state.volumes.values()].filter((v) => v.attachment?.instanceId === i.id);
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
