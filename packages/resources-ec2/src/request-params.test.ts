import { describe, expect, it } from 'vitest';
import type { ParamDefinition } from './definitions.js';
import { ResourceNotLoadedError } from './errors.js';
import { buildBatchParams, buildParams, mergeInput, type ParamOwner } from './request-params.js';

const owner = (identifiers: Record<string, string>, data?: object): ParamOwner => ({
  identifiers,
  data: (member) => {
    if (data === undefined) throw new ResourceNotLoadedError('Thing', member, 'load it');
    return data;
  },
});

describe('buildParams', () => {
  it('places identifiers and constants at list indexes and nested members', () => {
    const params: ParamDefinition[] = [
      { target: ['Filters', 0, 'Name'], from: 'value', value: 'vpc-id' },
      { target: ['Filters', 0, 'Values', 0], from: 'identifier', name: 'Id' },
      { target: ['InstanceIds', 0], from: 'identifier', name: 'Id' },
      { target: ['Attribute'], from: 'value', value: 'kernel' },
    ];
    expect(buildParams(params, owner({ Id: 'vpc-1' }))).toEqual({
      Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }],
      InstanceIds: ['vpc-1'],
      Attribute: 'kernel',
    });
  });

  it('reads data-sourced parameters through their compiled path, and needs loaded data for them', () => {
    const params: ParamDefinition[] = [
      {
        target: ['AttachmentId'],
        from: 'data',
        path: (data) => (data as { Attachment: { AttachmentId: string } }).Attachment.AttachmentId,
        expression: 'Attachment.AttachmentId',
      },
    ];
    expect(
      buildParams(params, owner({ Id: 'eni-1' }, { Attachment: { AttachmentId: 'eni-attach-1' } })),
    ).toEqual({
      AttachmentId: 'eni-attach-1',
    });
    expect(() => buildParams(params, owner({ Id: 'eni-1' }))).toThrow(ResourceNotLoadedError);
  });
});

describe('buildBatchParams', () => {
  it('appends each resource with [] and indexes it with [*]', () => {
    const params: ParamDefinition[] = [
      { target: ['Resources', '[]'], from: 'identifier', name: 'ResourceId' },
      { target: ['Tags', '[*]', 'Key'], from: 'identifier', name: 'Key' },
      { target: ['Tags', '[*]', 'Value'], from: 'identifier', name: 'Value' },
    ];
    const owners = [
      owner({ ResourceId: 'i-1', Key: 'env', Value: 'dev' }),
      owner({ ResourceId: 'i-2', Key: 'team', Value: 'core' }),
    ];
    expect(buildBatchParams(params, owners)).toEqual({
      Resources: ['i-1', 'i-2'],
      Tags: [
        { Key: 'env', Value: 'dev' },
        { Key: 'team', Value: 'core' },
      ],
    });
  });
});

describe('mergeInput', () => {
  it("appends the caller's lists after the built ones and merges objects", () => {
    const built = { Filters: [{ Name: 'vpc-id', Values: ['vpc-1'] }], Placement: { GroupName: 'g' } };
    const given = {
      Filters: [{ Name: 'instance-state-name', Values: ['running'] }],
      Placement: { Tenancy: 'default' },
      MaxResults: 5,
    };
    expect(mergeInput(built, given)).toEqual({
      Filters: [
        { Name: 'vpc-id', Values: ['vpc-1'] },
        { Name: 'instance-state-name', Values: ['running'] },
      ],
      Placement: { GroupName: 'g', Tenancy: 'default' },
      MaxResults: 5,
    });
  });

  it('changes neither argument and skips members given as undefined', () => {
    const built = { InstanceIds: ['i-1'], Force: false };
    const given = { InstanceIds: ['i-2'], Force: undefined };
    const merged = mergeInput(built, given);
    expect(merged).toEqual({ InstanceIds: ['i-1', 'i-2'], Force: false });
    expect(built).toEqual({ InstanceIds: ['i-1'], Force: false });
    expect(given.InstanceIds).toEqual(['i-2']);
  });
});
