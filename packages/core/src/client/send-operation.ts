// One call, end to end: validate -> idempotency tokens -> build the request (the service's protocol)
// -> attempts (attempt.ts: sign, send, classify) under the retry policy -> the output with $metadata,
// a DryRunOutcome, or an error that says how many attempts were made.

import { ConfigError, NetworkError, ServiceError, TimeoutError } from '../errors/errors.js';
import type { HttpResponse } from '../http/types.js';
import { fillIdempotencyTokens } from '../protocol/idempotency.js';
import type { OperationSchema, ServiceSchema } from '../protocol/schema.js';
import { validateInput } from '../protocol/validate.js';
import type { WireProtocol } from '../protocols/wire-protocol.js';
import type { CallRetryState } from '../retry/policy.js';
import type { Sleep } from '../retry/rate-limiter.js';
import { scrubSecrets } from '../trace/redact.js';
import type { Tracer } from '../trace/tracer.js';
import { type AttemptContext, runAttempt } from './attempt.js';
import { AttemptTrace } from './attempt-trace.js';
import { buildRequest } from './build-request.js';
import type { DryRunOutcome } from './dry-run.js';
import type { ResponseMetadata } from './metadata.js';
import type { ClientSettings } from './settings.js';
import type { CallOptions } from './types.js';

/** What a client lends each call: its settings, clock and offset, sleep and tracer. */
export interface CallContext {
  readonly service: ServiceSchema;
  readonly settings: ClientSettings;
  readonly now: () => number;
  /** Shared by the client's calls: the skew correction one call learns helps the next. */
  readonly clock: { offsetMs: number };
  readonly sleep: Sleep;
  readonly tracer: Tracer | undefined;
}

function abortedBeforeStart(signal: AbortSignal): TimeoutError {
  return new TimeoutError('aborted', 'The call was aborted by its AbortSignal before it was sent.', {
    cause: signal.reason,
  });
}

function scrubDetails(details: Record<string, unknown>, secrets: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(details)) out[k] = typeof v === 'string' ? scrubSecrets(v, secrets) : v;
  return out;
}

/** The same failure, with the number of attempts in its message (the original is the cause). */
function gaveUp(error: NetworkError | TimeoutError, attempts: number, reason: string): Error {
  if (attempts <= 1) return error;
  const message = `${error.message} Gave up after ${attempts} attempts (${reason}).`;
  if (error instanceof TimeoutError) return new TimeoutError(error.phase, message, { cause: error });
  return new NetworkError(message, {
    cause: error,
    code: error.code,
    responseStarted: error.responseStarted,
  });
}

/** The service's protocol module, loaded once per service schema. */
const loadedProtocols = new WeakMap<ServiceSchema, Promise<WireProtocol>>();

export function protocolOf(service: ServiceSchema, operation: OperationSchema): Promise<WireProtocol> {
  let loading = loadedProtocols.get(service);
  if (loading === undefined) {
    if (service.loadProtocol === undefined)
      throw new ConfigError(
        `${operation.name}: the ${service.serviceId} service schema has no loadProtocol, so it cannot make calls; use the generated client's service schema`,
      );
    loading = service.loadProtocol();
    loadedProtocols.set(service, loading);
  }
  return loading;
}

export async function sendOperation(
  context: CallContext,
  operation: OperationSchema,
  rawInput: object | undefined,
  options: CallOptions | undefined,
): Promise<Record<string, unknown> | DryRunOutcome> {
  const signal = options?.signal;
  if (signal?.aborted) throw abortedBeforeStart(signal);
  const { service, settings, now, clock, tracer } = context;
  validateInput(operation, rawInput ?? {});
  // Filled once per call: every retry sends the same ClientToken, so a retried RunInstances is safe.
  const input = fillIdempotencyTokens(operation, rawInput ?? {});
  const protocol = await protocolOf(service, operation);
  const request = await buildRequest(protocol, service, operation, input, settings);
  const { endpoint, retry } = settings;
  const trace = tracer === undefined ? undefined : new AttemptTrace(tracer, operation, protocol);
  trace?.endpoint(endpoint.url, endpoint.signingRegion, endpoint.signingName);

  const attemptContext: AttemptContext = {
    service,
    operation,
    protocol,
    settings,
    now,
    clock,
    trace,
    // The secrets this call handles, scrubbed by value from error messages (and, via `trace`, traces).
    secrets: trace?.secrets ?? [],
    dryRun: (input as { DryRun?: unknown }).DryRun === true,
    signal,
  };
  const call: CallRetryState = { attempts: 0 };
  let totalRetryDelay = 0;
  let skewCorrected = false;
  const metadata = (response: HttpResponse, requestId: string | undefined): ResponseMetadata => ({
    requestId: requestId ?? response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id'],
    httpStatusCode: response.statusCode,
    attempts: call.attempts,
    totalRetryDelay,
  });

  for (;;) {
    await retry.beforeAttempt(signal);
    call.attempts++;
    const result = await runAttempt(attemptContext, request, call.attempts);
    if (result.kind === 'output') {
      retry.decide({ statusCode: result.response.statusCode }, call);
      const output = result.output;
      output['$metadata'] = metadata(result.response, result.requestId);
      return output;
    }
    if (result.kind === 'dryRun') {
      const message = scrubSecrets(result.message, attemptContext.secrets);
      return {
        $dryRun: { code: 'DryRunOperation', message },
        $metadata: metadata(result.response, result.requestId),
      };
    }
    if (result.kind === 'serviceError' && result.skewOffsetMs !== undefined && !skewCorrected) {
      clock.offsetMs = result.skewOffsetMs;
      skewCorrected = true;
      trace?.clockSkew(call.attempts, result.skewOffsetMs, result.response.headers['date']);
      // Retried at once, with the corrected clock: no backoff, no quota (it was not the service's fault).
      if (call.attempts < retry.maxAttempts) continue;
    }

    const decision = retry.decide(result.outcome, call);
    trace?.retry(call.attempts, decision, {
      quotaAvailable: retry.quota?.available,
      sendRate: retry.rateLimiter?.state.enabled ? retry.rateLimiter.state.fillRate : undefined,
    });
    if (!decision.retry) {
      if (result.kind === 'transportError') throw gaveUp(result.failure, call.attempts, decision.reason);
      const { parsed, response, outcome } = result;
      throw new ServiceError({
        code: parsed.code,
        message: scrubSecrets(parsed.message, attemptContext.secrets),
        statusCode: response.statusCode,
        requestId: parsed.requestId,
        retryable: retry.isRetryable(outcome) || skewCorrected,
        $metadata: metadata(response, parsed.requestId),
        details: scrubDetails(parsed.details, attemptContext.secrets),
      });
    }
    await context.sleep(decision.delayMs, signal);
    totalRetryDelay += decision.delayMs;
  }
}
