// How the resources generator names things: camelCase getters, file names, the members of the engine's
// base classes no generated name may take, boto3's collision rules, and parameter targets.

import type { TargetStep } from './emit-resources-model.js';

// ---- names ----

/** `PublicIpAddress` -> `publicIpAddress`, `DNSName` -> `dnsName`, `Id` -> `id`. */
export function camelName(name: string): string {
  const run = /^[A-Z]+/.exec(name)?.[0] ?? '';
  if (run.length <= 1) return name.charAt(0).toLowerCase() + name.slice(1);
  const rest = name.slice(run.length);
  // `DNSName`: the last capital of the run starts the next word.
  if (/^[a-z]/.test(rest)) return run.slice(0, -1).toLowerCase() + run.slice(-1) + rest;
  return run.toLowerCase() + rest;
}

/** `VpcPeeringConnection` -> `vpc-peering-connection` (the generated file name). */
export function fileName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

/** Members of the Resource base class: no generated name may take them. */
export const RESOURCE_RESERVED: readonly string[] = [
  'constructor',
  'identifiers',
  'loaded',
  'data',
  'meta',
  'load',
  'reload',
  'toString',
  'toJSON',
  'context',
  'attribute',
  'runAction',
  'runWaiter',
  'referenceOne',
  'referenceMany',
  'collectionSource',
];

/** Members of the ServiceResource base class. */
export const SERVICE_RESERVED: readonly string[] = [
  'constructor',
  'client',
  'destroy',
  'context',
  'runAction',
  'collectionSource',
];

/** Members of the ResourceCollection base class. */
export const COLLECTION_RESERVED: readonly string[] = [
  'constructor',
  'query',
  'all',
  'filter',
  'limit',
  'pageSize',
  'pages',
  'toArray',
  'runBatchAction',
];

/** Hands out names in boto3's order; a later category that collides gets its category as suffix. */
export class NameTable {
  readonly #taken: Set<string>;

  constructor(
    readonly owner: string,
    reserved: readonly string[],
  ) {
    this.#taken = new Set(reserved);
  }

  has(name: string): boolean {
    return this.#taken.has(name);
  }

  /** Takes `name`; on a collision, `name + suffix` when a suffix is allowed, else an error. */
  take(name: string, suffix?: string): string {
    let chosen = name;
    if (this.#taken.has(chosen)) {
      if (suffix === undefined) throw new Error(`resources ${this.owner}: the name ${name} is taken twice`);
      chosen = `${name}${suffix}`;
      if (this.#taken.has(chosen)) throw new Error(`resources ${this.owner}: ${chosen} is taken too`);
    }
    this.#taken.add(chosen);
    return chosen;
  }
}

// ---- targets and paths ----

/** `Filters[0].Values[0]` -> `['Filters', 0, 'Values', 0]`; `InstanceIds[]` -> `['InstanceIds', '[]']`. */
export function parseTarget(target: string): TargetStep[] {
  const steps: TargetStep[] = [];
  for (const part of target.split('.')) {
    const match = /^([A-Za-z0-9_]+)((?:\[(?:\d+|\*)?\])*)$/.exec(part);
    if (!match) throw new Error(`resources: cannot read the parameter target ${JSON.stringify(target)}`);
    steps.push(match[1]!);
    for (const index of match[2]!.match(/\[(\d+|\*)?\]/g) ?? []) {
      const inner = index.slice(1, -1);
      steps.push(inner === '' ? '[]' : inner === '*' ? '[*]' : Number(inner));
    }
  }
  return steps;
}

/** Whether a JMESPath expression yields a list of values (it has a projection). */
export function isProjection(expression: string): boolean {
  return /\[\*?\]/.test(expression);
}
