// The options a user gives a client, and the settings a Session contributes to them.

import type { Credentials, CredentialsProvider } from '../credentials/types.js';
import type { Transport } from '../http/types.js';
import type { OutputDecoder } from '../xml/output-types.js';

export type RetryMode = 'standard' | 'adaptive' | 'legacy';

/** A structured event the pipeline emits at each step (trace and `logger`). Secrets are already `***`. */
export interface TraceEvent {
  /** `canonicalRequest`, `stringToSign`, `request`, `response`, `retry`, `credentials`, `endpoint`, ... */
  readonly type: string;
  readonly operation: string;
  readonly attempt: number;
  readonly [key: string]: unknown;
}

export interface Logger {
  debug?(event: TraceEvent): void;
  info?(event: TraceEvent): void;
  warn?(event: TraceEvent): void;
  error?(event: TraceEvent): void;
}

/** What a Session (profile, files, environment) supplies to a client it creates. */
export interface ClientDefaults {
  readonly region?: string | undefined;
  readonly credentials: CredentialsProvider;
  /** From `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, `[services]` or the profile's `endpoint_url`. */
  readonly endpointUrl?: string | undefined;
  readonly retryMode?: RetryMode | undefined;
  readonly maxAttempts?: number | undefined;
  readonly useFipsEndpoint?: boolean | undefined;
  readonly useDualstackEndpoint?: boolean | undefined;
  /** `AWS_SDK_UA_APP_ID` / `sdk_ua_app_id`. */
  readonly appId?: string | undefined;
}

/** The part of a Session the pipeline needs; `Session` implements it. */
export interface SessionLike {
  /** Settings for one service (`configKey` as in ServiceSchema: `ec2`, `sts`). */
  clientDefaults(configKey: string): ClientDefaults;
}

export interface ClientConfig {
  /** Take region, credentials and settings from this session (code options below still win). */
  readonly session?: SessionLike | undefined;
  readonly region?: string | undefined;
  /** Static credentials or a provider; a provider is called once per attempt, so it should cache. */
  readonly credentials?: Credentials | CredentialsProvider | undefined;
  /** Send every request to this URL instead of the resolved AWS endpoint (ec2-local, moto, a proxy). */
  readonly endpointUrl?: string | undefined;
  readonly useFipsEndpoint?: boolean | undefined;
  readonly useDualstackEndpoint?: boolean | undefined;
  /** Default `standard`. */
  readonly retryMode?: RetryMode | undefined;
  /** Attempts including the first; default 3 (standard/adaptive), 5 (legacy). */
  readonly maxAttempts?: number | undefined;
  /** The HTTP transport; default node:https with keep-alive. */
  readonly transport?: Transport | undefined;
  /** Per-call timeouts in milliseconds. */
  readonly timeouts?:
    | { readonly connectMs?: number; readonly firstByteMs?: number; readonly totalMs?: number }
    | undefined;
  /** Print each attempt's signed request and response, redacted, to stderr (also `BOTO_TS_TRACE=1`). */
  readonly trace?: boolean | undefined;
  /** Receives the same events as structured objects. */
  readonly logger?: Logger | undefined;
  /** Appended to the User-Agent as `app/<appId>`. */
  readonly appId?: string | undefined;
  /**
   * Decodes successful response bodies; default the built-in decoder. `fastXmlParserDecoder` (from
   * `@boto-ts/core`, needs the optional fast-xml-parser package) is the fallback with the same results.
   */
  readonly xmlDecoder?: OutputDecoder | undefined;
  /** Replaces the clock, randomness, sleeping and environment the client uses (tests, simulations). */
  readonly effects?: ClientEffects | undefined;
}

/** The effects a client performs, each with a real default. */
export interface ClientEffects {
  /** Milliseconds since the epoch, like `Date.now` (signing time, clock skew, adaptive rate). */
  readonly now?: (() => number) | undefined;
  /** A number in [0, 1), like `Math.random` (retry jitter). */
  readonly random?: (() => number) | undefined;
  /** Waits `ms` unless `signal` aborts first (then rejects). */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Where `BOTO_TS_TRACE` is read; default `process.env`. */
  readonly env?: Readonly<Record<string, string | undefined>> | undefined;
  /** Where trace output goes; default stderr. */
  readonly writeTrace?: ((text: string) => void) | undefined;
}

/** Per-call options, the last argument of every operation method. */
export interface CallOptions {
  readonly signal?: AbortSignal | undefined;
  /**
   * A stable name for this one creation (`sweep-7/111111111111/us-east-1/launch`): the idempotency
   * token (`ClientToken`) is derived from it, so repeating the call, even from another process after
   * a crash, never creates twice. Only for operations with an idempotency token member.
   */
  readonly idempotencyKey?: string | undefined;
}
