// One call, end to end: validate -> idempotency tokens -> serialize -> (settings: endpoint, retry,
// transport) -> per attempt: credentials -> sign (clock-skew corrected) -> send -> decode or parse
// the error -> retry decision -> output with $metadata, a DryRunOutcome, or an error.

import { type SigningDetails, signRequest, signRequestWithDetails } from '@boto-ts/sigv4';
import { applyHostPrefix } from '../endpoints/resolve.js';
import {
  CredentialsError,
  NetworkError,
  ServiceError,
  TimeoutError,
  XmlParseError,
} from '../errors/errors.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import { FORM_CONTENT_TYPE } from '../protocol/form-encoding.js';
import { resolveHostPrefix } from '../protocol/host-prefix.js';
import { fillIdempotencyTokens } from '../protocol/idempotency.js';
import type { OperationSchema, ServiceSchema, StructureSchema } from '../protocol/schema.js';
import { serializeRequestBody } from '../protocol/serialize.js';
import { parseServiceError } from '../protocol/service-error.js';
import { validateInput } from '../protocol/validate.js';
import { skewCorrection } from '../retry/clock-skew.js';
import type { AttemptOutcome } from '../retry/outcome.js';
import type { CallRetryState } from '../retry/policy.js';
import type { Sleep } from '../retry/rate-limiter.js';
import { redactXmlFragment, scrubSecrets, signatureOf } from '../trace/redact.js';
import type { Tracer } from '../trace/tracer.js';
import type { DecodedOutput } from '../xml/output-types.js';
import { AttemptTrace } from './attempt-trace.js';
import type { DryRunOutcome } from './dry-run.js';
import type { ResponseMetadata } from './metadata.js';
import { type ClientSettings, checkCredentials } from './settings.js';
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

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

function isModeledError(code: string, operation: OperationSchema, service: ServiceSchema): boolean {
  const matches = (shape: StructureSchema) => (shape.error?.code ?? shape.name) === code;
  return (operation.errors?.some(matches) ?? false) || (service.errors?.some(matches) ?? false);
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

/** Builds the unsigned HTTP request: one per call, reused (re-signed) by every attempt. */
async function buildRequest(
  service: ServiceSchema,
  operation: OperationSchema,
  input: object,
  settings: ClientSettings,
): Promise<HttpRequest> {
  const form = serializeRequestBody(service, operation, input);
  // Request compression (and node:zlib with it) is loaded only for operations that accept it.
  const compressed =
    operation.requestCompression === undefined
      ? undefined
      : (await import('../protocol/request-compression.js')).compressRequestBody(operation, form);
  const body = compressed?.body ?? form;
  const prefix = operation.hostPrefix !== undefined ? resolveHostPrefix(operation, input) : undefined;
  const url = applyHostPrefix(settings.endpoint.url, prefix) + (operation.http?.requestUri ?? '/');
  const headers: Record<string, string> = {
    'content-type': FORM_CONTENT_TYPE,
    'content-length': String(byteLength(body)),
    'user-agent': settings.userAgent,
    ...settings.endpoint.headers,
  };
  if (compressed?.contentEncoding !== undefined) headers['content-encoding'] = compressed.contentEncoding;
  return { method: operation.http?.method ?? 'POST', url, headers, body };
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
  const request = await buildRequest(service, operation, input, settings);
  const { endpoint, retry, transport, timeouts } = settings;
  const trace = tracer === undefined ? undefined : new AttemptTrace(tracer, operation);
  trace?.endpoint(endpoint.url, endpoint.signingRegion, endpoint.signingName);

  // The secrets this call handles, scrubbed by value from error messages (and, via `trace`, traces).
  const secrets: string[] = trace?.secrets ?? [];
  const call: CallRetryState = { attempts: 0 };
  let totalRetryDelay = 0;
  let skewCorrected = false;
  const metadata = (response: HttpResponse | undefined, requestId: string | undefined): ResponseMetadata => ({
    requestId: requestId ?? response?.headers['x-amzn-requestid'] ?? response?.headers['x-amz-request-id'],
    httpStatusCode: response?.statusCode,
    attempts: call.attempts,
    totalRetryDelay,
  });

  for (;;) {
    await retry.beforeAttempt(signal);
    call.attempts++;
    const attempt = call.attempts;

    // The offset this attempt is signed with: the shared one may move (another call corrects it)
    // before this attempt's answer arrives, and the skew check must judge what this request carried.
    const signedOffsetMs = clock.offsetMs;
    let signed: HttpRequest = request;
    if (operation.unsigned !== true) {
      if (settings.credentials === undefined) {
        throw new CredentialsError(
          'No credentials: pass { credentials } to the client, or a session whose profile or environment has them',
        );
      }
      const credentials = await settings.credentials();
      checkCredentials(credentials, 'the credentials provider');
      if (!secrets.includes(credentials.secretAccessKey)) secrets.push(credentials.secretAccessKey);
      if (credentials.sessionToken && !secrets.includes(credentials.sessionToken))
        secrets.push(credentials.sessionToken);
      const signing = {
        credentials,
        region: endpoint.signingRegion,
        service: endpoint.signingName,
        signingDate: now(),
        clockOffsetMs: signedOffsetMs,
      };
      let details: SigningDetails | undefined;
      if (trace !== undefined) ({ request: signed, details } = signRequestWithDetails(request, signing));
      else signed = signRequest(request, signing);
      const signature = signatureOf(signed.headers['authorization']);
      if (signature !== undefined) secrets.push(signature);
      if (details !== undefined) trace?.signing(attempt, details);
    }
    trace?.request(attempt, signed);

    const started = now();
    let response: HttpResponse | undefined;
    let failure: NetworkError | TimeoutError | undefined;
    try {
      response = await transport.send(signed, { signal, timeouts });
    } catch (error) {
      if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
      failure = error;
    }

    let outcome: AttemptOutcome;
    let serviceError: (() => ServiceError) | undefined;
    if (response === undefined) {
      trace?.failure(attempt, failure!, now() - started);
      if (failure instanceof TimeoutError && failure.phase === 'aborted') throw failure;
      outcome = { error: failure };
    } else {
      trace?.response(attempt, response, now() - started);
      const status = response.statusCode;
      if (status >= 200 && status < 300) {
        let decoded: DecodedOutput;
        try {
          decoded = settings.decodeOutput(service, operation, response.body);
        } catch (error) {
          if (!(error instanceof XmlParseError)) throw error;
          // The first bytes may hold secrets of the response itself (STS credentials): redact them.
          throw new XmlParseError(error.message, {
            requestId: error.requestId ?? response.headers['x-amzn-requestid'],
            bodyStart: redactXmlFragment(error.bodyStart, operation.output),
          });
        }
        retry.decide({ statusCode: status }, call);
        const output = decoded.output;
        output['$metadata'] = metadata(response, decoded.requestId);
        return output;
      }
      const parsed = parseServiceError(service, operation, response);
      const message = scrubSecrets(parsed.message, secrets);
      if (parsed.code === 'DryRunOperation' && (input as { DryRun?: unknown }).DryRun === true) {
        return {
          $dryRun: { code: 'DryRunOperation', message },
          $metadata: metadata(response, parsed.requestId),
        };
      }
      if (!skewCorrected) {
        const offset = skewCorrection({
          errorCode: parsed.code,
          serverDate: response.headers['date'],
          localNow: now(),
          currentOffsetMs: signedOffsetMs,
        });
        if (offset !== undefined) {
          clock.offsetMs = offset;
          skewCorrected = true;
          trace?.clockSkew(attempt, offset, response.headers['date']);
          // Retried at once, with the corrected clock: no backoff, no quota (it was not the service's fault).
          if (call.attempts < retry.maxAttempts) continue;
        }
      }
      outcome = {
        statusCode: status,
        errorCode: parsed.code,
        modeledError: isModeledError(parsed.code, operation, service),
      };
      const final = outcome;
      const answered = response;
      serviceError = () =>
        new ServiceError({
          code: parsed.code,
          message,
          statusCode: status,
          requestId: parsed.requestId,
          retryable: retry.isRetryable(final) || skewCorrected,
          $metadata: metadata(answered, parsed.requestId),
          details: scrubDetails(parsed.details, secrets),
        });
    }

    const decision = retry.decide(outcome, call);
    trace?.retry(attempt, decision, {
      quotaAvailable: retry.quota?.available,
      sendRate: retry.rateLimiter?.state.enabled ? retry.rateLimiter.state.fillRate : undefined,
    });
    if (!decision.retry) {
      if (serviceError !== undefined) throw serviceError();
      throw gaveUp(failure!, call.attempts, decision.reason);
    }
    await context.sleep(decision.delayMs, signal);
    totalRetryDelay += decision.delayMs;
  }
}
