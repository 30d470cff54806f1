// EBS volume rules shared by CreateVolume and RunInstances block devices: the volume types, their
// size bounds in GiB, and the IOPS/throughput EC2 reports by default.

import { invalidParameterValue } from '../protocol/errors.js';

export const VOLUME_TYPES = ['standard', 'io1', 'io2', 'gp2', 'gp3', 'sc1', 'st1'] as const;

const SIZE_BOUNDS: Readonly<Record<string, readonly [number, number]>> = {
  standard: [1, 1024],
  gp2: [1, 16384],
  gp3: [1, 16384],
  io1: [4, 16384],
  io2: [4, 65536],
  st1: [125, 16384],
  sc1: [125, 16384],
};

export function checkVolumeSize(volumeType: string, size: number): void {
  const [min, max] = SIZE_BOUNDS[volumeType] ?? [1, 16384];
  if (size < min || size > max) {
    throw invalidParameterValue(
      `Volume of ${size}GiB is out of range for ${volumeType}: the size must be between ${min} and ${max} GiB.`,
    );
  }
}

/** gp2: 3 IOPS per GiB between 100 and 16000; gp3: 3000 baseline; others only when provisioned. */
export function volumeIops(volumeType: string, size: number): number | undefined {
  if (volumeType === 'gp2') return Math.min(16000, Math.max(100, size * 3));
  if (volumeType === 'gp3') return 3000;
  return undefined;
}

export function volumeThroughput(volumeType: string): number | undefined {
  return volumeType === 'gp3' ? 125 : undefined;
}
