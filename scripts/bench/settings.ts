// How much each figure measures: the full run (about 6 minutes on a 2-core machine) and the quick
// smoke run (`--quick`, tiny counts, well under a minute). Every count lives here.

export interface WarmCounts {
  /** Calls per measured run, after `warmup` unmeasured calls. */
  readonly calls: number;
  readonly warmup: number;
  /** Interleaved rounds; each round runs every subject once, each run a fresh process. */
  readonly rounds: number;
}

export interface BenchSettings {
  readonly coldRounds: number;
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
  coldRounds: 10,
  warm: new Map([
    [1, { calls: 2000, warmup: 300, rounds: 5 }],
    [100, { calls: 100, warmup: 15, rounds: 5 }],
    [1000, { calls: 10, warmup: 3, rounds: 4 }],
  ]),
  throughput: { calls: 4000, warmup: 300, rounds: 5, concurrency: 64 },
  signRounds: 5,
  signDurationMs: 1000,
  registryInstall: true,
  referenceBundles: true,
};

export const QUICK: BenchSettings = {
  coldRounds: 1,
  warm: new Map([
    [1, { calls: 40, warmup: 5, rounds: 1 }],
    [100, { calls: 4, warmup: 1, rounds: 1 }],
    [1000, { calls: 1, warmup: 0, rounds: 1 }],
  ]),
  throughput: { calls: 200, warmup: 10, rounds: 1, concurrency: 64 },
  signRounds: 1,
  signDurationMs: 100,
  registryInstall: false,
  referenceBundles: false,
};
