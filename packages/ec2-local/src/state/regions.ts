// The regions DescribeRegions lists and the availability zones of the served region, with AWS's
// naming (us-east-1a, zone id use1-az1). A fixed table: ec2-local serves one region per server.

export interface RegionInfo {
  readonly regionName: string;
  readonly endpoint: string;
  readonly optInStatus: 'opt-in-not-required' | 'not-opted-in' | 'opted-in';
}

export interface ZoneInfo {
  readonly zoneName: string;
  readonly zoneId: string;
  readonly regionName: string;
  readonly state: 'available';
}

// Default-enabled commercial regions, then opt-in ones (listed only with AllRegions=true).
const DEFAULT_REGIONS = [
  'ap-northeast-1',
  'ap-northeast-2',
  'ap-northeast-3',
  'ap-south-1',
  'ap-southeast-1',
  'ap-southeast-2',
  'ca-central-1',
  'eu-central-1',
  'eu-north-1',
  'eu-west-1',
  'eu-west-2',
  'eu-west-3',
  'sa-east-1',
  'us-east-1',
  'us-east-2',
  'us-west-1',
  'us-west-2',
];
const OPT_IN_REGIONS = ['af-south-1', 'ap-east-1', 'eu-south-1', 'me-south-1'];

/** Zone letters per region where it is not the usual a, b, c. */
const ZONE_LETTERS: Readonly<Record<string, string>> = {
  'us-east-1': 'abcdef',
  'us-west-1': 'ac',
  'ap-northeast-1': 'acd',
  'us-west-2': 'abcd',
};

const DIRECTIONS: Readonly<Record<string, string>> = {
  east: 'e',
  west: 'w',
  north: 'n',
  south: 's',
  central: 'c',
  northeast: 'ne',
  northwest: 'nw',
  southeast: 'se',
  southwest: 'sw',
};

/** The region list for DescribeRegions; the served region is always in it. */
export function regionTable(served: string): RegionInfo[] {
  const names = new Set([...DEFAULT_REGIONS, served]);
  const rows: RegionInfo[] = [...names].sort().map((regionName) => ({
    regionName,
    endpoint: `ec2.${regionName}.amazonaws.com`,
    optInStatus: 'opt-in-not-required',
  }));
  for (const regionName of OPT_IN_REGIONS) {
    if (names.has(regionName)) continue;
    rows.push({ regionName, endpoint: `ec2.${regionName}.amazonaws.com`, optInStatus: 'not-opted-in' });
  }
  return rows;
}

/** `us-east-1` -> `use1`, `ap-southeast-2` -> `apse2`: the prefix of AWS zone ids. */
export function regionShortCode(region: string): string {
  const [area = region, direction = '', number = ''] = region.split('-');
  return `${area}${DIRECTIONS[direction] ?? direction.slice(0, 1)}${number}`;
}

export function zonesOf(region: string): ZoneInfo[] {
  const letters = ZONE_LETTERS[region] ?? 'abc';
  const code = regionShortCode(region);
  return [...letters].map((letter, i) => ({
    zoneName: `${region}${letter}`,
    zoneId: `${code}-az${i + 1}`,
    regionName: region,
    state: 'available',
  }));
}

/** Internal DNS suffix EC2 uses for private names: `ec2.internal` in us-east-1, else `<region>.compute.internal`. */
export function privateDnsSuffix(region: string): string {
  return region === 'us-east-1' ? 'ec2.internal' : `${region}.compute.internal`;
}

/** Public DNS suffix: `compute-1.amazonaws.com` in us-east-1, else `<region>.compute.amazonaws.com`. */
export function publicDnsSuffix(region: string): string {
  return region === 'us-east-1' ? 'compute-1.amazonaws.com' : `${region}.compute.amazonaws.com`;
}
