// The values a rule set computes with, and the shape of a rule function: shared by the engine and
// the function libraries (rule-functions.ts, aws-functions.ts).

/** A rule-set value; `undefined` is "no value", which fails a condition. */
export type RuleValue =
  | string
  | number
  | boolean
  | undefined
  | readonly RuleValue[]
  | { readonly [key: string]: RuleValue };

export type RuleFunction = (args: readonly RuleValue[]) => RuleValue;
