// The AMIs ec2-local knows: a few canned public images (ids and names made up, shaped like the real
// ones) plus any the `images` option adds. DescribeImages lists them; RunInstances launches them.

import type { ImageRecord } from './records.js';

/** An image to add with the `images` option. Only `name` is required. */
export interface ImageSpec {
  /** `ami-` plus 8 or 17 hex digits; generated when absent. */
  readonly imageId?: string;
  readonly name: string;
  readonly description?: string;
  /** Default `x86_64`. */
  readonly architecture?: 'x86_64' | 'arm64' | 'i386';
  /** Default: Amazon's owner id with the alias `amazon`. */
  readonly ownerId?: string;
  readonly ownerAlias?: string;
  readonly platform?: 'windows';
  /** Default `/dev/xvda` (Windows: `/dev/sda1`). */
  readonly rootDeviceName?: string;
  /** GiB, default 8 (Windows: 30). */
  readonly rootVolumeSize?: number;
  /** Default true; a private image is visible only to its owner account. */
  readonly public?: boolean;
  /** ISO 8601, default 2025-01-01T00:00:00.000Z. */
  readonly creationDate?: string;
}

export const AMAZON_OWNER_ID = '137112412989';
export const CANONICAL_OWNER_ID = '099720109477';
export const WINDOWS_OWNER_ID = '801119661308';

/** The canned AMI ids, so examples and tests can launch without a DescribeImages first. */
export const CANNED_IMAGE_IDS = {
  amazonLinux2023: 'ami-0ec2100000000a001',
  amazonLinux2023Arm64: 'ami-0ec2100000000a002',
  ubuntu2404: 'ami-0ec2100000000c001',
  ubuntu2404Arm64: 'ami-0ec2100000000c002',
  windowsServer2022: 'ami-0ec2100000000d001',
} as const;

/** The image examples launch by default: Amazon Linux 2023, x86_64. */
export const DEFAULT_IMAGE_ID = CANNED_IMAGE_IDS.amazonLinux2023;

const CANNED: readonly (ImageSpec & { readonly imageId: string })[] = [
  {
    imageId: CANNED_IMAGE_IDS.amazonLinux2023,
    name: 'al2023-ami-2023.6.20250115.0-kernel-6.1-x86_64',
    description: 'Amazon Linux 2023 AMI 2023.6.20250115.0 x86_64 HVM kernel-6.1',
    architecture: 'x86_64',
    creationDate: '2025-01-15T19:20:41.000Z',
  },
  {
    imageId: CANNED_IMAGE_IDS.amazonLinux2023Arm64,
    name: 'al2023-ami-2023.6.20250115.0-kernel-6.1-arm64',
    description: 'Amazon Linux 2023 AMI 2023.6.20250115.0 arm64 HVM kernel-6.1',
    architecture: 'arm64',
    creationDate: '2025-01-15T19:20:43.000Z',
  },
  {
    imageId: CANNED_IMAGE_IDS.ubuntu2404,
    name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250115',
    description: 'Canonical, Ubuntu, 24.04, amd64 noble image',
    architecture: 'x86_64',
    ownerId: CANONICAL_OWNER_ID,
    rootDeviceName: '/dev/sda1',
    creationDate: '2025-01-15T07:14:09.000Z',
  },
  {
    imageId: CANNED_IMAGE_IDS.ubuntu2404Arm64,
    name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-arm64-server-20250115',
    description: 'Canonical, Ubuntu, 24.04, arm64 noble image',
    architecture: 'arm64',
    ownerId: CANONICAL_OWNER_ID,
    rootDeviceName: '/dev/sda1',
    creationDate: '2025-01-15T07:14:12.000Z',
  },
  {
    imageId: CANNED_IMAGE_IDS.windowsServer2022,
    name: 'Windows_Server-2022-English-Full-Base-2025.01.15',
    description: 'Microsoft Windows Server 2022 Full Locale English AMI provided by Amazon',
    architecture: 'x86_64',
    platform: 'windows',
    ownerId: WINDOWS_OWNER_ID,
    ownerAlias: 'amazon',
    creationDate: '2025-01-15T08:02:55.000Z',
  },
];

export const IMAGE_ID = /^ami-(?:[0-9a-f]{8}|[0-9a-f]{17})$/;

/** Builds image records from the canned list and `extra` specs; `newId` makes ids for specs without one. */
export function buildImages(
  extra: readonly ImageSpec[],
  newId: (prefix: string) => string,
  nextSeq: () => number,
): ImageRecord[] {
  const records: ImageRecord[] = [];
  const seen = new Set<string>();
  for (const spec of [...CANNED, ...extra]) {
    const id = spec.imageId ?? newId('ami');
    if (!IMAGE_ID.test(id)) {
      throw new RangeError(
        `image id ${JSON.stringify(id)} is not an AMI id (ami- followed by 8 or 17 hex digits)`,
      );
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const windows = spec.platform === 'windows';
    const ownerId = spec.ownerId ?? AMAZON_OWNER_ID;
    const ownerAlias = spec.ownerAlias ?? (ownerId === AMAZON_OWNER_ID ? 'amazon' : undefined);
    records.push({
      id,
      seq: nextSeq(),
      name: spec.name,
      description: spec.description ?? spec.name,
      ownerId,
      ownerAlias,
      architecture: spec.architecture ?? 'x86_64',
      platform: spec.platform,
      platformDetails: windows ? 'Windows' : 'Linux/UNIX',
      usageOperation: windows ? 'RunInstances:0002' : 'RunInstances',
      rootDeviceName: spec.rootDeviceName ?? (windows ? '/dev/sda1' : '/dev/xvda'),
      rootSnapshotId: `snap-${id.slice(4).padStart(17, '0')}`,
      rootVolumeSize: spec.rootVolumeSize ?? (windows ? 30 : 8),
      rootVolumeType: 'gp3',
      virtualizationType: 'hvm',
      enaSupport: true,
      bootMode: windows ? undefined : 'uefi-preferred',
      isPublic: spec.public ?? true,
      creationDate: spec.creationDate ?? '2025-01-01T00:00:00.000Z',
      imageLocation: `${ownerAlias ?? ownerId}/${spec.name}`,
      state: 'available',
    });
  }
  return records;
}
