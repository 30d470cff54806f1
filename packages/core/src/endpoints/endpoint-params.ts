// From one call to a rule set's parameter values: what an operation's input contributes (its static,
// member-bound and path-bound context parameters) and how that combines with the client's built-ins
// and client context parameters. Pure: the caller says where each value came from.

import { evaluateContextPath } from './context-path.js';
import type { RuleSet } from './rule-set.js';
import type { RuleValue } from './rule-values.js';

/** A value a rule-set parameter can hold. */
export type EndpointParameterValue = string | boolean | readonly string[];

/**
 * An operation's endpoint context parameters, as plain data (taken from the service model):
 * `staticContextParams` are fixed values, `contextParams` name the input member each parameter
 * reads (`{ Bucket: 'Bucket' }`), `operationContextParams` a JMESPath path into the input
 * (`{ ResourceArnList: 'keys(RequestItems)' }`).
 */
export interface OperationEndpointContext {
  readonly staticContextParams?: Readonly<Record<string, EndpointParameterValue>>;
  readonly contextParams?: Readonly<Record<string, string>>;
  readonly operationContextParams?: Readonly<Record<string, string>>;
}

function asParameterValue(value: unknown): EndpointParameterValue | undefined {
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return undefined;
}

/**
 * The parameters one operation call sets from its input. Where several name the same parameter the
 * static value wins, then the input member, then the path (botocore's and the v3 SDK's order).
 * Input values that are not a string, a boolean or a list of strings are left out.
 */
export function operationEndpointParams(
  context: OperationEndpointContext,
  input: Readonly<Record<string, unknown>> | undefined,
): Record<string, EndpointParameterValue> {
  const params: Record<string, EndpointParameterValue> = {};
  for (const [name, path] of Object.entries(context.operationContextParams ?? {})) {
    const value = asParameterValue(evaluateContextPath(path, input));
    if (value !== undefined) params[name] = value;
  }
  for (const [name, member] of Object.entries(context.contextParams ?? {})) {
    const value = asParameterValue(input?.[member]);
    if (value !== undefined) params[name] = value;
  }
  for (const [name, value] of Object.entries(context.staticContextParams ?? {})) params[name] = value;
  return params;
}

/** Where one call's parameter values come from, lowest precedence first. */
export interface EndpointParameterSources {
  /** By built-in name: `AWS::Region`, `AWS::UseFIPS`, `SDK::Endpoint`, `AWS::S3::ForcePathStyle`, ... */
  readonly builtIns?: Readonly<Record<string, EndpointParameterValue | undefined>>;
  /** The client's own settings for the service's client context parameters, by parameter name. */
  readonly clientContextParams?: Readonly<Record<string, EndpointParameterValue | undefined>>;
  /** What the operation's input sets (operationEndpointParams). */
  readonly operationParams?: Readonly<Record<string, EndpointParameterValue | undefined>>;
}

/**
 * The parameter values to resolve `ruleSet` with: for each parameter the operation's value, else the
 * client context parameter, else the built-in the parameter is bound to. Unset parameters are left
 * out, so the rules engine applies the rule set's defaults.
 */
export function bindEndpointParams(
  ruleSet: RuleSet,
  sources: EndpointParameterSources,
): Record<string, RuleValue> {
  const params: Record<string, RuleValue> = {};
  for (const [name, spec] of Object.entries(ruleSet.parameters)) {
    const value =
      sources.operationParams?.[name] ??
      sources.clientContextParams?.[name] ??
      (spec.builtIn === undefined ? undefined : sources.builtIns?.[spec.builtIn]);
    if (value !== undefined) params[name] = value;
  }
  return params;
}
