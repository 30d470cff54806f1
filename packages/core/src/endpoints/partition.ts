// The `aws.partition` lookup: which partition (aws, aws-cn, aws-us-gov, ...) a region belongs to,
// and that partition's DNS suffixes and capabilities. The data is generated from partitions.json.

import { partitions as generatedPartitions } from '../generated/partitions.js';

/** What `aws.partition(region)` returns to a rule set. */
export interface PartitionOutputs {
  readonly name: string;
  readonly dnsSuffix: string;
  readonly dualStackDnsSuffix: string;
  readonly supportsFIPS: boolean;
  readonly supportsDualStack: boolean;
  readonly implicitGlobalRegion: string;
}

/** One partition as the generator writes it (see packages/codegen/src/emit-endpoints.ts). */
export interface PartitionData {
  readonly id: string;
  readonly regionRegex: string;
  /** The regions partitions.json names explicitly (including pseudo-regions such as `aws-global`). */
  readonly regions: readonly string[];
  readonly outputs: PartitionOutputs;
  /** Per-region overrides of `outputs`, for the few regions that have any. */
  readonly regionOutputs?: Readonly<Record<string, Partial<PartitionOutputs>>>;
}

export interface PartitionMatch {
  readonly outputs: PartitionOutputs;
  /** `region`: listed by name; `regex`: matched the partition's pattern; `default`: nothing matched, `aws` assumed. */
  readonly matchedBy: 'region' | 'regex' | 'default';
}

const compiled = new WeakMap<readonly PartitionData[], readonly RegExp[]>();

function regexesOf(data: readonly PartitionData[]): readonly RegExp[] {
  let regexes = compiled.get(data);
  if (regexes === undefined) {
    regexes = data.map((p) => new RegExp(p.regionRegex));
    compiled.set(data, regexes);
  }
  return regexes;
}

/**
 * The partition of `region`, by the rules engine's order: an explicitly listed region first, then the
 * first partition whose regionRegex matches, else the `aws` partition.
 */
export function findPartition(
  region: string,
  data: readonly PartitionData[] = generatedPartitions,
): PartitionMatch {
  for (const partition of data) {
    if (partition.regions.includes(region)) {
      const overrides = partition.regionOutputs?.[region];
      return {
        outputs: overrides ? { ...partition.outputs, ...overrides } : partition.outputs,
        matchedBy: 'region',
      };
    }
  }
  const regexes = regexesOf(data);
  for (let i = 0; i < data.length; i++) {
    if (regexes[i]!.test(region)) return { outputs: data[i]!.outputs, matchedBy: 'regex' };
  }
  const fallback = data.find((p) => p.id === 'aws') ?? data[0];
  if (fallback === undefined) throw new TypeError('partition data is empty');
  return { outputs: fallback.outputs, matchedBy: 'default' };
}

/** The partitions this build knows, for error messages and tests. */
export function knownPartitions(): readonly PartitionData[] {
  return generatedPartitions;
}
