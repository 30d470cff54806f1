// Test helpers: run actions in-process against a fresh account state (no HTTP), with a controllable
// clock, and read results as plain objects.

import { performAction } from '../actions/registry.js';
import { resolveAccounts } from '../auth/accounts.js';
import { Ec2Error } from '../protocol/errors.js';
import { Params } from '../protocol/params.js';
import type { XmlObject } from '../protocol/xml.js';
import { resolveDelays, type StateDelaysOption } from '../state/delays.js';
import { buildImages, type ImageSpec } from '../state/images.js';
import { settle } from '../state/lifecycle.js';
import { Ec2State, randomIds } from '../state/store.js';

export interface Harness {
  readonly state: Ec2State;
  /** Current fake time (ms). */
  now: number;
  /** Runs an action with flat wire parameters; resolves to the response members. */
  call(action: string, params?: Record<string, string | number | boolean>): Promise<XmlObject>;
  /** Runs an action expected to fail; resolves to the Ec2Error. */
  fail(action: string, params?: Record<string, string | number | boolean>): Promise<Ec2Error>;
  /** Moves the fake clock forward. */
  tick(ms: number): void;
}

export function harness(
  options: { stateDelays?: StateDelaysOption; images?: ImageSpec[]; deny?: string[]; region?: string } = {},
): Harness {
  let seq = 0;
  const account = resolveAccounts([
    { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret', deny: options.deny ?? [] },
  ])[0]!;
  const state = new Ec2State({
    accountId: account.accountId,
    region: options.region ?? 'us-east-1',
    delays: resolveDelays(options.stateDelays ?? 'instant'),
    images: buildImages(options.images ?? [], randomIds, () => ++seq),
  });
  const h: Harness = {
    state,
    now: Date.UTC(2025, 0, 1, 12, 0, 0),
    async call(action, params = {}) {
      settle(state, h.now);
      const pairs = Object.entries(params).map(([k, v]) => [k, String(v)] as const);
      return performAction({
        action,
        params: Params.fromPairs(pairs),
        state,
        account,
        now: h.now,
        requestId: 'test-request',
      });
    },
    async fail(action, params = {}) {
      try {
        await h.call(action, params);
      } catch (error) {
        if (error instanceof Ec2Error) return error;
        throw error;
      }
      throw new Error(`${action} succeeded but a failure was expected`);
    },
    tick(ms) {
      h.now += ms;
    },
  };
  return h;
}

/** Reads a nested member of an XmlObject by path (`instancesSet.0.instanceId`). */
export function pick(value: unknown, path: string): unknown {
  let current: unknown = value;
  for (const part of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** `InstanceId.1=a&InstanceId.2=b` style flattening of a list. */
export function flat(name: string, values: readonly string[]): Record<string, string> {
  return Object.fromEntries(values.map((v, i) => [`${name}.${i + 1}`, v]));
}
