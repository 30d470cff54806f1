// Everything one running endpoint owns apart from sockets: the accounts, one EC2 state per account
// (created on first use), the shared images, the fault plan and the clock, plus tracked timers so
// close() leaves nothing behind.

import type { Account } from '../auth/accounts.js';
import { type FaultOptions, FaultPlan } from '../faults/faults.js';
import type { ResolvedDelays } from '../state/delays.js';
import { advance, settle } from '../state/lifecycle.js';
import type { ImageRecord } from '../state/records.js';
import { Ec2State } from '../state/store.js';
import type { InstanceSummary, RequestLogEntry } from './options.js';

export interface RuntimeOptions {
  readonly region: string;
  readonly accounts: readonly Account[];
  readonly images: readonly ImageRecord[];
  readonly delays: ResolvedDelays;
  readonly faults: FaultOptions;
  readonly clock: () => number;
  readonly log: ((entry: RequestLogEntry) => void) | undefined;
  readonly maxBodyBytes: number;
}

export class Ec2LocalRuntime {
  readonly region: string;
  readonly accounts: ReadonlyMap<string, Account>;
  readonly faults: FaultPlan;
  readonly log: ((entry: RequestLogEntry) => void) | undefined;
  readonly maxBodyBytes: number;
  readonly #options: RuntimeOptions;
  readonly #states = new Map<string, Ec2State>();
  readonly #timers = new Map<NodeJS.Timeout, () => void>();
  #closed = false;

  constructor(options: RuntimeOptions) {
    this.#options = options;
    this.region = options.region;
    this.accounts = new Map(options.accounts.map((a) => [a.accessKeyId, a]));
    this.faults = new FaultPlan(options.faults);
    this.log = options.log;
    this.maxBodyBytes = options.maxBodyBytes;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The server's clock including any injected skew. */
  now(): number {
    return this.#options.clock() + this.faults.clockSkewMs;
  }

  /** The account's state with every due transition applied. */
  stateFor(accountId: string): Ec2State {
    let state = this.#states.get(accountId);
    if (!state) {
      state = new Ec2State({
        accountId,
        region: this.region,
        delays: this.#options.delays,
        images: this.#options.images,
      });
      this.#states.set(accountId, state);
    }
    settle(state, this.now());
    return state;
  }

  advance(): number {
    let moved = 0;
    for (const state of this.#states.values()) moved += advance(state, this.now());
    return moved;
  }

  reset(): void {
    this.#states.clear();
  }

  instances(accountId?: string): InstanceSummary[] {
    const rows: InstanceSummary[] = [];
    for (const [id, state] of this.#states) {
      if (accountId !== undefined && id !== accountId) continue;
      settle(state, this.now());
      for (const instance of state.instances.values()) {
        rows.push({
          accountId: id,
          instanceId: instance.id,
          reservationId: instance.reservationId,
          state: instance.state,
        });
      }
    }
    return rows;
  }

  /** Waits `ms` on an unref'd timer that close() cancels (resolving early). */
  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.#closed) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#timers.delete(timer);
        resolve();
      }, ms);
      timer.unref();
      this.#timers.set(timer, resolve);
    });
  }

  close(): void {
    this.#closed = true;
    for (const [timer, resolve] of this.#timers) {
      clearTimeout(timer);
      resolve();
    }
    this.#timers.clear();
  }
}
