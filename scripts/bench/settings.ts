// How much each figure measures: the full run (about 5 minutes on an idle 2-core machine, under 10 on
// a busy one) and the quick smoke run (`--quick`, tiny counts, well under a minute). Every count and
// budget lives here.

export interface WarmCounts {
  /** Most calls per measured run, after `warmup` unmeasured calls. */
  readonly calls: number;
  /** A run stops once `budgetMs` has passed and at least `minCalls` are done, so slow subjects stay bounded. */
  readonly minCalls: number;
  readonly budgetMs: number;
  readonly warmup: number;
  /** Interleaved rounds; each round runs every subject once, each run a fresh process. */
  readonly rounds: number;
}

export interface BenchSettings {
  readonly coldRounds: number;
  /** How the SDKs are loaded for the cold-start rows. */
  readonly coldVariants: readonly ('esm' | 'require' | 'bundle')[];
  /** Warm DescribeInstances loops by instance count. */
  readonly warm: ReadonlyMap<number, WarmCounts>;
  readonly throughput: WarmCounts & { readonly concurrency: number };
  readonly signRounds: number;
  readonly signDurationMs: number;
  /** Install the v3 SDK from the npm registry for the footprint figure. */
  readonly registryInstall: boolean;
  /** Also bundle the v3 app without ESM tree-shaking (a reference figure). */
  readonly referenceBundles: boolean;
}

export const FULL: BenchSettings = {
  coldRounds: 8,
  coldVariants: ['esm', 'require', 'bundle'],
  warm: new Map([
    [1, { calls: 3000, minCalls: 200, budgetMs: 2500, warmup: 300, rounds: 5 }],
    [100, { calls: 300, minCalls: 20, budgetMs: 3000, warmup: 5, rounds: 5 }],
    [1000, { calls: 60, minCalls: 4, budgetMs: 4000, warmup: 2, rounds: 3 }],
  ]),
  throughput: { calls: 20_000, minCalls: 1000, budgetMs: 2500, warmup: 300, rounds: 4, concurrency: 64 },
  signRounds: 5,
  signDurationMs: 1000,
  registryInstall: true,
  referenceBundles: true,
};

export const QUICK: BenchSettings = {
  coldRounds: 1,
  coldVariants: ['esm', 'bundle'],
  // N=100 runs the same code as N=1000: the smoke run leaves it out.
  warm: new Map([
    [1, { calls: 40, minCalls: 40, budgetMs: 1000, warmup: 5, rounds: 1 }],
    [1000, { calls: 1, minCalls: 1, budgetMs: 1000, warmup: 0, rounds: 1 }],
  ]),
  throughput: { calls: 200, minCalls: 200, budgetMs: 1000, warmup: 10, rounds: 1, concurrency: 64 },
  signRounds: 1,
  signDurationMs: 100,
  registryInstall: false,
  referenceBundles: false,
};
