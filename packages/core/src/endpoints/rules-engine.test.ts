import { describe, expect, it } from 'vitest';
import { EndpointError } from '../errors/errors.js';
import { findPartition } from './partition.js';
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
  });
  it('aws.parseArn splits an ARN and rejects what is not one', () => {
    expect(fn('aws.parseArn', 'arn:aws:iam::123456789012:role/path/Name')).toEqual({
      partition: 'aws',
      service: 'iam',
      region: '',
      accountId: '123456789012',
      resourceId: ['role', 'path', 'Name'],
    });
    expect(fn('aws.parseArn', 'arn:aws:s3')).toBeUndefined();
    expect(fn('aws.parseArn', 'nope:aws:s3:::b')).toBeUndefined();
  });
  it('aws.partition prefers a listed region, then a pattern, then falls back to aws', () => {
    expect(findPartition('aws-cn-global')).toMatchObject({
      matchedBy: 'region',
      outputs: { name: 'aws-cn' },
    });
    expect(findPartition('cn-east-9')).toMatchObject({ matchedBy: 'regex', outputs: { name: 'aws-cn' } });
    expect(findPartition('us-gov-west-1').outputs.name).toBe('aws-us-gov');
    expect(findPartition('moon-base-1')).toMatchObject({ matchedBy: 'default', outputs: { name: 'aws' } });
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
