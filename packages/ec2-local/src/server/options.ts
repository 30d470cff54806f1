// The public options of `startEc2Local` and the handle it returns.

import type { AccountOptions } from '../auth/accounts.js';
import type { FaultOptions } from '../faults/faults.js';
import type { StateDelaysOption } from '../state/delays.js';
import type { ImageSpec } from '../state/images.js';
import type { InstanceStateName } from '../state/records.js';

export interface Ec2LocalOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to listen on; default 127.0.0.1 (loopback only). */
  readonly host?: string;
  /** The one region this endpoint serves (credential scopes must name it); default us-east-1. */
  readonly region?: string;
  /** Lifecycle timing: milliseconds per step, `'instant'` or `'manual'`. Default: a second or two per step. */
  readonly stateDelays?: StateDelaysOption;
  /** Fault injection; can be changed later with `setFaults()` or the control endpoint. */
  readonly faults?: FaultOptions;
  /** Credentials the endpoint accepts; default one key pair (DEFAULT_CREDENTIALS) for account 123456789012. */
  readonly accounts?: readonly AccountOptions[];
  /** Extra AMIs besides the canned ones. */
  readonly images?: readonly ImageSpec[];
  /** The server clock in ms since the epoch; default Date.now. Tests pass a fake to step time. */
  readonly clock?: () => number;
  /** Called once per request after the response (never with secrets). */
  readonly log?: (entry: RequestLogEntry) => void;
  /** Largest accepted request body; default 1 MiB. */
  readonly maxBodyBytes?: number;
}

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly action: string | undefined;
  readonly status: number;
  /** The EC2 error code, when the answer is an error. */
  readonly code: string | undefined;
  /** The injected fault, if any. */
  readonly fault: string | undefined;
  readonly requestId: string;
  readonly durationMs: number;
}

export interface InstanceSummary {
  readonly accountId: string;
  readonly instanceId: string;
  readonly reservationId: string;
  readonly state: InstanceStateName;
}

export interface Ec2LocalServer {
  /** `http://host:port`, the endpoint URL to give a client. */
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  readonly region: string;
  /** The first account's credentials. */
  readonly credentials: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  readonly accountId: string;
  /** Fault settings in force (with what is left of the `next` queue). */
  readonly faults: FaultOptions;
  /** Replaces the fault settings and restarts their call count. */
  setFaults(faults: FaultOptions): void;
  /** Completes every in-flight lifecycle transition by one step; returns how many resources moved. */
  advance(): number;
  /** Forgets every resource of every account (the default network comes back fresh). */
  reset(): void;
  /** Instances of all accounts (or one), after applying due transitions. */
  instances(accountId?: string): InstanceSummary[];
  /** Stops listening, ends every open connection and cancels pending timers. */
  close(): Promise<void>;
}
