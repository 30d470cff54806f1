import { describe, expect, it } from 'vitest';
import { bindEndpointParams, operationEndpointParams } from './endpoint-params.js';
import type { RuleSet } from './rule-set.js';

describe('operationEndpointParams', () => {
  it('reads members, paths and static values from an operation input', () => {
    const params = operationEndpointParams(
      {
        staticContextParams: { UseS3ExpressControlEndpoint: true },
        contextParams: { Bucket: 'Bucket', Key: 'Key' },
        operationContextParams: { ResourceArnList: 'keys(RequestItems)' },
      },
      { Bucket: 'my-bucket', Key: 'a/b', RequestItems: { T1: {}, T2: {} } },
    );
    expect(params).toEqual({
      UseS3ExpressControlEndpoint: true,
      Bucket: 'my-bucket',
      Key: 'a/b',
      ResourceArnList: ['T1', 'T2'],
    });
  });

  it('lets the static value win over the member, and the member over the path', () => {
    const context = {
      staticContextParams: { A: 'static' },
      contextParams: { A: 'MemberA', B: 'MemberB' },
      operationContextParams: { A: 'PathA', B: 'PathB' },
    };
    const input = { MemberA: 'member', MemberB: 'member', PathA: 'path', PathB: 'path' };
    expect(operationEndpointParams(context, input)).toEqual({ A: 'static', B: 'member' });
  });

  it('leaves out members that are absent or not a string, boolean or list of strings', () => {
    const context = { contextParams: { A: 'Absent', B: 'Count', C: 'Mixed', D: 'Flag' } };
    expect(operationEndpointParams(context, { Count: 3, Mixed: ['a', 1], Flag: false })).toEqual({
      D: false,
    });
    expect(operationEndpointParams(context, undefined)).toEqual({});
  });
});

describe('bindEndpointParams', () => {
  const ruleSet: RuleSet = {
    version: '1.0',
    parameters: {
      Region: { type: 'String', builtIn: 'AWS::Region' },
      ForcePathStyle: { type: 'Boolean', builtIn: 'AWS::S3::ForcePathStyle', default: false },
      Accelerate: { type: 'Boolean', builtIn: 'AWS::S3::Accelerate' },
      Bucket: { type: 'String' },
    },
    rules: [],
  };

  it('takes the operation value, else the client context parameter, else the built-in', () => {
    expect(
      bindEndpointParams(ruleSet, {
        builtIns: {
          'AWS::Region': 'eu-west-1',
          'AWS::S3::ForcePathStyle': false,
          'AWS::S3::Accelerate': true,
        },
        clientContextParams: { ForcePathStyle: true, Accelerate: false },
        operationParams: { Accelerate: true, Bucket: 'b' },
      }),
    ).toEqual({ Region: 'eu-west-1', ForcePathStyle: true, Accelerate: true, Bucket: 'b' });
  });

  it('leaves unset parameters out, so the rule set applies its defaults, and ignores unknown names', () => {
    expect(
      bindEndpointParams(ruleSet, {
        builtIns: { 'AWS::Region': 'us-east-1', 'AWS::UseFIPS': true },
        operationParams: { NotAParameter: 'x' },
      }),
    ).toEqual({ Region: 'us-east-1' });
  });
});
