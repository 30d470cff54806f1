// The trace events of one call: what each step shows, already redacted (headers, bodies through the
// protocol's redactors, canonical request). The tracer scrubs the call's known secrets on top.

import type { SigningDetails } from '@boto-ts/sigv4';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import type { OperationSchema } from '../protocol/schema.js';
import type { WireProtocol } from '../protocols/wire-protocol.js';
import type { RetryDecision } from '../retry/policy.js';
import { redactCanonicalRequest, redactHeaders, truncate } from '../trace/redact.js';
import type { Tracer } from '../trace/tracer.js';

/** Bodies longer than this are cut in traces (a DescribeInstances page can be megabytes). */
export const TRACE_BODY_LIMIT = 4_096;

function bodyText(body: string | Uint8Array | undefined, encoding: string | undefined): string | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string') return body;
  if (encoding !== undefined) return `(${body.length} bytes, ${encoding})`;
  return Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
}

export class AttemptTrace {
  readonly #tracer: Tracer;
  readonly #operation: OperationSchema;
  readonly #protocol: WireProtocol;
  /** This call's secret key, session token and signatures, scrubbed by value from everything. */
  readonly secrets: string[] = [];

  constructor(tracer: Tracer, operation: OperationSchema, protocol: WireProtocol) {
    this.#tracer = tracer;
    this.#operation = operation;
    this.#protocol = protocol;
  }

  #emit(type: string, attempt: number, fields: Record<string, unknown>): void {
    this.#tracer.emit({ type, operation: this.#operation.name, attempt, ...fields }, this.secrets);
  }

  endpoint(url: string, signingRegion: string, signingName: string): void {
    this.#emit('endpoint', 1, { url, signingRegion, signingName });
  }

  signing(attempt: number, details: SigningDetails): void {
    this.#emit('canonicalRequest', attempt, {
      canonicalRequest: redactCanonicalRequest(details.canonicalRequest),
    });
    this.#emit('stringToSign', attempt, { stringToSign: details.stringToSign });
  }

  request(attempt: number, request: HttpRequest): void {
    const body = bodyText(request.body, request.headers['content-encoding']);
    this.#emit('request', attempt, {
      method: request.method,
      url: request.url,
      headers: redactHeaders(request.headers),
      body:
        body === undefined
          ? undefined
          : truncate(this.#protocol.redactRequestBody(body, this.#operation.input), TRACE_BODY_LIMIT),
    });
  }

  response(attempt: number, response: HttpResponse, elapsedMs: number): void {
    const text = Buffer.from(
      response.body.buffer,
      response.body.byteOffset,
      response.body.byteLength,
    ).toString('utf8');
    this.#emit('response', attempt, {
      statusCode: response.statusCode,
      elapsedMs,
      headers: redactHeaders(response.headers),
      body: truncate(this.#protocol.redactResponseBody(text, this.#operation.output), TRACE_BODY_LIMIT),
    });
  }

  failure(attempt: number, error: Error & { code?: string }, elapsedMs: number): void {
    this.#emit('error', attempt, { error: error.name, code: error.code, message: error.message, elapsedMs });
  }

  retry(attempt: number, decision: RetryDecision, extra: Record<string, unknown>): void {
    this.#emit('retry', attempt, {
      retry: decision.retry,
      reason: decision.reason,
      delayMs: decision.retry ? Math.round(decision.delayMs) : undefined,
      ...extra,
    });
  }

  clockSkew(attempt: number, offsetMs: number, serverDate: string | undefined): void {
    this.#emit('clockSkew', attempt, { offsetMs, serverDate });
  }
}
