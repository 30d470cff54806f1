import { describe, expect, it } from 'vitest';
import { EndpointError } from '../errors/errors.js';
import { ruleFunctions } from './rule-functions.js';
import type { RuleSet } from './rule-set.js';
import { expandTemplate, RuleSetError, resolveRuleSet } from './rules-engine.js';

const fn = (name: string, ...args: Parameters<(typeof ruleFunctions)[string]>[0]) =>
  ruleFunctions[name]!(args);

describe('template expansion', () => {
  it('substitutes references and attribute paths, and keeps doubled braces as literal braces', () => {
    const scope = { Region: 'eu-west-1', P: { dnsSuffix: 'amazonaws.com', list: ['a', 'b'] } };
    expect(expandTemplate('https://svc.{Region}.{P#dnsSuffix}', scope)).toBe(
      'https://svc.eu-west-1.amazonaws.com',
    );
    expect(expandTemplate('{P#list[1]}-{{literal}}', scope)).toBe('b-{literal}');
  });
  it('fails loudly on a reference with no value instead of writing "undefined" into a URL', () => {
    expect(() => expandTemplate('https://{Missing}.example', {})).toThrow(EndpointError);
  });
});

describe('rule functions', () => {
  it('substring counts from either end and yields nothing when out of range or non-ASCII', () => {
    expect(fn('substring', 'abcdefg', 0, 3, false)).toBe('abc');
    expect(fn('substring', 'abcdefg', 0, 3, true)).toBe('efg');
    expect(fn('substring', 'abc', 1, 4, false)).toBeUndefined();
    expect(fn('substring', 'abc', 2, 2, false)).toBeUndefined();
    expect(fn('substring', 'ab\u00e9cd', 0, 2, false)).toBeUndefined();
  });
  it('uriEncode encodes everything but unreserved characters', () => {
    expect(fn('uriEncode', "a b/c?d=e&f*g'(h)!~")).toBe('a%20b%2Fc%3Fd%3De%26f%2Ag%27%28h%29%21~');
  });
  it('parseURL splits scheme, authority and path, flags IPs, and refuses query strings', () => {
    expect(fn('parseURL', 'https://example.com:8443/base')).toEqual({
      scheme: 'https',
      authority: 'example.com:8443',
      path: '/base',
      normalizedPath: '/base/',
      isIp: false,
    });
    expect(fn('parseURL', 'http://127.0.0.1')).toMatchObject({
      authority: '127.0.0.1',
      path: '',
      normalizedPath: '/',
      isIp: true,
    });
    expect(fn('parseURL', 'https://example.com/?x=1')).toBeUndefined();
    expect(fn('parseURL', 'ftp://example.com')).toBeUndefined();
    expect(fn('parseURL', 'not a url')).toBeUndefined();
  });
  it('isValidHostLabel checks one label, or dotted labels when sub-domains are allowed', () => {
    expect(fn('isValidHostLabel', 'us-east-1', false)).toBe(true);
    expect(fn('isValidHostLabel', 'a.b', false)).toBe(false);
    expect(fn('isValidHostLabel', 'a.b', true)).toBe(true);
    expect(fn('isValidHostLabel', '-a', false)).toBe(false);
    expect(fn('isValidHostLabel', 'a'.repeat(64), false)).toBe(false);
    expect(fn('isValidHostLabel', 'a..b', true)).toBe(false);
    expect(fn('isValidHostLabel', 'a.b.', true)).toBe(false);
  });
  it('parseURL judges an IP by the host the URL parser reads, which is where a request would go', () => {
    // WHATWG URL parsing reads `10.1` as 10.0.0.1, so a bucket must not be put in front of it.
    expect(fn('parseURL', 'https://10.1:8443')).toMatchObject({ authority: '10.1:8443', isIp: true });
    expect(fn('parseURL', 'http://192.168.0.1:80/p')).toMatchObject({
      authority: '192.168.0.1:80',
      path: '/p',
      isIp: true,
    });
    expect(fn('parseURL', 'https://[::1]:8443')).toMatchObject({ authority: '[::1]:8443', isIp: true });
    expect(fn('parseURL', 'https://10.example:8443')).toMatchObject({ isIp: false });
  });
  it('getAttr walks keys and list indexes, and yields nothing past the end', () => {
    const value = { resourceId: ['accesspoint', 'name'], nested: { list: [{ k: 'v' }] } };
    expect(fn('getAttr', value, 'resourceId[1]')).toBe('name');
    expect(fn('getAttr', value, 'nested.list[0].k')).toBe('v');
    expect(fn('getAttr', value, 'resourceId[2]')).toBeUndefined();
    expect(fn('getAttr', value, 'missing.key')).toBeUndefined();
    expect(fn('getAttr', ['a', 'b'], '[1]')).toBe('b');
  });
  it('stringEquals and booleanEquals are false, not an error, for an unset or mistyped argument', () => {
    expect(fn('stringEquals', 'a', 'a')).toBe(true);
    expect(fn('stringEquals', undefined, 'a')).toBe(false);
    expect(fn('stringEquals', true, 'true')).toBe(false);
    expect(fn('booleanEquals', false, false)).toBe(true);
    expect(fn('booleanEquals', undefined, false)).toBe(false);
    expect(fn('booleanEquals', 'true', true)).toBe(false);
  });
});

describe('rule set evaluation', () => {
  const ruleSet: RuleSet = {
    version: '1.0',
    parameters: {
      Region: { type: 'string', builtIn: 'AWS::Region' },
      Flag: { type: 'boolean', required: true, default: false },
    },
    rules: [
      {
        type: 'tree',
        conditions: [
          { fn: 'isSet', argv: [{ ref: 'Region' }] },
          { fn: 'aws.partition', argv: [{ ref: 'Region' }], assign: 'P' },
        ],
        rules: [
          {
            type: 'error',
            conditions: [{ fn: 'booleanEquals', argv: [{ ref: 'Flag' }, true] }],
            error: 'Flag set for {Region}',
          },
          {
            type: 'endpoint',
            conditions: [
              { fn: 'stringEquals', argv: [{ fn: 'getAttr', argv: [{ ref: 'P' }, 'name'] }, 'aws'] },
            ],
            endpoint: {
              url: 'https://x.{Region}.{P#dnsSuffix}',
              properties: { authSchemes: [{ name: 'sigv4', signingRegion: '{Region}' }] },
              headers: { 'x-test': ['{P#name}'] },
            },
          },
        ],
      },
      {
        type: 'endpoint',
        // `P` was assigned inside the first rule only: here it must not be visible.
        conditions: [{ fn: 'isSet', argv: [{ ref: 'P' }] }],
        endpoint: { url: 'https://leaked-scope' },
      },
      { type: 'error', conditions: [], error: 'no region' },
    ],
  };

  it('returns the first matching endpoint with templated properties and headers', () => {
    expect(resolveRuleSet(ruleSet, { Region: 'us-west-2' })).toEqual({
      url: 'https://x.us-west-2.amazonaws.com',
      properties: { authSchemes: [{ name: 'sigv4', signingRegion: 'us-west-2' }] },
      headers: { 'x-test': ['aws'] },
    });
  });
  it('raises the error rule with its expanded message', () => {
    expect(() => resolveRuleSet(ruleSet, { Region: 'us-west-2', Flag: true })).toThrow(RuleSetError);
    expect(() => resolveRuleSet(ruleSet, { Region: 'us-west-2', Flag: true })).toThrow(
      'Flag set for us-west-2',
    );
  });
  it('treats a tree whose conditions matched but whose rules did not as an error', () => {
    expect(() => resolveRuleSet(ruleSet, { Region: 'cn-north-1' })).toThrow(/no rule matched inside a tree/);
  });
  it('keeps assigned names scoped to their rule', () => {
    expect(() => resolveRuleSet(ruleSet, {})).toThrow('no region');
  });
  it('checks parameter types and required parameters', () => {
    expect(() => resolveRuleSet(ruleSet, { Region: 'us-east-1', Flag: 'yes' })).toThrow(
      /Flag must be a boolean/,
    );
    const required: RuleSet = { ...ruleSet, parameters: { Region: { type: 'string', required: true } } };
    expect(() => resolveRuleSet(required, {})).toThrow(/Region is required/);
  });
  it('names an unknown function instead of silently skipping it', () => {
    const unknown: RuleSet = {
      version: '1.0',
      parameters: {},
      rules: [
        {
          type: 'endpoint',
          conditions: [{ fn: 'aws.somethingNew', argv: [] }],
          endpoint: { url: 'https://x' },
        },
      ],
    };
    expect(() => resolveRuleSet(unknown, {})).toThrow(/aws\.somethingNew.*endpointUrl/);
  });
});
