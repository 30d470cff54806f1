// The control endpoint under /_ec2-local/ (JSON, unauthenticated, meant for loopback): health, fault
// settings, stepping lifecycle transitions, resetting state, listing instances. It is how a test in
// another process, or a learner with curl, drives the endpoint.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { ACTIONS } from '../actions/registry.js';
import type { FaultOptions } from '../faults/faults.js';
import { API_VERSION } from './handler.js';
import { readBody, writeResponse } from './http-io.js';
import type { Ec2LocalRuntime } from './runtime.js';

export const CONTROL_PREFIX = '/_ec2-local/';

function json(response: ServerResponse, status: number, value: unknown): void {
  writeResponse(response, {
    status,
    headers: { 'content-type': 'application/json' },
    body: `${JSON.stringify(value, null, 2)}\n`,
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = (await readBody(request, 64 * 1024)).toString('utf8').trim();
  return text === '' ? {} : JSON.parse(text);
}

export async function handleControlRequest(
  runtime: Ec2LocalRuntime,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const route = (request.url ?? '').slice(CONTROL_PREFIX.length).split('?')[0];
  const method = request.method ?? 'GET';
  try {
    if (route === 'health' && method === 'GET') {
      return json(response, 200, {
        ok: true,
        region: runtime.region,
        apiVersion: API_VERSION,
        actions: [...ACTIONS.keys()],
      });
    }
    if (route === 'faults' && method === 'GET') return json(response, 200, runtime.faults.options);
    if (route === 'faults' && (method === 'PUT' || method === 'POST')) {
      const body = await readJson(request);
      if (typeof body !== 'object' || body === null || Array.isArray(body)) {
        return json(response, 400, { error: 'send a JSON object of fault options' });
      }
      runtime.faults.replace(body as FaultOptions);
      return json(response, 200, runtime.faults.options);
    }
    if (route === 'faults' && method === 'DELETE') {
      runtime.faults.replace({});
      return json(response, 200, runtime.faults.options);
    }
    if (route === 'advance' && method === 'POST') return json(response, 200, { moved: runtime.advance() });
    if (route === 'reset' && method === 'POST') {
      runtime.reset();
      return json(response, 200, { ok: true });
    }
    if (route === 'instances' && method === 'GET') return json(response, 200, runtime.instances());
    return json(response, 404, {
      error: `no control route ${method} ${CONTROL_PREFIX}${route}`,
      routes: ['GET health', 'GET|PUT|DELETE faults', 'POST advance', 'POST reset', 'GET instances'],
    });
  } catch (error) {
    return json(response, 400, { error: (error as Error).message });
  }
}
