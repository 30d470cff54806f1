// ServiceClient: owns one client's configuration, resolved lazily on the first call (constructing a
// client reads no file and opens no socket), and runs operations through send-operation.ts, which
// loads with the rest of the pipeline on the first call (pipeline-loader.ts).
// Generated clients (EC2Client, the STS client) extend it; the bare per-operation functions call `send`.

import { BotoError, TimeoutError } from '../errors/errors.js';
import type { OperationSchema, ServiceSchema } from '../protocol/schema.js';
import type { Sleep } from '../retry/rate-limiter.js';
import { abortableSleep } from '../retry/sleep.js';
import { createTracer, type Tracer } from '../trace/tracer.js';
import type { DryRunOutcome } from './dry-run.js';
import type { WithMetadata } from './metadata.js';
import { loadPipeline } from './pipeline-loader.js';
import type { ClientSettings } from './settings.js';
import type { CallOptions, ClientConfig } from './types.js';

export class ServiceClient {
  readonly service: ServiceSchema;
  readonly config: ClientConfig;
  readonly #now: () => number;
  readonly #random: () => number;
  readonly #baseSleep: Sleep;
  readonly #tracer: Tracer | undefined;
  readonly #clock = { offsetMs: 0 };
  /** Retry and rate-limit waits in progress, so `destroy()` can end them. */
  readonly #waits = new Set<AbortController>();
  #settings: Promise<ClientSettings> | undefined;
  #destroyed = false;

  constructor(service: ServiceSchema, config: ClientConfig = {}) {
    this.service = service;
    this.config = config;
    const effects = config.effects;
    this.#now = effects?.now ?? Date.now;
    this.#random = effects?.random ?? Math.random;
    this.#baseSleep = effects?.sleep ?? abortableSleep;
    this.#tracer = createTracer(config, effects?.env, effects?.writeTrace);
  }

  /** Milliseconds added to the local clock when signing: learned from the service after a clock-skew error. */
  get clockOffsetMs(): number {
    return this.#clock.offsetMs;
  }

  /** A wait the caller's signal or `destroy()` can cut short. */
  readonly #sleep: Sleep = async (ms, signal) => {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    this.#waits.add(controller);
    try {
      await this.#baseSleep(ms, controller.signal);
    } finally {
      this.#waits.delete(controller);
      signal?.removeEventListener('abort', onAbort);
    }
  };

  #resolveSettings(): Promise<ClientSettings> {
    if (this.#settings === undefined) {
      const pending = loadPipeline().then((pipeline) =>
        pipeline.resolveClientSettings(this.service, this.config, {
          now: this.#now,
          random: this.#random,
          sleep: this.#sleep,
        }),
      );
      this.#settings = pending;
      // A failure (no region, a bad endpointUrl...) is not remembered: the next call tries again.
      pending.catch(() => {
        if (this.#settings === pending) this.#settings = undefined;
      });
    }
    return this.#settings;
  }

  /**
   * Runs `operation` with `input`; resolves to the decoded output with `$metadata`, or to a
   * DryRunOutcome when `input.DryRun` is true and the service answers DryRunOperation.
   */
  async send<Input extends object, Output extends object>(
    operation: OperationSchema,
    input: Input,
    options?: CallOptions,
  ): Promise<WithMetadata<Output>> {
    if (this.#destroyed) {
      throw new BotoError(
        'ClientDestroyed',
        `${operation.name}: this client was destroyed; create a new one to make calls`,
      );
    }
    const settings = await this.#resolveSettings();
    const { sendOperation, fillKeyedIdempotencyTokens } = await loadPipeline();
    // A caller's idempotencyKey fixes the tokens here, so every client gets it without generated code.
    const key = options?.idempotencyKey;
    const keyed = key === undefined ? input : fillKeyedIdempotencyTokens(this.service, operation, input, key);
    const result = await sendOperation(
      {
        service: this.service,
        settings,
        now: this.#now,
        clock: this.#clock,
        sleep: this.#sleep,
        tracer: this.#tracer,
      },
      operation,
      keyed,
      options,
    );
    return result as WithMetadata<Output> | DryRunOutcome as WithMetadata<Output>;
  }

  /** Closes the client's sockets (unless the transport was passed in) and ends its pending waits. */
  async destroy(): Promise<void> {
    this.#destroyed = true;
    for (const wait of this.#waits) {
      wait.abort(new TimeoutError('aborted', 'The client was destroyed while this call waited to retry.'));
    }
    this.#waits.clear();
    const settings = this.#settings;
    this.#settings = undefined;
    if (settings === undefined) return;
    const resolved = await settings.catch(() => undefined);
    if (resolved?.ownsTransport) await resolved.transport.destroy();
  }
}
