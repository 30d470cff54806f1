// buildFullResult: every page merged into one output, the way boto3 merges them: result lists joined
// (strings joined, numbers added), non-aggregate members from the first page, and the resume token as
// `NextToken` when maxItems stopped the run early.

import type { AnyPaginatorSpec } from './spec.js';

/** The merged output: the result members (always present), the non-aggregate ones, and `NextToken`. */
export type FullResult<Output, ResultKey extends string, NonAggregateKey extends string> = {
  -readonly [K in ResultKey & keyof Output]-?: NonNullable<Output[K]>;
} & {
  -readonly [K in NonAggregateKey & keyof Output]?: Output[K];
} & {
  /** Set when `maxItems` stopped the run: pass it as `startingToken` to continue. */
  NextToken?: string;
};

export class FullResultBuilder {
  readonly #spec: AnyPaginatorSpec;
  readonly #result: Record<string, unknown> = {};
  #first = true;

  constructor(spec: AnyPaginatorSpec) {
    this.#spec = spec;
    for (const key of spec.resultKeys) this.#result[key] = [];
  }

  add(page: Readonly<Record<string, unknown>>): void {
    for (const key of this.#spec.resultKeys) {
      const value = page[key];
      const sofar = this.#result[key];
      if (value === undefined || value === null) continue;
      if (Array.isArray(value)) this.#result[key] = (sofar as unknown[]).concat(value);
      else if (typeof value === 'string' || typeof value === 'number') {
        // boto3 adds numbers and joins strings; the first scalar replaces the initial empty list.
        this.#result[key] =
          Array.isArray(sofar) && sofar.length === 0 ? value : (sofar as number) + (value as number);
      }
    }
    if (this.#first) {
      for (const key of this.#spec.nonAggregateKeys ?? [])
        if (page[key] !== undefined) this.#result[key] = page[key];
      this.#first = false;
    }
  }

  finish(resumeToken: string | undefined): Record<string, unknown> {
    return resumeToken === undefined ? this.#result : { ...this.#result, NextToken: resumeToken };
  }
}
