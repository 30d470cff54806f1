// A small interpreter for endpoint rule sets: evaluates conditions in order, binds `assign`ed values,
// expands `{Name}` / `{Name#path}` templates, and returns the first matching endpoint or error rule.
// It knows nothing about AWS settings; resolve.ts maps client options onto the rule set's parameters.

import { EndpointError } from '../errors/errors.js';
import { getAttr, type RuleFunction, type RuleValue, ruleFunctions } from './rule-functions.js';
import type {
  Rule,
  RuleCondition,
  RuleExpression,
  RuleFunctionCall,
  RuleSet,
  RuleSetEndpoint,
} from './rule-set.js';

type Scope = Record<string, RuleValue>;

/** An `error` rule matched: the rule set's own message (e.g. "FIPS is enabled but this partition does not support FIPS"). */
export class RuleSetError extends EndpointError {
  constructor(message: string) {
    super(message);
  }
}

function isReference(expression: object): expression is { readonly ref: string } {
  return 'ref' in expression && typeof (expression as { ref: unknown }).ref === 'string';
}

function isCall(expression: object): expression is RuleFunctionCall {
  return 'fn' in expression && typeof (expression as { fn: unknown }).fn === 'string';
}

/** Expands a template string: `{Region}`, `{PartitionResult#dnsSuffix}`, `{{` and `}}` for literal braces. */
export function expandTemplate(template: string, scope: Scope): string {
  if (!template.includes('{') && !template.includes('}')) return template;
  let out = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '{' && template[i + 1] === '{') {
      out += '{';
      i += 2;
    } else if (c === '}' && template[i + 1] === '}') {
      out += '}';
      i += 2;
    } else if (c === '{') {
      const close = template.indexOf('}', i);
      if (close === -1) throw new EndpointError(`endpoint rule set: unclosed "{" in template ${template}`);
      const inner = template.slice(i + 1, close);
      const hash = inner.indexOf('#');
      const value = hash === -1 ? scope[inner] : getAttr(scope[inner.slice(0, hash)], inner.slice(hash + 1));
      if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
        throw new EndpointError(
          `endpoint rule set: template ${template} refers to {${inner}}, which has no value`,
        );
      }
      out += String(value);
      i = close + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

function evaluate(expression: RuleExpression, scope: Scope): RuleValue {
  if (typeof expression === 'string') return expandTemplate(expression, scope);
  if (typeof expression !== 'object' || expression === null) return expression;
  if (Array.isArray(expression)) return expression.map((item: RuleExpression) => evaluate(item, scope));
  if (isReference(expression)) return scope[expression.ref];
  if (isCall(expression)) return call(expression, scope);
  const out: Record<string, RuleValue> = {};
  for (const [key, value] of Object.entries(expression as Record<string, RuleExpression>)) {
    out[key] = evaluate(value, scope);
  }
  return out;
}

function call(expression: RuleFunctionCall, scope: Scope): RuleValue {
  const fn: RuleFunction | undefined = ruleFunctions[expression.fn];
  if (fn === undefined) {
    throw new EndpointError(
      `endpoint rule set calls ${expression.fn}, which this version of boto-ts does not implement; pass endpointUrl to choose the endpoint yourself`,
    );
  }
  return fn(expression.argv.map((arg) => evaluate(arg, scope)));
}

/** Evaluates a rule's conditions; returns the scope to use for its body, or undefined when one fails. */
function matchConditions(conditions: readonly RuleCondition[], scope: Scope): Scope | undefined {
  let current = scope;
  for (const condition of conditions) {
    const value = call(condition, current);
    if (value === undefined || value === false) return undefined;
    if (condition.assign !== undefined) {
      current = Object.create(current) as Scope;
      current[condition.assign] = value;
    }
  }
  return current;
}

function stringList(value: RuleValue, what: string): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw new EndpointError(`endpoint rule set: ${what} is not a string`);
}

function evaluateRules(rules: readonly Rule[], scope: Scope): RuleSetEndpoint | undefined {
  for (const rule of rules) {
    const ruleScope = matchConditions(rule.conditions, scope);
    if (ruleScope === undefined) continue;
    if (rule.type === 'tree') {
      const result = evaluateRules(rule.rules, ruleScope);
      if (result !== undefined) return result;
      // A tree whose conditions matched is final: none of its rules matching is an error.
      throw new EndpointError('endpoint rule set: no rule matched inside a tree whose conditions matched');
    }
    if (rule.type === 'error') {
      const message = evaluate(rule.error, ruleScope);
      throw new RuleSetError(typeof message === 'string' ? message : 'endpoint rule set error');
    }
    const url = evaluate(rule.endpoint.url, ruleScope);
    if (typeof url !== 'string') throw new EndpointError('endpoint rule set: endpoint url is not a string');
    if (!URL.canParse(url)) {
      throw new EndpointError(
        `endpoint rule set: the endpoint ${JSON.stringify(url)} is not a valid URL; check the region and the parameters that go into the host name`,
      );
    }
    const properties: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(rule.endpoint.properties ?? {})) {
      properties[key] = evaluate(value, ruleScope);
    }
    const headers: Record<string, readonly string[]> = {};
    for (const [name, values] of Object.entries(rule.endpoint.headers ?? {})) {
      headers[name] = values.flatMap((v) => stringList(evaluate(v, ruleScope), `header ${name}`));
    }
    return { url, properties, headers };
  }
  return undefined;
}

function checkParameter(name: string, type: string, value: RuleValue): void {
  const kind = type.toLowerCase();
  const ok =
    kind === 'string'
      ? typeof value === 'string'
      : kind === 'boolean'
        ? typeof value === 'boolean'
        : Array.isArray(value) && value.every((v) => typeof v === 'string');
  if (!ok) throw new EndpointError(`endpoint parameter ${name} must be a ${type}, got ${typeof value}`);
}

/**
 * Resolves `ruleSet` with the given parameter values (missing ones take the rule set's defaults).
 * Throws RuleSetError for a matching error rule, EndpointError for anything else that goes wrong.
 */
export function resolveRuleSet(
  ruleSet: RuleSet,
  params: Readonly<Record<string, RuleValue>>,
): RuleSetEndpoint {
  const scope: Scope = Object.create(null) as Scope;
  for (const [name, spec] of Object.entries(ruleSet.parameters)) {
    const given = params[name];
    const value = given !== undefined ? given : (spec.default as RuleValue);
    if (value === undefined) {
      if (spec.required) throw new EndpointError(`endpoint parameter ${name} is required`);
      continue;
    }
    checkParameter(name, spec.type, value);
    scope[name] = value;
  }
  const endpoint = evaluateRules(ruleSet.rules, scope);
  if (endpoint === undefined) throw new EndpointError('endpoint rule set: no rule matched');
  return endpoint;
}
