// The regions where a service has a regional endpoint (boto3's `get_available_regions`), answered from
// what the SDK carries: the partition's regions (partitions.json) resolved one by one through the
// service's endpoint rule set. botocore reads endpoints.json instead, which this SDK does not carry.
//
// The rule: a region counts when the rule set gives it an endpoint that no other region of the
// partition shares. A regional service (EC2) gets one endpoint per region, so every region counts; a
// global service (IAM, Organizations, Route 53) sends every region to one endpoint, so none does and
// the list is empty, as in boto3. Rule sets do not say that a service is missing from a region, so a
// service launched in only some regions is listed in all of its partition's regions.

import { knownPartitions, type PartitionData } from '../endpoints/partition.js';
import type { EndpointService } from '../endpoints/resolve.js';
import type { RuleSet } from '../endpoints/rule-set.js';
import { resolveRuleSet } from '../endpoints/rules-engine.js';
import { ConfigError, EndpointError } from '../errors/errors.js';
import { isOptInRegion } from './opt-in-regions.js';

export interface AvailableRegionsOptions {
  /** The partition to list (`aws`, `aws-cn`, `aws-us-gov`, ...). Default `aws`. */
  readonly partition?: string | undefined;
  /**
   * Include the regions an account must enable first (af-south-1, ap-east-1, ...). Default false: the
   * list is what every account of the partition can call; `session.enabledRegions()` asks EC2 which
   * opt-in regions one account has enabled.
   */
  readonly includeOptIn?: boolean | undefined;
}

/** A service's endpoint data: a ServiceSchema, or a client (which carries one as `service`). */
export type RegionalService = EndpointService | { readonly service: EndpointService };

function endpointServiceOf(service: RegionalService): EndpointService {
  const schema = 'service' in service && typeof service.service === 'object' ? service.service : service;
  const ruleSet = (schema as Partial<EndpointService>).endpointRuleSet as RuleSet | undefined;
  if (ruleSet === null || typeof ruleSet !== 'object' || !Array.isArray(ruleSet.rules)) {
    throw new ConfigError(
      'availableRegions needs a client (new EC2Client()) or a service schema with an endpoint rule set; pass one of those.',
      { code: 'InvalidServiceArgument' },
    );
  }
  return schema as EndpointService;
}

/** The endpoint URL of `region`, or undefined when the rule set refuses the region. */
function regionalUrl(ruleSet: RuleSet, region: string): string | undefined {
  const params: Record<string, string | boolean> = {};
  for (const [name, spec] of Object.entries(ruleSet.parameters)) {
    if (spec.builtIn === 'AWS::Region') params[name] = region;
    else if (spec.builtIn === 'AWS::UseFIPS' || spec.builtIn === 'AWS::UseDualStack') params[name] = false;
    else if (spec.builtIn === 'AWS::STS::UseGlobalEndpoint') params[name] = false;
  }
  try {
    return resolveRuleSet(ruleSet, params).url;
  } catch (error) {
    if (error instanceof EndpointError) return undefined;
    throw error;
  }
}

/** A partition's real regions: the names it lists that match its own pattern (not `aws-global`). */
export function partitionRegions(partition: PartitionData): string[] {
  const pattern = new RegExp(partition.regionRegex);
  return partition.regions.filter((region) => pattern.test(region));
}

/** The regions of `partition` where `service` has an endpoint of its own, sorted. */
export function availableRegions(
  service: RegionalService,
  options: AvailableRegionsOptions = {},
  data: readonly PartitionData[] = knownPartitions(),
): string[] {
  const ruleSet = endpointServiceOf(service).endpointRuleSet as RuleSet;
  const name = options.partition ?? 'aws';
  const partition = data.find((candidate) => candidate.id === name);
  if (partition === undefined) {
    throw new ConfigError(`Unknown partition "${name}"; use one of ${data.map((p) => p.id).join(', ')}.`, {
      code: 'UnknownPartition',
    });
  }
  const regions = partitionRegions(partition).filter(
    (region) => options.includeOptIn === true || !isOptInRegion(region),
  );
  // Which regions each URL serves: a URL served to several regions is a global endpoint.
  const servedBy = new Map<string, number>();
  const urls = new Map<string, string>();
  for (const region of partitionRegions(partition)) {
    const url = regionalUrl(ruleSet, region);
    if (url === undefined) continue;
    urls.set(region, url);
    servedBy.set(url, (servedBy.get(url) ?? 0) + 1);
  }
  return regions
    .filter((region) => {
      const url = urls.get(region);
      return url !== undefined && servedBy.get(url) === 1;
    })
    .sort();
}
