// Delivers trace events: printed to stderr when `trace: true` or BOTO_TS_TRACE=1, and handed to the
// `logger` as structured events. Nothing here is built unless one of them is on, so an untraced call
// pays nothing. Every string is scrubbed of the call's known secrets (by value) on the way out.

import type { Logger, TraceEvent } from '../client/types.js';
import { formatTraceEvent } from './format.js';
import { scrubSecrets } from './redact.js';

export interface TracerOptions {
  /** Print to `write` (stderr by default). */
  readonly print: boolean;
  readonly logger?: Logger | undefined;
  readonly write?: ((text: string) => void) | undefined;
}

const LEVEL: Readonly<Record<string, 'debug' | 'info' | 'warn'>> = {
  retry: 'info',
  clockSkew: 'warn',
};

function scrubValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrubSecrets(value, secrets);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = scrubValue(v, secrets);
    return out;
  }
  return value;
}

export class Tracer {
  readonly #print: boolean;
  readonly #logger: Logger | undefined;
  readonly #write: (text: string) => void;

  constructor(options: TracerOptions) {
    this.#print = options.print;
    this.#logger = options.logger;
    this.#write = options.write ?? ((text) => process.stderr.write(text));
  }

  /** Sends one event. `secrets`: values that must not appear (this call's secret key, token, signatures). */
  emit(event: TraceEvent, secrets: readonly string[]): void {
    const clean = scrubValue(event, secrets) as TraceEvent;
    if (this.#print) this.#write(formatTraceEvent(clean));
    const logger = this.#logger;
    if (logger !== undefined) {
      const level = LEVEL[clean.type] ?? 'debug';
      logger[level]?.(clean);
    }
  }
}

/** A tracer when tracing or a logger is on; undefined (no cost) otherwise. */
export function createTracer(
  options: { readonly trace?: boolean | undefined; readonly logger?: Logger | undefined },
  env: Readonly<Record<string, string | undefined>> = process.env,
  write?: (text: string) => void,
): Tracer | undefined {
  const fromEnv = env['BOTO_TS_TRACE'];
  const print = options.trace ?? (fromEnv === '1' || fromEnv === 'true');
  if (!print && options.logger === undefined) return undefined;
  return new Tracer({ print, logger: options.logger, write });
}
