import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { encodeFormComponent, FORM_CONTENT_TYPE } from './form-encoding.js';
import { serializeRequestBody } from './serialize.js';
import { ec2Service, queryLists, queryService, runInstances, scalars } from './test-support/input-schemas.js';

/** The body minus `Action` and `Version`, for shorter expectations. */
function params(body: string): string {
  return body.split('&').slice(2).join('&');
}

describe('serializeRequestBody, ec2 protocol', () => {
  it('writes Action and Version, then members in the order the caller wrote them, lists flattened', () => {
    const body = serializeRequestBody(ec2Service, runInstances, {
      ImageId: 'ami-0abc',
      MinCount: 1,
      MaxCount: 2,
      SecurityGroupIds: ['sg-1', 'sg-2'],
      BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeSize: 8, DeleteOnTermination: false } }],
      TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'web server' }] }],
      DryRun: true,
    });
    expect(body).toBe(
      'Action=RunInstances&Version=2016-11-15&ImageId=ami-0abc&MinCount=1&MaxCount=2' +
        '&SecurityGroupId.1=sg-1&SecurityGroupId.2=sg-2' +
        '&BlockDeviceMapping.1.DeviceName=%2Fdev%2Fsda1&BlockDeviceMapping.1.Ebs.VolumeSize=8' +
        '&BlockDeviceMapping.1.Ebs.DeleteOnTermination=false' +
        '&TagSpecification.1.ResourceType=instance&TagSpecification.1.Tag.1.Key=Name&TagSpecification.1.Tag.1.Value=web%20server' +
        '&DryRun=true',
    );
  });

  it('omits empty lists and members that are undefined or null', () => {
    expect(
      params(
        serializeRequestBody(ec2Service, runInstances, {
          SecurityGroupIds: [],
          ImageId: undefined,
          DryRun: null,
          MinCount: 1,
        }),
      ),
    ).toBe('MinCount=1');
  });

  it('base64-encodes UserData from plain UTF-8 text, as boto3 does, unless told it is encoded already', () => {
    const script = '#!/bin/bash\necho "héllo"\n';
    const encoded = Buffer.from(script, 'utf8').toString('base64');
    expect(params(serializeRequestBody(ec2Service, runInstances, { UserData: script }))).toBe(
      `UserData=${encodeFormComponent(encoded)}`,
    );
    expect(
      params(
        serializeRequestBody(ec2Service, runInstances, { UserData: encoded }, { base64TextIsEncoded: true }),
      ),
    ).toBe(`UserData=${encodeFormComponent(encoded)}`);
  });

  it('writes booleans, numbers, special floats, timestamps and blobs the way the protocol tests expect', () => {
    const date = new Date(Date.UTC(2015, 0, 25, 8));
    expect(
      params(
        serializeRequestBody(ec2Service, scalars, {
          Enabled: false,
          Count: 10,
          Size: 2n ** 63n - 1n,
          Ratio: Number.NaN,
          At: date,
          Epoch: date,
          Http: date,
          Data: 'value',
        }),
      ),
    ).toBe(
      'Enabled=false&Count=10&Size=9223372036854775807&Ratio=NaN&At=2015-01-25T08%3A00%3A00Z&Epoch=1422172800' +
        '&Http=Sun%2C%2025%20Jan%202015%2008%3A00%3A00%20GMT&Data=dmFsdWU%3D',
    );
    expect(params(serializeRequestBody(ec2Service, scalars, { Ratio: Number.NEGATIVE_INFINITY }))).toBe(
      'Ratio=-Infinity',
    );
    expect(params(serializeRequestBody(ec2Service, scalars, { Ratio: 10.8 }))).toBe('Ratio=10.8');
  });

  it('accepts every timestamp and blob form validateInput accepts, with the same result', () => {
    const iso = 'At=2015-01-25T08%3A00%3A00Z';
    for (const At of [
      new Date(1422172800000),
      '2015-01-25T08:00:00Z',
      '2015-01-25T09:00:00+01:00',
      1422172800,
    ])
      expect(params(serializeRequestBody(ec2Service, scalars, { At }))).toBe(iso);
    for (const Data of [
      'abc',
      new TextEncoder().encode('abc'),
      Buffer.from('abc'),
      new TextEncoder().encode('abc').buffer,
    ])
      expect(params(serializeRequestBody(ec2Service, scalars, { Data }))).toBe('Data=YWJj');
  });

  it('percent-encodes the RFC 3986 way', () => {
    expect(encodeFormComponent("A-Z a_z.0~9!*'()+/=&é😀")).toBe(
      'A-Z%20a_z.0~9%21%2A%27%28%29%2B%2F%3D%26%C3%A9%F0%9F%98%80',
    );
    expect(FORM_CONTENT_TYPE).toBe('application/x-www-form-urlencoded; charset=utf-8');
  });

  it('refuses a string with an unpaired surrogate with a ValidationError, not a URIError', () => {
    expect(() => serializeRequestBody(ec2Service, runInstances, { ImageId: 'a\uDC00' })).toThrow(
      ValidationError,
    );
  });

  it('writes only Action and Version for an operation without input', () => {
    expect(serializeRequestBody(ec2Service, { name: 'DescribeRegions' }, {})).toBe(
      'Action=DescribeRegions&Version=2016-11-15',
    );
  });
});

describe('serializeRequestBody, query protocol', () => {
  it('writes lists as Name.member.N, or the list member name, and empty lists as Name=', () => {
    expect(
      params(serializeRequestBody(queryService, queryLists, { ListArg: ['a', 'b'], Named: ['c'] })),
    ).toBe('ListArg.member.1=a&ListArg.member.2=b&Named.item.1=c');
    expect(params(serializeRequestBody(queryService, queryLists, { ListArg: [] }))).toBe('ListArg=');
  });

  it('writes flattened lists as Name.N and nested lists with their own member level', () => {
    expect(
      params(serializeRequestBody(queryService, queryLists, { Flat: ['a', 'b'], Nested: [[1], [2, 3]] })),
    ).toBe(
      'Flat.1=a&Flat.2=b&Nested.member.1.member.1=1&Nested.member.2.member.1=2&Nested.member.2.member.2=3',
    );
  });

  it('writes maps as entry.N.key/value (N.K/V when flattened), in the caller order, omitting empty maps', () => {
    expect(
      params(
        serializeRequestBody(queryService, queryLists, { Map: { b: '2', a: '1' }, FlatMap: { k: 'v' } }),
      ),
    ).toBe(
      'Map.entry.1.key=b&Map.entry.1.value=2&Map.entry.2.key=a&Map.entry.2.value=1&FlatMap.1.K=k&FlatMap.1.V=v',
    );
    expect(params(serializeRequestBody(queryService, queryLists, { Map: {} }))).toBe('');
  });

  it('flattens lists under the ec2 protocol whatever the schema says', () => {
    expect(
      params(serializeRequestBody(ec2Service, queryLists, { ListArg: ['a'], Named: ['b'], Nested: [[1]] })),
    ).toBe('ListArg.1=a&Named.1=b&Nested.1.1=1');
  });
});
