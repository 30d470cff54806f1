import { describe, expect, it } from 'vitest';
import { acceptorMatches, describeAcceptor, firstMatch, type Outcome, sameValue } from './acceptors.js';
import {
  instanceExistsWaiter,
  instanceRunningWaiter,
  passwordDataAvailableWaiter,
  securityGroupVpcAssociationDisassociatedWaiter,
  volumeDeletedWaiter,
  vpcExistsWaiter,
} from './generated/ec2/index.js';
import type { Acceptor } from './spec.js';
import { instances, serviceError } from './test-support/scripted-client.js';

const ok = (output: object): Outcome => ({ output });
const failed = (code: string, status = 400): Outcome => ({ error: serviceError(code, status) });
const [allRunning, anyShuttingDown] = instanceRunningWaiter.acceptors as [Acceptor, Acceptor];

describe('path matchers', () => {
  it('pathAll matches when every instance is running, not when one is pending', () => {
    expect(acceptorMatches(allRunning, ok(instances('running', 'running')))).toBe(true);
    expect(acceptorMatches(allRunning, ok(instances('running', 'pending')))).toBe(false);
  });

  it('pathAll over an empty list is not a match (no instance is not "all running")', () => {
    expect(acceptorMatches(allRunning, ok({ Reservations: [] }))).toBe(false);
    expect(acceptorMatches(allRunning, ok({ Reservations: [{ Instances: [] }] }))).toBe(false);
  });

  it('pathAll and pathAny over a missing path are not a match', () => {
    expect(acceptorMatches(allRunning, ok({}))).toBe(false);
    expect(acceptorMatches(anyShuttingDown, ok({}))).toBe(false);
    expect(acceptorMatches(allRunning, ok({ Reservations: [{ Instances: [{ InstanceId: 'i-1' }] }] }))).toBe(
      false,
    );
  });

  it('pathAny matches when one instance is in the state', () => {
    expect(acceptorMatches(anyShuttingDown, ok(instances('running', 'shutting-down')))).toBe(true);
    expect(acceptorMatches(anyShuttingDown, ok(instances('running')))).toBe(false);
    expect(acceptorMatches(anyShuttingDown, ok({ Reservations: [] }))).toBe(false);
  });

  it('path compares the expression value: length(...) > 0 is true or false', () => {
    const exists = instanceExistsWaiter.acceptors[0]!;
    expect(acceptorMatches(exists, ok(instances('pending')))).toBe(true);
    expect(acceptorMatches(exists, ok({ Reservations: [] }))).toBe(false);
    const gone = securityGroupVpcAssociationDisassociatedWaiter.acceptors.find((a) => a.matcher === 'path')!;
    expect(acceptorMatches(gone, ok({ SecurityGroupVpcAssociations: [] }))).toBe(true);
    expect(acceptorMatches(gone, ok({ SecurityGroupVpcAssociations: [{ State: 'associated' }] }))).toBe(
      false,
    );
  });

  it('a JMESPath type error (length of a missing member) is no match, not a crash', () => {
    const password = passwordDataAvailableWaiter.acceptors[0]!;
    expect(acceptorMatches(password, ok({}))).toBe(false);
    expect(acceptorMatches(password, ok({ PasswordData: '' }))).toBe(false);
    expect(acceptorMatches(password, ok({ PasswordData: 'secret' }))).toBe(true);
    expect(acceptorMatches(instanceExistsWaiter.acceptors[0]!, ok({}))).toBe(false);
  });

  it('path matchers never match an error outcome', () => {
    expect(acceptorMatches(allRunning, failed('InvalidInstanceID.NotFound'))).toBe(false);
  });
});

describe('status and error matchers', () => {
  it('status matches the HTTP status of a success and of an error', () => {
    const status200 = vpcExistsWaiter.acceptors[0]!;
    expect(acceptorMatches(status200, ok({ Vpcs: [] }))).toBe(true);
    expect(acceptorMatches(status200, failed('InvalidVpcID.NotFound'))).toBe(false);
    const status404: Acceptor = { state: 'retry', matcher: 'status', expected: 404 };
    expect(acceptorMatches(status404, failed('NotFound', 404))).toBe(true);
  });

  it('error matches one code exactly', () => {
    const notFound = volumeDeletedWaiter.acceptors.find((a) => a.matcher === 'error')!;
    expect(acceptorMatches(notFound, failed('InvalidVolume.NotFound'))).toBe(true);
    expect(acceptorMatches(notFound, failed('InvalidVolume.Malformed'))).toBe(false);
    expect(acceptorMatches(notFound, ok({ Volumes: [] }))).toBe(false);
  });

  it('error true matches any error, error false matches only success', () => {
    const anyError: Acceptor = { state: 'failure', matcher: 'error', expected: true };
    const noError: Acceptor = { state: 'success', matcher: 'error', expected: false };
    expect(acceptorMatches(anyError, failed('Whatever'))).toBe(true);
    expect(acceptorMatches(anyError, ok({}))).toBe(false);
    expect(acceptorMatches(noError, ok({}))).toBe(true);
    expect(acceptorMatches(noError, failed('Whatever'))).toBe(false);
  });
});

describe('firstMatch', () => {
  it('takes acceptors in model order: the first match decides', () => {
    const acceptors: Acceptor[] = [
      { state: 'failure', matcher: 'error', expected: true },
      { state: 'retry', matcher: 'error', expected: 'Throttled' },
      { state: 'success', matcher: 'status', expected: 200 },
      { state: 'failure', matcher: 'status', expected: 200 },
    ];
    expect(firstMatch(acceptors, failed('Throttled'))).toMatchObject({ index: 0 });
    expect(firstMatch(acceptors, ok({}))).toMatchObject({ index: 2 });
    expect(firstMatch(acceptors.slice(1, 2), ok({}))).toBeUndefined();
  });
});

describe('sameValue and describeAcceptor', () => {
  it('compares like JMESPath == (deep, type-strict)', () => {
    expect(sameValue({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true);
    expect(sameValue(1, true)).toBe(false);
    expect(sameValue([], {})).toBe(false);
    expect(sameValue('0', 0)).toBe(false);
  });

  it('names each acceptor the way the model writes it', () => {
    expect(describeAcceptor(anyShuttingDown)).toBe(
      'pathAny Reservations[].Instances[].State.Name == "shutting-down"',
    );
    expect(describeAcceptor({ state: 'retry', matcher: 'error', expected: 'X' })).toBe('error X');
    expect(describeAcceptor({ state: 'retry', matcher: 'status', expected: 200 })).toBe('status 200');
  });
});
