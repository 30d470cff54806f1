// The data shape of a Smithy/botocore endpoint rule set (`endpoint-rule-set-1.json`), as the
// generator embeds it in each ServiceSchema. Only types: the interpreter lives in rules-engine.ts.

/** A value in a rule set: a literal, a template string, a reference, a function call, a list or an object. */
export type RuleExpression =
  | string
  | number
  | boolean
  | RuleReference
  | RuleFunctionCall
  | readonly RuleExpression[]
  | { readonly [key: string]: RuleExpression };

export interface RuleReference {
  readonly ref: string;
}

export interface RuleFunctionCall {
  readonly fn: string;
  readonly argv: readonly RuleExpression[];
}

/** A condition: a function call whose result must be truthy; `assign` names the result for later use. */
export interface RuleCondition extends RuleFunctionCall {
  readonly assign?: string;
}

export interface EndpointRule {
  readonly type: 'endpoint';
  readonly conditions: readonly RuleCondition[];
  readonly endpoint: {
    readonly url: RuleExpression;
    readonly properties?: { readonly [key: string]: RuleExpression };
    readonly headers?: { readonly [name: string]: readonly RuleExpression[] };
  };
}

export interface ErrorRule {
  readonly type: 'error';
  readonly conditions: readonly RuleCondition[];
  readonly error: RuleExpression;
}

export interface TreeRule {
  readonly type: 'tree';
  readonly conditions: readonly RuleCondition[];
  readonly rules: readonly Rule[];
}

export type Rule = EndpointRule | ErrorRule | TreeRule;

export interface RuleParameter {
  readonly type: 'string' | 'String' | 'boolean' | 'Boolean' | 'stringArray' | 'StringArray';
  /** Where an SDK takes the value from: `AWS::Region`, `AWS::UseFIPS`, `SDK::Endpoint`, ... */
  readonly builtIn?: string;
  readonly required?: boolean;
  readonly default?: string | boolean | readonly string[];
}

export interface RuleSet {
  readonly version: string;
  readonly parameters: { readonly [name: string]: RuleParameter };
  readonly rules: readonly Rule[];
}

/** What a rule set resolves to. */
export interface RuleSetEndpoint {
  readonly url: string;
  readonly properties: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, readonly string[]>>;
}
