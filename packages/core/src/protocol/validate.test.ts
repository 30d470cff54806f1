import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { hostLabel, runInstances, scalars } from './test-support/input-schemas.js';
import { validateInput } from './validate.js';

function problems(operation: Parameters<typeof validateInput>[0], input: unknown): string[] {
  try {
    validateInput(operation, input);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
  }
  return [];
}

describe('validateInput', () => {
  it('accepts a valid input and treats undefined and null as not set', () => {
    expect(
      problems(runInstances, {
        MinCount: 1,
        MaxCount: 1,
        ImageId: 'ami-1',
        InstanceType: undefined,
        DryRun: null,
      }),
    ).toEqual([]);
  });

  it('lists every problem at once, each with its path', () => {
    const found = problems(runInstances, {
      MinCount: 1,
      BlockDeviceMappings: [
        { DeviceName: '/dev/sda1', Ebs: { VolumeSize: '8' } },
        { Ebs: { VolumeSize: 8, Iops: 1.5 } },
      ],
      SecurityGroupIds: 'sg-1',
      TagSpecifications: [{ Tags: [{ Key: 'a', Value: 2 }] }],
      InstanceTyp: 't3.micro',
    });
    expect(found).toEqual([
      'BlockDeviceMappings[0].Ebs.VolumeSize: expected integer, got string',
      'BlockDeviceMappings[1].Ebs.Iops: expected integer, got a number with a fraction',
      'SecurityGroupIds: expected an array, got string',
      'TagSpecifications[0].Tags[0].Value: expected string, got number',
      'InstanceTyp: unknown member (did you mean InstanceType?)',
      'MaxCount: missing required member',
    ]);
  });

  it('says what to do in the error message and names the operation', () => {
    expect(() => validateInput(runInstances, {})).toThrow(
      /Invalid input for RunInstances \(nothing was sent\); fix these 2 problems:\n {2}- MaxCount: missing required member\n {2}- MinCount: missing required member/,
    );
  });

  it('does not require an idempotency token even when the model marks it required', () => {
    const op = {
      ...runInstances,
      input: {
        ...runInstances.input!,
        members: runInstances.input!.members.map((m) =>
          m[0] === 'ClientToken' ? ([m[0], m[1], 3] as const) : m,
        ),
      },
    };
    expect(problems(op, { MinCount: 1, MaxCount: 1 })).toEqual([]);
  });

  it("applies botocore's min constraints to string length, number value and list length", () => {
    expect(problems(scalars, { Name: 'a', Count: 0, Ids: [] })).toEqual([
      'Name: must be at least 2 character(s) long, got 1',
      'Count: must be >= 1, got 0',
      'Ids: must have at least 1 item(s), got 0',
    ]);
    expect(problems(scalars, { Name: '😀😀' })).toEqual([]);
  });

  it('accepts Date, ISO 8601 strings and epoch seconds for timestamps, and rejects the rest', () => {
    expect(problems(scalars, { At: new Date(), Epoch: '2015-01-25T08:00:00Z', Http: 1422172800 })).toEqual(
      [],
    );
    expect(problems(scalars, { At: new Date(Number.NaN), Epoch: 'yesterday', Http: true })).toEqual([
      'At: expected a Date, an ISO 8601 string or epoch seconds, got an invalid Date',
      'Epoch: expected a Date, an ISO 8601 string or epoch seconds, got a string that is not an ISO 8601 date',
      'Http: expected a Date, an ISO 8601 string or epoch seconds, got boolean',
    ]);
  });

  it('accepts Uint8Array, Buffer, ArrayBuffer and strings for blobs', () => {
    for (const Data of [
      new Uint8Array([1]),
      Buffer.from('x'),
      new ArrayBuffer(2),
      new DataView(new ArrayBuffer(1)),
      'text',
    ])
      expect(problems(scalars, { Data })).toEqual([]);
    expect(problems(scalars, { Data: [1, 2] })).toEqual([
      'Data: expected Uint8Array, ArrayBuffer or string, got array',
    ]);
  });

  it('checks numbers strictly: safe integers for integer, bigint also for long, any number for double', () => {
    expect(problems(scalars, { Count: 2 ** 53, Size: 2n ** 60n, Ratio: Number.NaN })).toEqual([
      'Count: expected integer, got a number beyond 2^53 that JavaScript cannot hold exactly',
    ]);
    expect(problems(scalars, { Count: Number.POSITIVE_INFINITY, Enabled: 'true' })).toEqual([
      'Count: expected integer, got Infinity',
      'Enabled: expected boolean, got string',
    ]);
  });

  it('checks map values by path and lists null items', () => {
    expect(problems(scalars, { Labels: { ok: 1, bad: 'x' }, Ids: ['a', null] })).toEqual([
      'Labels["bad"]: expected integer, got string',
      'Ids[1]: expected a list item, got null',
    ]);
  });

  it('never puts the offending value in a message (it may be a secret)', () => {
    const secret = 'AKIAIOSFODNN7EXAMPLE/secret';
    const found = problems(runInstances, {
      MinCount: secret,
      MaxCount: 1,
      UserData: 12,
      BlockDeviceMappings: [{ Ebs: { VolumeSize: secret } }],
    });
    expect(found.join('\n')).not.toContain(secret);
    expect(found).toContain('UserData: expected string, got number');
  });

  it('rejects an input that is not an object, and parameters for an operation that takes none', () => {
    expect(problems(runInstances, 'x')).toEqual([
      "expected an object with the operation's parameters, got string",
    ]);
    expect(problems(runInstances, [1])).toEqual([
      "expected an object with the operation's parameters, got array",
    ]);
    expect(problems({ name: 'NoInput' }, { A: 1 })).toEqual([
      'A: unknown member: NoInput takes no parameters',
    ]);
    expect(problems({ name: 'NoInput' }, undefined)).toEqual([]);
  });

  it('rejects strings with unpaired surrogates, which cannot be sent as UTF-8', () => {
    expect(problems(runInstances, { MinCount: 1, MaxCount: 1, ImageId: 'ami-\uD800' })).toEqual([
      'ImageId: contains an unpaired UTF-16 surrogate, which cannot be encoded as UTF-8',
    ]);
  });

  it('checks host labels, which become part of the endpoint host name', () => {
    expect(problems(hostLabel, { Label: 'bar-1' })).toEqual([]);
    expect(problems(hostLabel, { Label: 'bad.label' })[0]).toMatch(/^Label: must be a valid host name label/);
    expect(problems(hostLabel, {})).toEqual(['Label: missing required member']);
  });
});
