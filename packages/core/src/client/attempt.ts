// One attempt of a call: credentials -> sign (with the clock offset this attempt uses) -> send ->
// classify the answer: a decoded output, EC2's DryRun success, or a failure the retry policy judges
// (a service error, with the clock correction when it refused the signing time, or the transport's
// NetworkError/TimeoutError).
// The retry loop around it is send-operation.ts.

import { type SigningDetails, signRequest, signRequestWithDetails } from '@boto-ts/sigv4';
import { CredentialsError, NetworkError, TimeoutError, XmlParseError } from '../errors/errors.js';
import type { HttpRequest, HttpResponse } from '../http/types.js';
import type { OperationSchema, ServiceSchema, StructureSchema } from '../protocol/schema.js';
import type { ParsedServiceError } from '../protocol/service-error.js';
import type { WireProtocol } from '../protocols/wire-protocol.js';
import { skewCorrection } from '../retry/clock-skew.js';
import type { AttemptOutcome } from '../retry/outcome.js';
import { redactXmlFragment, signatureOf } from '../trace/redact.js';
import type { DecodedOutput } from '../xml/output-types.js';
import type { AttemptTrace } from './attempt-trace.js';
import { type ClientSettings, checkCredentials } from './settings.js';

/** What every attempt of one call shares. */
export interface AttemptContext {
  readonly service: ServiceSchema;
  readonly operation: OperationSchema;
  readonly protocol: WireProtocol;
  readonly settings: ClientSettings;
  readonly now: () => number;
  /** The client's clock offset (learned from clock-skew errors), shared by its calls. */
  readonly clock: { readonly offsetMs: number };
  readonly trace: AttemptTrace | undefined;
  /** The call's secrets, scrubbed by value from messages and traces; each attempt adds what it signs with. */
  readonly secrets: string[];
  /** The input asked for a DryRun (EC2): a DryRunOperation answer is then the call's success. */
  readonly dryRun: boolean;
  readonly signal: AbortSignal | undefined;
}

export type AttemptResult =
  | {
      readonly kind: 'output';
      readonly output: Record<string, unknown>;
      readonly response: HttpResponse;
      readonly requestId: string | undefined;
    }
  | {
      readonly kind: 'dryRun';
      readonly message: string;
      readonly response: HttpResponse;
      readonly requestId: string | undefined;
    }
  | {
      readonly kind: 'serviceError';
      readonly outcome: AttemptOutcome;
      readonly response: HttpResponse;
      readonly parsed: ParsedServiceError;
      /** The service refused the signing time: the clock offset that corrects it. */
      readonly skewOffsetMs: number | undefined;
    }
  | {
      readonly kind: 'transportError';
      readonly outcome: AttemptOutcome;
      readonly failure: NetworkError | TimeoutError;
    };

function isModeledError(code: string, operation: OperationSchema, service: ServiceSchema): boolean {
  const matches = (shape: StructureSchema) => (shape.error?.code ?? shape.name) === code;
  return (operation.errors?.some(matches) ?? false) || (service.errors?.some(matches) ?? false);
}

async function sign(context: AttemptContext, request: HttpRequest, attempt: number, offsetMs: number) {
  const { settings, secrets, trace } = context;
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
    region: settings.endpoint.signingRegion,
    service: settings.endpoint.signingName,
    signingDate: context.now(),
    clockOffsetMs: offsetMs,
  };
  let signed: HttpRequest;
  let details: SigningDetails | undefined;
  if (trace !== undefined) ({ request: signed, details } = signRequestWithDetails(request, signing));
  else signed = signRequest(request, signing);
  const signature = signatureOf(signed.headers['authorization']);
  if (signature !== undefined) secrets.push(signature);
  if (details !== undefined) trace?.signing(attempt, details);
  return signed;
}

function decode(context: AttemptContext, response: HttpResponse): DecodedOutput {
  const { service, operation, protocol, settings } = context;
  try {
    return protocol.decodeResponse(service, operation, response, { xmlDecoder: settings.xmlDecoder });
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    // The first bytes may hold secrets of the response itself (STS credentials): redact them.
    throw new XmlParseError(error.message, {
      requestId: error.requestId ?? response.headers['x-amzn-requestid'],
      bodyStart: redactXmlFragment(error.bodyStart, operation.output),
    });
  }
}

export async function runAttempt(
  context: AttemptContext,
  request: HttpRequest,
  attempt: number,
): Promise<AttemptResult> {
  const { service, operation, protocol, settings, now, trace } = context;
  // The offset this attempt is signed with: the shared one may move (another call corrects it)
  // before this attempt's answer arrives, and the skew check must judge what this request carried.
  const signedOffsetMs = context.clock.offsetMs;
  const signed =
    operation.unsigned === true ? request : await sign(context, request, attempt, signedOffsetMs);
  trace?.request(attempt, signed);

  const started = now();
  let response: HttpResponse;
  try {
    response = await settings.transport.send(signed, { signal: context.signal, timeouts: settings.timeouts });
  } catch (error) {
    if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
    trace?.failure(attempt, error, now() - started);
    if (error instanceof TimeoutError && error.phase === 'aborted') throw error;
    return { kind: 'transportError', outcome: { error }, failure: error };
  }
  trace?.response(attempt, response, now() - started);

  const status = response.statusCode;
  if (status >= 200 && status < 300) {
    const decoded = decode(context, response);
    return { kind: 'output', output: decoded.output, response, requestId: decoded.requestId };
  }
  const parsed = protocol.parseError(service, operation, response);
  if (parsed.code === 'DryRunOperation' && context.dryRun)
    return { kind: 'dryRun', message: parsed.message, response, requestId: parsed.requestId };
  return {
    kind: 'serviceError',
    outcome: {
      statusCode: status,
      errorCode: parsed.code,
      modeledError: isModeledError(parsed.code, operation, service),
    },
    response,
    parsed,
    skewOffsetMs: skewCorrection({
      errorCode: parsed.code,
      serverDate: response.headers['date'],
      localNow: now(),
      currentOffsetMs: signedOffsetMs,
    }),
  };
}
