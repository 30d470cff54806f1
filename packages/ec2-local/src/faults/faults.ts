// Fault injection, so retries can be seen and tested: throttle or fail every Nth call, drop the
// connection before or in the middle of a response, add latency, skew the server clock. Faults are
// set with the `faults` option, `server.setFaults()`, or the control endpoint; `next` queues one-shot
// faults for the next calls, in order.

export type FaultKind = 'throttle' | 'server-error' | 'reset-before' | 'reset-mid-response';

export const FAULT_KINDS: readonly FaultKind[] = [
  'throttle',
  'server-error',
  'reset-before',
  'reset-mid-response',
];

export interface FaultOptions {
  /** Every Nth call answers 503 RequestLimitExceeded. */
  readonly throttleEvery?: number;
  /** Every Nth call answers `serverErrorStatus`. */
  readonly serverErrorEvery?: number;
  /** 500 InternalError (default), 503 Unavailable (EC2 XML), or 502/504 with an HTML body as a proxy would send. */
  readonly serverErrorStatus?: 500 | 502 | 503 | 504;
  /** Every Nth call: the connection is closed before any response byte. */
  readonly resetBeforeEvery?: number;
  /** Every Nth call: the status, headers and half the body are sent, then the connection is destroyed. */
  readonly resetMidResponseEvery?: number;
  /** Added before every EC2 response, in ms. */
  readonly latencyMs?: number;
  /** The server clock runs this many ms ahead (negative: behind); signatures and the Date header use it. */
  readonly clockSkewMs?: number;
  /** Only these actions count towards and receive the every-Nth faults and `next` (default: all). */
  readonly actions?: readonly string[];
  /** One-shot faults for the next calls, in order, before any every-Nth rule. */
  readonly next?: readonly FaultKind[];
}

function checkEvery(name: string, value: number | undefined): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 1)) {
    throw new RangeError(`faults.${name} must be a whole number >= 1, got ${value}`);
  }
}

export function validateFaults(options: FaultOptions): FaultOptions {
  checkEvery('throttleEvery', options.throttleEvery);
  checkEvery('serverErrorEvery', options.serverErrorEvery);
  checkEvery('resetBeforeEvery', options.resetBeforeEvery);
  checkEvery('resetMidResponseEvery', options.resetMidResponseEvery);
  if (options.serverErrorStatus !== undefined && ![500, 502, 503, 504].includes(options.serverErrorStatus)) {
    throw new RangeError(
      `faults.serverErrorStatus must be 500, 502, 503 or 504, got ${options.serverErrorStatus}`,
    );
  }
  if (options.latencyMs !== undefined && !(options.latencyMs >= 0 && Number.isFinite(options.latencyMs))) {
    throw new RangeError(`faults.latencyMs must be a number of ms >= 0, got ${options.latencyMs}`);
  }
  if (options.clockSkewMs !== undefined && !Number.isFinite(options.clockSkewMs)) {
    throw new RangeError(`faults.clockSkewMs must be a finite number of ms, got ${options.clockSkewMs}`);
  }
  for (const kind of options.next ?? []) {
    if (!FAULT_KINDS.includes(kind))
      throw new RangeError(
        `faults.next: unknown fault ${JSON.stringify(kind)} (use ${FAULT_KINDS.join(', ')})`,
      );
  }
  return options;
}

/** The current fault settings and the call counter they apply to. */
export class FaultPlan {
  #options: FaultOptions;
  #queue: FaultKind[];
  #calls = 0;

  constructor(options: FaultOptions = {}) {
    this.#options = validateFaults(options);
    this.#queue = [...(options.next ?? [])];
  }

  /** Replaces every setting and restarts the call count. */
  replace(options: FaultOptions): void {
    this.#options = validateFaults(options);
    this.#queue = [...(options.next ?? [])];
    this.#calls = 0;
  }

  /** The settings in force, with what is left of the `next` queue. */
  get options(): FaultOptions {
    return { ...this.#options, next: [...this.#queue] };
  }

  get latencyMs(): number {
    return this.#options.latencyMs ?? 0;
  }

  get clockSkewMs(): number {
    return this.#options.clockSkewMs ?? 0;
  }

  get serverErrorStatus(): 500 | 502 | 503 | 504 {
    return this.#options.serverErrorStatus ?? 500;
  }

  /** The fault for one EC2 call, if any; counts the call when it is subject to faults. */
  decide(action: string | undefined): FaultKind | undefined {
    const only = this.#options.actions;
    if (only && only.length > 0 && (action === undefined || !only.includes(action))) return undefined;
    this.#calls += 1;
    const queued = this.#queue.shift();
    if (queued) return queued;
    const n = this.#calls;
    const hits = (every: number | undefined) => every !== undefined && n % every === 0;
    if (hits(this.#options.resetBeforeEvery)) return 'reset-before';
    if (hits(this.#options.resetMidResponseEvery)) return 'reset-mid-response';
    if (hits(this.#options.serverErrorEvery)) return 'server-error';
    if (hits(this.#options.throttleEvery)) return 'throttle';
    return undefined;
  }
}
