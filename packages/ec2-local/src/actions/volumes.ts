// EBS volumes: create (creating -> available), attach (attaching -> attached), detach (detaching ->
// available), delete (only when available), describe with filters and paging.

import { Ec2Error, invalidParameterValue, missingParameter } from '../protocol/errors.js';
import type { XmlObject } from '../protocol/xml.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import { paginate, readPaging } from '../query/paging.js';
import type { InstanceRecord, VolumeRecord } from '../state/records.js';
import type { Ec2State } from '../state/store.js';
import {
  type ActionContext,
  defineAction,
  ID_PATTERNS,
  lookupIds,
  readTagSpecifications,
  unique,
} from './context.js';
import { checkVolumeSize, VOLUME_TYPES, volumeIops, volumeThroughput } from './volume-rules.js';

function volumeXml(state: Ec2State, volume: VolumeRecord): XmlObject {
  const attachment = volume.attachment;
  return {
    volumeId: volume.id,
    size: volume.size,
    snapshotId: volume.snapshotId,
    availabilityZone: volume.availabilityZone,
    status: volume.state,
    createTime: new Date(volume.createTime),
    attachmentSet: attachment
      ? [
          {
            volumeId: volume.id,
            instanceId: attachment.instanceId,
            device: attachment.device,
            status: attachment.state,
            attachTime: new Date(attachment.attachTime),
            deleteOnTermination: attachment.deleteOnTermination,
          },
        ]
      : [],
    volumeType: volume.volumeType,
    iops: volume.iops,
    throughput: volume.throughput,
    encrypted: volume.encrypted,
    multiAttachEnabled: volume.multiAttachEnabled,
    tagSet: state.tags.list(volume.id),
  };
}

function findVolume(context: ActionContext): VolumeRecord {
  const id = context.params.requiredString('VolumeId');
  const [volume] = lookupIds([id], {
    pattern: ID_PATTERNS.volume,
    malformedCode: 'InvalidVolumeID.Malformed',
    notFoundCode: 'InvalidVolume.NotFound',
    noun: 'volume',
    find: (v) => context.state.volumes.get(v),
  });
  return volume!;
}

export const createVolume = defineAction({
  idempotent: true,
  prepare(context) {
    const { params, state } = context;
    const zoneName = params.string('AvailabilityZone');
    const zoneId = params.string('AvailabilityZoneId');
    if (zoneName === undefined && zoneId === undefined) throw missingParameter('AvailabilityZone');
    const zone = state.zones.find((z) => z.zoneName === zoneName || z.zoneId === zoneId);
    if (!zone) throw invalidParameterValue(`Invalid availability zone: [${zoneName ?? zoneId}]`);
    const snapshotId = params.string('SnapshotId');
    const image = snapshotId
      ? [...state.images.values()].find((i) => i.rootSnapshotId === snapshotId)
      : undefined;
    if (snapshotId && !image)
      throw new Ec2Error('InvalidSnapshot.NotFound', `The snapshot '${snapshotId}' does not exist.`);
    const volumeType = params.oneOf('VolumeType', VOLUME_TYPES) ?? 'gp2';
    const size = params.integer('Size') ?? image?.rootVolumeSize;
    if (size === undefined) throw missingParameter('size');
    if (image && size < image.rootVolumeSize) {
      throw invalidParameterValue(
        `Volume of size ${size}GiB is smaller than snapshot '${snapshotId}', expect size >= ${image.rootVolumeSize}GiB`,
      );
    }
    checkVolumeSize(volumeType, size);
    const iops = params.integer('Iops');
    if ((volumeType === 'io1' || volumeType === 'io2') && iops === undefined) {
      throw missingParameter('iops (required for io1 and io2 volumes)');
    }
    const tags = readTagSpecifications(params, ['volume']).get('volume') ?? [];
    return { zone: zone.zoneName, snapshotId: snapshotId ?? '', volumeType, size, iops, tags };
  },
  run(context, plan) {
    const { state, now, params } = context;
    const volume: VolumeRecord = {
      id: state.newId('vol'),
      seq: state.nextSeq(),
      size: plan.size,
      volumeType: plan.volumeType,
      iops: plan.iops ?? volumeIops(plan.volumeType, plan.size),
      throughput: params.integer('Throughput') ?? volumeThroughput(plan.volumeType),
      snapshotId: plan.snapshotId,
      availabilityZone: plan.zone,
      encrypted: params.boolean('Encrypted') ?? false,
      createTime: now,
      multiAttachEnabled: params.boolean('MultiAttachEnabled') ?? false,
      state: 'creating',
      next: { to: 'available', at: now + state.delays.volume },
      attachment: undefined,
    };
    state.volumes.set(volume.id, volume);
    state.tags.set(volume.id, plan.tags);
    context.remember(() => volumeXml(state, volume));
    return volumeXml(state, volume);
  },
});

export const deleteVolume = defineAction({
  prepare(context) {
    const volume = findVolume(context);
    if (volume.attachment) {
      throw new Ec2Error(
        'VolumeInUse',
        `Volume ${volume.id} is currently attached to ${volume.attachment.instanceId}`,
      );
    }
    if (volume.state !== 'available') {
      throw new Ec2Error(
        'IncorrectState',
        `The volume '${volume.id}' is '${volume.state}'; only an available volume can be deleted.`,
      );
    }
    return volume;
  },
  run(context, volume) {
    context.state.volumes.delete(volume.id);
    context.state.tags.drop(volume.id);
    return { return: true };
  },
});

const DEVICE = /^\/dev\/(?:sd[b-z]|xvd[b-z]|sd[b-z][1-9]|xvd[b-z][a-z]?)$/;

function attachmentXml(volume: VolumeRecord): XmlObject {
  const a = volume.attachment!;
  return {
    attachTime: new Date(a.attachTime),
    device: a.device,
    instanceId: a.instanceId,
    status: a.state,
    volumeId: volume.id,
    deleteOnTermination: a.deleteOnTermination,
  };
}

function findInstance(context: ActionContext, id: string): InstanceRecord {
  const [instance] = lookupIds([id], {
    pattern: ID_PATTERNS.instance,
    malformedCode: 'InvalidInstanceID.Malformed',
    notFoundCode: 'InvalidInstanceID.NotFound',
    noun: 'instance ID',
    find: (i) => context.state.instances.get(i),
  });
  return instance!;
}

export const attachVolume = defineAction({
  prepare(context) {
    const { params, state } = context;
    const device = params.requiredString('Device');
    const volume = findVolume(context);
    const instance = findInstance(context, params.requiredString('InstanceId'));
    if (!DEVICE.test(device)) {
      throw invalidParameterValue(
        `Value (${device}) for parameter device is invalid. ${device} is not a valid EBS device name.`,
      );
    }
    if (volume.attachment) {
      throw new Ec2Error('VolumeInUse', `${volume.id} is already attached to an instance`);
    }
    if (volume.state !== 'available') {
      throw new Ec2Error(
        'IncorrectState',
        `The volume '${volume.id}' is '${volume.state}', not 'available'.`,
      );
    }
    if (instance.state !== 'running' && instance.state !== 'stopped') {
      throw new Ec2Error(
        'IncorrectInstanceState',
        `Instance '${instance.id}' is not 'running' or 'stopped'.`,
      );
    }
    if (volume.availabilityZone !== instance.availabilityZone) {
      throw new Ec2Error(
        'InvalidVolume.ZoneMismatch',
        `The volume '${volume.id}' is not in the same availability zone as instance '${instance.id}'`,
      );
    }
    for (const other of state.volumes.values()) {
      if (other.attachment?.instanceId === instance.id && other.attachment.device === device) {
        throw invalidParameterValue(`Attachment point ${device} is already in use`);
      }
    }
    return { volume, instance, device };
  },
  run(context, { volume, instance, device }) {
    const { now, state } = context;
    volume.state = 'in-use';
    volume.attachment = {
      instanceId: instance.id,
      device,
      attachTime: now,
      state: 'attaching',
      deleteOnTermination: false,
      next: { to: 'attached', at: now + state.delays.volume },
    };
    return attachmentXml(volume);
  },
});

export const detachVolume = defineAction({
  prepare(context) {
    const { params, state } = context;
    const volume = findVolume(context);
    const attachment = volume.attachment;
    if (!attachment || attachment.state === 'detaching') {
      throw new Ec2Error('IncorrectState', `Volume '${volume.id}' is in the '${volume.state}' state.`);
    }
    const instanceId = params.string('InstanceId');
    const device = params.string('Device');
    if (
      (instanceId !== undefined && instanceId !== attachment.instanceId) ||
      (device !== undefined && device !== attachment.device)
    ) {
      throw new Ec2Error(
        'InvalidAttachment.NotFound',
        `Volume '${volume.id}' is not attached to ${instanceId ?? ''} ${device ?? ''}`.trim(),
      );
    }
    const instance = state.instances.get(attachment.instanceId);
    if (instance && attachment.device === instance.rootDeviceName && instance.state !== 'stopped') {
      throw new Ec2Error(
        'OperationNotPermitted',
        `Unable to detach root volume '${volume.id}' from instance '${instance.id}' unless the instance is stopped.`,
      );
    }
    return volume;
  },
  run(context, volume) {
    const attachment = volume.attachment!;
    attachment.state = 'detaching';
    attachment.next = { to: 'detached', at: context.now + context.state.delays.volume };
    return attachmentXml(volume);
  },
});

const FILTERS: FilterTable<VolumeRecord> = {
  'volume-id': (v) => v.id,
  status: (v) => v.state,
  size: (v) => v.size,
  'volume-type': (v) => v.volumeType,
  'availability-zone': (v) => v.availabilityZone,
  'snapshot-id': (v) => v.snapshotId,
  encrypted: (v) => v.encrypted,
  'create-time': (v) => new Date(v.createTime).toISOString(),
  'multi-attach-enabled': (v) => v.multiAttachEnabled,
  'attachment.instance-id': (v) => v.attachment?.instanceId,
  'attachment.device': (v) => v.attachment?.device,
  'attachment.status': (v) => v.attachment?.state,
  'attachment.delete-on-termination': (v) => v.attachment?.deleteOnTermination,
  'attachment.attach-time': (v) =>
    v.attachment ? new Date(v.attachment.attachTime).toISOString() : undefined,
};

export const describeVolumes = defineAction({
  prepare(context) {
    const { params, state } = context;
    const ids = unique(params.list('VolumeId'));
    const base = ids.length
      ? lookupIds(ids, {
          pattern: ID_PATTERNS.volume,
          malformedCode: 'InvalidVolumeID.Malformed',
          notFoundCode: 'InvalidVolume.NotFound',
          noun: 'volume',
          find: (id) => state.volumes.get(id),
        })
      : [...state.volumes.values()];
    const paging = readPaging(context.action, params, { idsGiven: ids.length > 0, idsName: 'volumeIds' });
    const matched = applyFilters(base, parseFilters(params), FILTERS, (v) => state.tags.list(v.id));
    return { matched: matched.sort((a, b) => a.seq - b.seq), paging };
  },
  run(context, { matched, paging }) {
    const page = paginate(matched, paging);
    return { volumeSet: page.items.map((v) => volumeXml(context.state, v)), nextToken: page.nextToken };
  },
});
