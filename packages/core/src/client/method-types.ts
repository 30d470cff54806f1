// Types the generated methods and functions share: what a call resolves to given its `DryRun`
// value, the customization hook, and the input/output types read off a method.

import type { OperationSchema } from '../protocol/schema.js';
import type { DryRunOutcome } from './dry-run.js';
import type { WithMetadata } from './metadata.js';
import type { CallOptions } from './types.js';

/** A call's `DryRun` value as the type system sees it: `true`, `false`, absent, or only known at run time. */
export type DryRunFlag = boolean | undefined;

/**
 * What a call resolves to: `DryRun: true` -> DryRunOutcome (permissions checked, nothing done);
 * no DryRun or `false` -> the output with `$metadata`; a `boolean` known only at run time -> either
 * (tell them apart with `isDryRunOutcome`).
 */
export type DryRunResult<DryRun extends DryRunFlag, Output> = [DryRun] extends [true]
  ? DryRunOutcome
  : [DryRun] extends [false | undefined]
    ? WithMetadata<Output>
    : WithMetadata<Output> | DryRunOutcome;

/** An operation's input with its `DryRun` member narrowed to the call's DryRun value `D`. */
export type WithDryRun<Input, D extends DryRunFlag> = Input & { DryRun?: D };

/** What a call with DryRun value `D` resolves to (see DryRunResult). */
export type Outcome<D extends DryRunFlag, Output> = Promise<DryRunResult<D, Output>>;

/** The input and output types of an operation method (`{ input: DescribeInstancesRequest; output: ... }`). */
export type OperationTypesOf<Method> = Method extends (
  input: infer Input,
  options?: never,
) => Promise<infer Result>
  ? {
      input: NonNullable<Input>;
      output: Exclude<Result, DryRunOutcome> extends WithMetadata<infer Output> ? Output : never;
    }
  : never;

/**
 * A hand-written change to one call before it is sent (RunInstances UserData): returns the schema
 * and input to send, never mutating the caller's input.
 */
export type Customization = (
  operation: OperationSchema,
  input: object | undefined,
  options: CallOptions | undefined,
) => { readonly operation: OperationSchema; readonly input: object | undefined };
