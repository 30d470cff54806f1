// `session.enabledRegions()`: the regions this account can call, from EC2 DescribeRegions
// (AllRegions, then each region's OptInStatus), through core's own DescribeRegions-only EC2 client
// (generated into core/src/generated/ec2-regions and loaded on the first call).

import type { ClientConfig } from '../client/types.js';

export interface EnabledRegionsOptions {
  readonly signal?: AbortSignal | undefined;
}

/** One region as DescribeRegions reports it. */
export interface RegionStatus {
  readonly regionName: string;
  /** `opt-in-not-required`, `opted-in` or `not-opted-in`. */
  readonly optInStatus: string;
}

/** True for the statuses that let the account call the region. */
export function isEnabledStatus(optInStatus: string | undefined): boolean {
  return optInStatus === 'opt-in-not-required' || optInStatus === 'opted-in';
}

/** Every region of the account's partition with its opt-in status, sorted by name. */
export async function describeRegionStatuses(
  config: ClientConfig,
  options: EnabledRegionsOptions = {},
): Promise<RegionStatus[]> {
  const ec2 = await import('../generated/ec2-regions/functions.js');
  const client = ec2.createEC2BareClient(config);
  try {
    const output = await ec2.describeRegions(client, { AllRegions: true }, { signal: options.signal });
    return (output.Regions ?? [])
      .filter((region) => typeof region.RegionName === 'string')
      .map((region) => ({
        regionName: region.RegionName as string,
        // A region listed without a status predates opt-in regions: it needs none.
        optInStatus: region.OptInStatus ?? 'opt-in-not-required',
      }))
      .sort((a, b) => (a.regionName < b.regionName ? -1 : a.regionName > b.regionName ? 1 : 0));
  } finally {
    await client.destroy();
  }
}
