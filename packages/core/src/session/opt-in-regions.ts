// Which regions an account must enable before it can use them: AWS's published facts (regions launched
// after 20 March 2019 are disabled by default), kept by hand because partitions.json does not say.
// enabledRegions() asks EC2 for one account's actual status; this list is what holds before anyone opted in.

/** The commercial (`aws`) partition's opt-in regions. The other partitions have none. */
export const OPT_IN_REGIONS: ReadonlySet<string> = new Set([
  'af-south-1',
  'ap-east-1',
  'ap-east-2',
  'ap-south-2',
  'ap-southeast-3',
  'ap-southeast-4',
  'ap-southeast-5',
  'ap-southeast-6',
  'ap-southeast-7',
  'ca-west-1',
  'eu-central-2',
  'eu-south-1',
  'eu-south-2',
  'il-central-1',
  'me-central-1',
  'me-south-1',
  'mx-central-1',
]);

/** True when an account must opt in to `region` before using it. */
export function isOptInRegion(region: string): boolean {
  return OPT_IN_REGIONS.has(region);
}
