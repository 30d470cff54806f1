// What every conformance suite module returns: one result per set, printed as
// `<name>: N passed, N failed` (the line CI adds up).

export interface SetResult {
  /** `sigv4/botocore`, `protocols/ec2-input`, ... */
  readonly name: string;
  readonly passed: number;
  readonly failed: number;
  /** One line per failed case: its id and what differed. */
  readonly failures: readonly string[];
}

export type ConformanceSuite = () => Promise<readonly SetResult[]>;
