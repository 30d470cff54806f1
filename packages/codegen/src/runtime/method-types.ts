// The call signatures of generated operation functions and methods. When the input has a `DryRun`
// member, overloads tell the outcomes apart by type: `DryRun: true` resolves to a DryRunOutcome,
// no dry run to the output, and a DryRun only known at run time to either.
// The functions (`describeInstances(client, input)`) are declared once, with their documentation;
// the client's methods are derived from them (MethodOf), so each signature is written once.

import type { CallOptions, DryRunOutcome, ServiceClient, WithMetadata } from '@boto-ts/core';

export type { DryRunOutcome };

/** Tells the four function forms apart for MethodOf (their call signatures alone are ambiguous). */
declare const form: unique symbol;

/** A function whose input has required members. */
export interface OperationFunction<Input, Output, Options = CallOptions> {
  (client: ServiceClient, input: Input, options?: Options): Promise<WithMetadata<Output>>;
  readonly [form]?: 'required';
}

/** A function whose input has no required member: the input may be left out. */
export interface OptionalInputFunction<Input, Output, Options = CallOptions> {
  (client: ServiceClient, input?: Input, options?: Options): Promise<WithMetadata<Output>>;
  readonly [form]?: 'optional';
}

/** A function with required members and a `DryRun` member. */
export interface DryRunFunction<Input, Output, Options = CallOptions> {
  (
    client: ServiceClient,
    input: Input & { DryRun?: false },
    options?: Options,
  ): Promise<WithMetadata<Output>>;
  /** As a dry run: checks permissions only, resolves to a DryRunOutcome. */
  (client: ServiceClient, input: Input & { DryRun: true }, options?: Options): Promise<DryRunOutcome>;
  (client: ServiceClient, input: Input, options?: Options): Promise<WithMetadata<Output> | DryRunOutcome>;
  readonly [form]?: 'dryRun';
}

/** A function with no required member and a `DryRun` member. */
export interface OptionalInputDryRunFunction<Input, Output, Options = CallOptions> {
  (
    client: ServiceClient,
    input?: Input & { DryRun?: false },
    options?: Options,
  ): Promise<WithMetadata<Output>>;
  /** As a dry run: checks permissions only, resolves to a DryRunOutcome. */
  (client: ServiceClient, input: Input & { DryRun: true }, options?: Options): Promise<DryRunOutcome>;
  (client: ServiceClient, input?: Input, options?: Options): Promise<WithMetadata<Output> | DryRunOutcome>;
  readonly [form]?: 'optionalDryRun';
}

/** The method forms: the same signatures without the client. */
export type OperationMethod<Input, Output, Options = CallOptions> = (
  input: Input,
  options?: Options,
) => Promise<WithMetadata<Output>>;

export type OptionalInputMethod<Input, Output, Options = CallOptions> = (
  input?: Input,
  options?: Options,
) => Promise<WithMetadata<Output>>;

export interface DryRunMethod<Input, Output, Options = CallOptions> {
  (input: Input & { DryRun?: false }, options?: Options): Promise<WithMetadata<Output>>;
  /** As a dry run: checks permissions only, resolves to a DryRunOutcome. */
  (input: Input & { DryRun: true }, options?: Options): Promise<DryRunOutcome>;
  (input: Input, options?: Options): Promise<WithMetadata<Output> | DryRunOutcome>;
}

export interface OptionalInputDryRunMethod<Input, Output, Options = CallOptions> {
  (input?: Input & { DryRun?: false }, options?: Options): Promise<WithMetadata<Output>>;
  /** As a dry run: checks permissions only, resolves to a DryRunOutcome. */
  (input: Input & { DryRun: true }, options?: Options): Promise<DryRunOutcome>;
  (input?: Input, options?: Options): Promise<WithMetadata<Output> | DryRunOutcome>;
}

/**
 * The method form of an operation function: `describeInstances(client, input)` ->
 * `client.describeInstances(input)`. The `form` brand keeps one form from matching another.
 */
export type MethodOf<Function> =
  Function extends OperationFunction<infer Input, infer Output, infer Options>
    ? OperationMethod<Input, Output, Options>
    : Function extends OptionalInputFunction<infer Input, infer Output, infer Options>
      ? OptionalInputMethod<Input, Output, Options>
      : Function extends DryRunFunction<infer Input, infer Output, infer Options>
        ? DryRunMethod<Input, Output, Options>
        : Function extends OptionalInputDryRunFunction<infer Input, infer Output, infer Options>
          ? OptionalInputDryRunMethod<Input, Output, Options>
          : never;

/** The input and output types of an operation function (`{ input: DescribeInstancesRequest; output: ... }`). */
export type OperationTypes<Function> =
  Function extends OperationFunction<infer Input, infer Output, infer _Options>
    ? { input: Input; output: Output }
    : Function extends OptionalInputFunction<infer Input, infer Output, infer _Options>
      ? { input: Input; output: Output }
      : Function extends DryRunFunction<infer Input, infer Output, infer _Options>
        ? { input: Input; output: Output }
        : Function extends OptionalInputDryRunFunction<infer Input, infer Output, infer _Options>
          ? { input: Input; output: Output }
          : never;
