import { MEMBER_BASE64_TEXT, memberHas, memberName, serializeRequestBody } from '@boto-ts/core';
import { describe, expect, it } from 'vitest';
import { ec2Service, loadEC2Operation } from '../index.js';
import { RunInstancesOperation } from '../operations.js';
import { runInstancesUserData, withUserDataAsGiven } from './user-data.js';

const script = '#!/bin/bash\necho "héllo" > /tmp/greeting\n';
const input = { MinCount: 1, MaxCount: 1, ImageId: 'ami-1', UserData: script };

function userDataParameter(body: string): string | null {
  return new URLSearchParams(body).get('UserData');
}

describe('RunInstances UserData', () => {
  it('is sent base64-encoded (UTF-8) when given as text, as boto3 does', async () => {
    for (const operation of [RunInstancesOperation, await loadEC2Operation('RunInstances')]) {
      const call = runInstancesUserData(operation, input, undefined);
      expect(call.operation).toBe(operation);
      expect(call.input).toBe(input);
      const sent = userDataParameter(serializeRequestBody(ec2Service, call.operation, call.input as object));
      expect(sent).toBe(Buffer.from(script, 'utf8').toString('base64'));
      expect(Buffer.from(sent as string, 'base64').toString('utf8')).toBe(script);
    }
  });

  it("is sent as given with userDataEncoding: 'base64' (gzip or other binary user data)", () => {
    const encoded = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0xff, 0xfe]).toString('base64');
    const call = runInstancesUserData(
      RunInstancesOperation,
      { ...input, UserData: encoded },
      { userDataEncoding: 'base64' },
    );
    expect(userDataParameter(serializeRequestBody(ec2Service, call.operation, call.input as object))).toBe(
      encoded,
    );
  });

  it('clears only the base64-text flag, on a copy, built once per schema', () => {
    const copy = withUserDataAsGiven(RunInstancesOperation);
    expect(withUserDataAsGiven(RunInstancesOperation)).toBe(copy);
    const original = RunInstancesOperation.input?.members.find((m) => memberName(m) === 'UserData');
    const cleared = copy.input?.members.find((m) => memberName(m) === 'UserData');
    expect(original && memberHas(original, MEMBER_BASE64_TEXT)).toBe(true);
    expect(cleared && memberHas(cleared, MEMBER_BASE64_TEXT)).toBe(false);
    expect(cleared?.[2]).toBe((original?.[2] ?? 0) & ~MEMBER_BASE64_TEXT);
    expect(copy.input?.members.filter((m) => memberName(m) !== 'UserData')).toEqual(
      RunInstancesOperation.input?.members.filter((m) => memberName(m) !== 'UserData'),
    );
  });

  it('leaves calls without the option, or without UserData, untouched', () => {
    expect(runInstancesUserData(RunInstancesOperation, input, { userDataEncoding: 'text' }).operation).toBe(
      RunInstancesOperation,
    );
    const noUserData = {
      ...RunInstancesOperation,
      input: { kind: 'structure', name: 'X', members: [] },
    } as const;
    expect(runInstancesUserData(noUserData, {}, { userDataEncoding: 'base64' }).operation).toBe(noUserData);
  });
});
