// One EC2 API request, end to end: read the body, decode parameters (query string and form body),
// apply injected faults, verify the SigV4 signature, run the action against the caller's account,
// and answer with EC2's XML (or its error XML).

import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performAction } from '../actions/registry.js';
import type { Account } from '../auth/accounts.js';
import { verifySigV4 } from '../auth/verifier.js';
import type { FaultKind } from '../faults/faults.js';
import { Ec2Error, errorDocument, missingParameter } from '../protocol/errors.js';
import { parseForm } from '../protocol/form.js';
import { Params } from '../protocol/params.js';
import { xmlDocument } from '../protocol/xml.js';
import {
  BodyTooLargeError,
  headerPairs,
  type OutgoingResponse,
  readBody,
  writeHalfThenReset,
  writeResponse,
} from './http-io.js';
import type { Ec2LocalRuntime } from './runtime.js';

export const API_VERSION = '2016-11-15';
export const XML_NAMESPACE = `http://ec2.amazonaws.com/doc/${API_VERSION}/`;

interface Outcome {
  readonly response: OutgoingResponse;
  readonly action: string | undefined;
  readonly code: string | undefined;
  readonly fault: FaultKind | undefined;
}

function headers(runtime: Ec2LocalRuntime, requestId: string): Record<string, string> {
  return {
    'content-type': 'text/xml;charset=UTF-8',
    date: new Date(runtime.now()).toUTCString(),
    'x-amzn-requestid': requestId,
    server: 'ec2-local',
  };
}

function errorResponse(runtime: Ec2LocalRuntime, error: Ec2Error, requestId: string): OutgoingResponse {
  return {
    status: error.status,
    headers: headers(runtime, requestId),
    body: errorDocument(error, requestId),
  };
}

/** Action parameters from the query string and (for POST) the form body; signature parameters excluded. */
function readParams(target: string, body: Buffer): Params {
  const q = target.indexOf('?');
  const query = q < 0 ? [] : parseForm(target.slice(q + 1));
  const form = body.length > 0 ? parseForm(body.toString('utf8')) : [];
  return Params.fromPairs([...query, ...form].filter(([key]) => !key.startsWith('X-Amz-')));
}

function injectedFailure(
  runtime: Ec2LocalRuntime,
  fault: FaultKind,
  requestId: string,
): OutgoingResponse | undefined {
  if (fault === 'throttle') {
    return errorResponse(runtime, new Ec2Error('RequestLimitExceeded', 'Request limit exceeded.'), requestId);
  }
  if (fault !== 'server-error') return undefined;
  const status = runtime.faults.serverErrorStatus;
  if (status === 500) {
    return errorResponse(
      runtime,
      new Ec2Error('InternalError', 'An internal error has occurred.'),
      requestId,
    );
  }
  if (status === 503) {
    return errorResponse(
      runtime,
      new Ec2Error('Unavailable', 'The server is overloaded and can not handle the request.'),
      requestId,
    );
  }
  // What a load balancer in front of the service sends: HTML, no EC2 error document.
  return {
    status,
    headers: { 'content-type': 'text/html', date: new Date(runtime.now()).toUTCString() },
    body: `<html><head><title>${status}</title></head><body><h1>${status}</h1></body></html>`,
  };
}

async function answer(
  runtime: Ec2LocalRuntime,
  request: IncomingMessage,
  body: Buffer,
  requestId: string,
): Promise<Outcome> {
  const target = request.url ?? '/';
  let params: Params;
  try {
    params = readParams(target, body);
  } catch (error) {
    if (!(error instanceof Ec2Error)) throw error;
    return {
      response: errorResponse(runtime, error, requestId),
      action: undefined,
      code: error.code,
      fault: undefined,
    };
  }
  const action = params.string('Action');
  const fault = runtime.faults.decide(action);
  await runtime.sleep(runtime.faults.latencyMs);
  if (fault === 'reset-before') {
    // The connection drops before the server does anything: the call has no effect.
    return { response: { status: 0, headers: {}, body: '' }, action, code: undefined, fault };
  }
  const failure = fault ? injectedFailure(runtime, fault, requestId) : undefined;
  if (failure) return { response: failure, action, code: undefined, fault };
  try {
    if (request.method !== 'POST' && request.method !== 'GET') {
      throw new Ec2Error('InvalidHttpRequest', `EC2 accepts GET and POST, not ${request.method}.`, 405);
    }
    const { identity } = verifySigV4<Account>(
      { method: request.method, target, headers: headerPairs(request.rawHeaders), body },
      {
        findIdentity: (id) => runtime.accounts.get(id),
        region: runtime.region,
        service: 'ec2',
        now: runtime.now(),
      },
    );
    if (action === undefined || action === '') throw missingParameter('Action');
    const version = params.string('Version');
    if (version === undefined) throw missingParameter('Version');
    if (version !== API_VERSION) {
      throw new Ec2Error(
        'NoSuchVersion',
        `The requested version (${version}) of service AmazonEC2 is not served here: ec2-local speaks ${API_VERSION}.`,
      );
    }
    const state = runtime.stateFor(identity.accountId);
    const members = await performAction({
      action,
      params,
      state,
      account: identity,
      now: runtime.now(),
      requestId,
    });
    const document = xmlDocument(`${action}Response`, { requestId, ...members }, XML_NAMESPACE);
    return {
      response: { status: 200, headers: headers(runtime, requestId), body: document },
      action,
      code: undefined,
      fault,
    };
  } catch (error) {
    if (!(error instanceof Ec2Error)) throw error;
    return { response: errorResponse(runtime, error, requestId), action, code: error.code, fault };
  }
}

/** Serves one EC2 request on `response`. Never throws: unexpected failures become 500 InternalError. */
export async function handleEc2Request(
  runtime: Ec2LocalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const started = performance.now();
  const requestId = randomUUID();
  let outcome: Outcome;
  try {
    const body = await readBody(request, runtime.maxBodyBytes);
    outcome = await answer(runtime, request, body, requestId);
  } catch (error) {
    const ec2Error =
      error instanceof BodyTooLargeError
        ? new Ec2Error(
            'RequestEntityTooLarge',
            `The request body is larger than ${runtime.maxBodyBytes} bytes.`,
            413,
          )
        : new Ec2Error(
            'InternalError',
            `ec2-local failed to handle the request: ${(error as Error).message}`,
            500,
          );
    outcome = {
      response: errorResponse(runtime, ec2Error, requestId),
      action: undefined,
      code: ec2Error.code,
      fault: undefined,
    };
  }
  if (runtime.closed || response.destroyed) return;
  // After a body too large to read, the connection cannot carry another request.
  if (outcome.code === 'RequestEntityTooLarge') response.shouldKeepAlive = false;
  if (outcome.fault === 'reset-before') request.socket.destroy();
  else if (outcome.fault === 'reset-mid-response') writeHalfThenReset(response, outcome.response);
  else writeResponse(response, outcome.response);
  runtime.log?.({
    method: request.method ?? '',
    path: (request.url ?? '/').split('?')[0]!,
    action: outcome.action,
    status: outcome.fault === 'reset-before' ? 0 : outcome.response.status,
    code: outcome.code,
    fault: outcome.fault,
    requestId,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  });
}
