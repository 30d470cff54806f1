// The SDK's error classes: one stable `name` and `code` each, a message that says what to do next,
// and the cause attached. Nothing here formats secrets: callers pass messages that are already safe.

import type { ResponseMetadata } from '../client/metadata.js';

/** Base class of every error boto-ts throws on purpose. */
export class BotoError extends Error {
  override readonly name: string = 'BotoError';
  /** A stable, machine-readable code (`ValidationError`, `InvalidInstanceID.NotFound`, ...). */
  readonly code: string;

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }
}

/** The service answered with an error (EC2 `<Response><Errors>`, query `<ErrorResponse>`, or a non-XML failure). */
export class ServiceError extends BotoError {
  override readonly name: string = 'ServiceError';
  readonly requestId: string | undefined;
  readonly statusCode: number;
  /** Whether the retry policy considers this error retryable (throttling, 5xx, skew...). */
  readonly retryable: boolean;
  readonly $metadata: ResponseMetadata;
  /** Extra members of a modeled error shape, when the service defines any. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(init: {
    code: string;
    message: string;
    statusCode: number;
    requestId?: string | undefined;
    retryable?: boolean;
    $metadata: ResponseMetadata;
    details?: Record<string, unknown>;
    cause?: unknown;
  }) {
    super(init.code, init.message || `${init.code} (HTTP ${init.statusCode})`, { cause: init.cause });
    this.requestId = init.requestId;
    this.statusCode = init.statusCode;
    this.retryable = init.retryable ?? false;
    this.$metadata = init.$metadata;
    this.details = init.details ?? {};
  }
}

/** One problem found while validating an input against its schema. */
export interface ValidationProblem {
  /** Where, in the input: `BlockDeviceMappings[0].Ebs.VolumeSize`; empty string for the input itself. */
  readonly path: string;
  /** What is wrong: `expected integer, got string`. */
  readonly message: string;
}

/** The input did not match the operation's schema; nothing was sent. */
export class ValidationError extends BotoError {
  override readonly name: string = 'ValidationError';
  readonly operation: string;
  readonly problems: readonly ValidationProblem[];

  constructor(operation: string, problems: readonly ValidationProblem[]) {
    const lines = problems.map((p) => `  - ${p.path ? `${p.path}: ` : ''}${p.message}`);
    super(
      'ValidationError',
      `Invalid input for ${operation} (nothing was sent); fix ${problems.length === 1 ? 'this problem' : `these ${problems.length} problems`}:\n${lines.join('\n')}`,
    );
    this.operation = operation;
    this.problems = problems;
  }
}

/** One credential source the chain tried, and why it gave nothing. */
export interface CredentialSourceAttempt {
  readonly source: string;
  readonly reason: string;
}

/** No credentials could be found or refreshed. `tried` lists each source and why it was skipped. */
export class CredentialsError extends BotoError {
  override readonly name: string = 'CredentialsError';
  readonly tried: readonly CredentialSourceAttempt[];

  constructor(
    message: string,
    options?: { tried?: readonly CredentialSourceAttempt[]; cause?: unknown; code?: string },
  ) {
    super(options?.code ?? 'CredentialsError', message, { cause: options?.cause });
    this.tried = options?.tried ?? [];
  }
}

/** Configuration that cannot be used: a malformed config file, an unknown profile, a bad option value. */
export class ConfigError extends BotoError {
  override readonly name: string = 'ConfigError';
  constructor(message: string, options?: { cause?: unknown; code?: string }) {
    super(options?.code ?? 'ConfigError', message, { cause: options?.cause });
  }
}

/** A connect, first-byte or total timeout expired, or the call was aborted. */
export class TimeoutError extends BotoError {
  override readonly name: string;
  /** Which limit expired: `connect`, `firstByte`, `total`, or `aborted` for a caller's AbortSignal. */
  readonly phase: 'connect' | 'firstByte' | 'total' | 'aborted';

  constructor(phase: TimeoutError['phase'], message: string, options?: { cause?: unknown }) {
    super(phase === 'aborted' ? 'AbortError' : 'TimeoutError', message, options);
    this.phase = phase;
    this.name = phase === 'aborted' ? 'AbortError' : 'TimeoutError';
  }
}

/** A connection-level failure before a complete response arrived (reset, refused, DNS...). */
export class NetworkError extends BotoError {
  override readonly name: string = 'NetworkError';
  /** True when part of a response (status line, headers or body bytes) had arrived before the failure. */
  readonly responseStarted: boolean;
  constructor(message: string, options?: { cause?: unknown; code?: string; responseStarted?: boolean }) {
    super(options?.code ?? 'NetworkError', message, { cause: options?.cause });
    this.responseStarted = options?.responseStarted ?? false;
  }
}

/** A response body that is not the XML it should be: truncated, malformed, or with a forbidden DOCTYPE. */
export class XmlParseError extends BotoError {
  override readonly name: string = 'XmlParseError';
  readonly requestId: string | undefined;
  /** The first bytes of the body, for diagnosis (bodies never carry secrets). */
  readonly bodyStart: string;

  constructor(
    message: string,
    options?: { requestId?: string | undefined; bodyStart?: string; cause?: unknown },
  ) {
    super('XmlParseError', message, { cause: options?.cause });
    this.requestId = options?.requestId;
    this.bodyStart = options?.bodyStart ?? '';
  }
}

/** No endpoint can be built for the given region and options. */
export class EndpointError extends BotoError {
  override readonly name: string = 'EndpointError';
  constructor(message: string, options?: { cause?: unknown }) {
    super('EndpointError', message, options);
  }
}

/**
 * True when `error` is a ServiceError, and (when `code` is given) has that code.
 * `isServiceError(e, 'InvalidInstanceID.NotFound')` narrows `e` for the catch block.
 */
export function isServiceError(error: unknown, code?: string): error is ServiceError {
  return error instanceof ServiceError && (code === undefined || error.code === code);
}
