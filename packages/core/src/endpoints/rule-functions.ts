// The Smithy rules-engine standard library (isSet, not, booleanEquals, stringEquals, getAttr,
// substring, uriEncode, parseURL, isValidHostLabel, coalesce, ite, split), and the table of every
// function a rule set may call, with the `aws.*` ones from aws-functions.ts.

import { awsFunctions } from './aws-functions.js';
import type { RuleFunction, RuleValue } from './rule-values.js';

export type { RuleFunction, RuleValue } from './rule-values.js';

const HOST_LABEL = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/;
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;

function isValidHostLabel(value: RuleValue, allowSubDomains: RuleValue): boolean {
  if (typeof value !== 'string') return false;
  if (allowSubDomains !== true) return HOST_LABEL.test(value);
  return value.split('.').every((label) => HOST_LABEL.test(label));
}

/** `getAttr(value, "a.b[0]")`: walks object keys and list indexes; undefined when a step is missing. */
export function getAttr(value: RuleValue, path: string): RuleValue {
  let current: RuleValue = value;
  for (const part of path.split('.')) {
    const bracket = part.indexOf('[');
    const key = bracket === -1 ? part : part.slice(0, bracket);
    if (key !== '') {
      if (current === undefined || typeof current !== 'object' || Array.isArray(current)) return undefined;
      current = (current as { readonly [key: string]: RuleValue })[key];
    }
    if (bracket !== -1) {
      const index = Number(part.slice(bracket + 1, part.length - 1));
      if (!Array.isArray(current)) return undefined;
      current = index < 0 ? undefined : (current as readonly RuleValue[])[index];
    }
  }
  return current;
}

function substring(input: RuleValue, start: RuleValue, stop: RuleValue, reverse: RuleValue): RuleValue {
  if (typeof input !== 'string' || typeof start !== 'number' || typeof stop !== 'number') return undefined;
  // The spec works on ASCII only; any other character yields no value.
  for (let i = 0; i < input.length; i++) if (input.charCodeAt(i) > 0x7f) return undefined;
  if (start >= stop || input.length < stop) return undefined;
  if (reverse !== true) return input.substring(start, stop);
  return input.substring(input.length - stop, input.length - start);
}

function uriEncode(value: RuleValue): RuleValue {
  if (typeof value !== 'string') return undefined;
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function parseURL(value: RuleValue): RuleValue {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const scheme = url.protocol.slice(0, -1);
  if (scheme !== 'http' && scheme !== 'https') return undefined;
  // A URL with a query string or a fragment is not an endpoint.
  if (value.includes('?') || value.includes('#')) return undefined;
  const rest = value.slice(value.indexOf('//') + 2);
  const slash = rest.indexOf('/');
  // The authority as written (`new URL` would drop a default port).
  const authority = slash === -1 ? rest : rest.slice(0, slash);
  const path = slash === -1 ? '' : rest.slice(slash);
  // The host as the URL parser reads it, which is where a request goes: `10.1` is 10.0.0.1, an IP.
  const host = url.hostname;
  return {
    scheme,
    authority,
    path,
    normalizedPath: path.endsWith('/') ? path : `${path}/`,
    isIp: IPV4.test(host) || host.startsWith('['),
  };
}

function split(value: RuleValue, delimiter: RuleValue, limit: RuleValue): RuleValue {
  if (typeof value !== 'string' || typeof delimiter !== 'string' || delimiter === '') return undefined;
  const max = typeof limit === 'number' ? limit : 0;
  const pieces = value.split(delimiter);
  if (max <= 0 || pieces.length <= max) return pieces;
  return [...pieces.slice(0, max - 1), pieces.slice(max - 1).join(delimiter)];
}

/** The functions by name. Unknown names fail resolution with a clear error (see rules-engine.ts). */
export const ruleFunctions: Readonly<Record<string, RuleFunction>> = {
  isSet: ([value]) => value !== undefined,
  not: ([value]) => value !== true,
  booleanEquals: ([a, b]) => typeof a === 'boolean' && a === b,
  stringEquals: ([a, b]) => typeof a === 'string' && a === b,
  getAttr: ([value, path]) => (typeof path === 'string' ? getAttr(value, path) : undefined),
  substring: ([input, start, stop, reverse]) => substring(input, start, stop, reverse),
  uriEncode: ([value]) => uriEncode(value),
  parseURL: ([value]) => parseURL(value),
  isValidHostLabel: ([value, allowSubDomains]) => isValidHostLabel(value, allowSubDomains),
  coalesce: (args) => args.find((v) => v !== undefined),
  ite: ([condition, then, otherwise]) => (condition === true ? then : otherwise),
  split: ([value, delimiter, limit]) => split(value, delimiter, limit),
  ...awsFunctions,
};
