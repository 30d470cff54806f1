import { BotoError } from '@boto-ts/core';
import { describe, expect, it } from 'vitest';
import { getWaiter, waitUntil } from './ec2.js';
import { ec2Waiters } from './generated/ec2/index.js';
import { instances, scriptedClient } from './test-support/scripted-client.js';

describe('getWaiter and waitUntil', () => {
  it('have every EC2 waiter by camelCase model name, with the model delays', () => {
    expect(Object.keys(ec2Waiters).length).toBeGreaterThanOrEqual(40);
    for (const [name, spec] of Object.entries(ec2Waiters)) {
      expect(spec.name.charAt(0).toLowerCase() + spec.name.slice(1)).toBe(name);
      expect(spec.acceptors.some((acceptor) => acceptor.state === 'success')).toBe(true);
    }
    expect(ec2Waiters.instanceRunning).toMatchObject({
      delay: 15,
      maxAttempts: 40,
      operation: 'DescribeInstances',
    });
  });

  it('wait through the client method and resolve with the final response', async () => {
    const { client, calls } = scriptedClient([{ output: instances('running') }]);
    const result = await waitUntil(client, 'instanceRunning', { InstanceIds: ['i-1'] });
    expect(result.observed).toBe('instance i-1 is running');
    expect(calls.map((call) => call.method)).toEqual(['describeInstances']);
  });

  it('names a waiter that does not exist', () => {
    const { client } = scriptedClient([]);
    const call = () => getWaiter(client, 'instanceFlying' as 'instanceRunning');
    expect(call).toThrow(BotoError);
    expect(call).toThrow(/No EC2 waiter is named "instanceFlying"/);
  });
});
