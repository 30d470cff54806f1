// Type helpers for the generated action signatures: an action whose operation has a `DryRun` member
// resolves to its usual result without a dry run, and to a DryRunOutcome with `DryRun: true`.

/** The input of an action called for real. */
export type NotDryRun<Input> = Input & { readonly DryRun?: false | undefined };

/** The input of an action called as a dry run (permissions checked, nothing done). */
export type AsDryRun<Input> = Input & { readonly DryRun: true };
