// DescribeImages: ids, owners (`self`, `amazon`, an account id), ExecutableBy, Filters and paging.

import { Ec2Error } from '../protocol/errors.js';
import type { XmlObject } from '../protocol/xml.js';
import { applyFilters, type FilterTable, parseFilters } from '../query/filters.js';
import { paginate, readPaging } from '../query/paging.js';
import { IMAGE_ID } from '../state/images.js';
import type { ImageRecord } from '../state/records.js';
import type { Ec2State } from '../state/store.js';
import { defineAction, unique } from './context.js';

function imageXml(state: Ec2State, image: ImageRecord): XmlObject {
  return {
    imageId: image.id,
    imageLocation: image.imageLocation,
    imageState: image.state,
    imageOwnerId: image.ownerId,
    creationDate: image.creationDate,
    isPublic: image.isPublic,
    architecture: image.architecture,
    imageType: 'machine',
    platform: image.platform,
    imageOwnerAlias: image.ownerAlias,
    name: image.name,
    description: image.description,
    rootDeviceType: 'ebs',
    rootDeviceName: image.rootDeviceName,
    blockDeviceMapping: [
      {
        deviceName: image.rootDeviceName,
        ebs: {
          snapshotId: image.rootSnapshotId,
          volumeSize: image.rootVolumeSize,
          deleteOnTermination: true,
          volumeType: image.rootVolumeType,
          encrypted: false,
        },
      },
    ],
    virtualizationType: image.virtualizationType,
    tagSet: state.tags.list(image.id),
    hypervisor: 'xen',
    enaSupport: image.enaSupport,
    sriovNetSupport: 'simple',
    bootMode: image.bootMode,
    platformDetails: image.platformDetails,
    usageOperation: image.usageOperation,
  };
}

const FILTERS: FilterTable<ImageRecord> = {
  architecture: (i) => i.architecture,
  description: (i) => i.description,
  'image-id': (i) => i.id,
  'image-type': () => 'machine',
  'is-public': (i) => i.isPublic,
  name: (i) => i.name,
  'owner-alias': (i) => i.ownerAlias,
  'owner-id': (i) => i.ownerId,
  platform: (i) => i.platform,
  'platform-details': (i) => i.platformDetails,
  'usage-operation': (i) => i.usageOperation,
  'root-device-name': (i) => i.rootDeviceName,
  'root-device-type': () => 'ebs',
  state: (i) => i.state,
  'virtualization-type': (i) => i.virtualizationType,
  hypervisor: () => 'xen',
  'ena-support': (i) => i.enaSupport,
  'creation-date': (i) => i.creationDate,
  'boot-mode': (i) => i.bootMode,
  'block-device-mapping.device-name': (i) => i.rootDeviceName,
  'block-device-mapping.snapshot-id': (i) => i.rootSnapshotId,
  'block-device-mapping.volume-size': (i) => i.rootVolumeSize,
  'block-device-mapping.volume-type': (i) => i.rootVolumeType,
  'block-device-mapping.delete-on-termination': () => true,
  'block-device-mapping.encrypted': () => false,
};

export const describeImages = defineAction({
  prepare(context) {
    const { params, state, accountId } = context;
    const ids = unique(params.list('ImageId'));
    for (const id of ids) {
      if (!IMAGE_ID.test(id))
        throw new Ec2Error('InvalidAMIID.Malformed', `Invalid id: "${id}" (expecting "ami-...")`);
    }
    const missing = ids.filter((id) => !state.images.has(id));
    if (missing.length > 0)
      throw new Ec2Error('InvalidAMIID.NotFound', `The image id '[${missing.join(', ')}]' does not exist`);
    const owners = params.list('Owner');
    const executableBy = params.list('ExecutableBy');
    const paging = readPaging(context.action, params);
    let images = ids.length > 0 ? ids.map((id) => state.images.get(id)!) : [...state.images.values()];
    if (owners.length > 0) {
      images = images.filter((image) =>
        owners.some(
          (owner) =>
            owner === image.ownerId ||
            (owner === 'self' && image.ownerId === accountId) ||
            (image.ownerAlias !== undefined && owner === image.ownerAlias),
        ),
      );
    }
    if (executableBy.length > 0) {
      images = images.filter((image) =>
        executableBy.some((who) => (who === 'all' ? image.isPublic : who === 'self' || who === accountId)),
      );
    }
    const matched = applyFilters(images, parseFilters(params), FILTERS, (i) => state.tags.list(i.id));
    return { matched: matched.sort((a, b) => a.seq - b.seq), paging };
  },
  run(context, { matched, paging }) {
    const page = paginate(matched, paging);
    return {
      imagesSet: page.items.map((image) => imageXml(context.state, image)),
      nextToken: page.nextToken,
    };
  },
});
