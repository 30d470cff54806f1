// The unsigned HTTP request of one call, built once and re-signed by every attempt: the protocol's
// method, path, headers and body, the endpoint (with the operation's host prefix), request
// compression where the operation accepts it, and the headers every request carries.

import { applyHostPrefix } from '../endpoints/resolve.js';
import type { HttpRequest } from '../http/types.js';
import { resolveHostPrefix } from '../protocol/host-prefix.js';
import type { OperationSchema, ServiceSchema } from '../protocol/schema.js';
import type { WireProtocol } from '../protocols/wire-protocol.js';
import type { ClientSettings } from './settings.js';

function byteLength(body: string | Uint8Array): number {
  return typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength;
}

/** The endpoint URL with `path` (which may hold a query) appended to its own path. */
export function joinEndpointPath(endpointUrl: string, path: string): string {
  const url = new URL(endpointUrl);
  const base = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  const query = url.search;
  const origin = `${url.protocol}//${url.host}`;
  if (query === '') return origin + base + path;
  // An endpoint with its own query keeps it, before the request's parameters.
  const [requestPath = '', requestQuery] = path.split('?', 2) as [string, string | undefined];
  return `${origin}${base}${requestPath}${query}${requestQuery === undefined ? '' : `&${requestQuery}`}`;
}

export async function buildRequest(
  protocol: WireProtocol,
  service: ServiceSchema,
  operation: OperationSchema,
  input: object,
  settings: {
    readonly endpoint: Pick<ClientSettings['endpoint'], 'url' | 'headers'>;
    readonly userAgent: string;
  },
): Promise<HttpRequest> {
  const serialized = protocol.serializeRequest(service, operation, input);
  // Request compression (and node:zlib with it) is loaded only for operations that accept it.
  const compressed =
    operation.requestCompression === undefined || serialized.body === undefined
      ? undefined
      : (await import('../protocol/request-compression.js')).compressRequestBody(operation, serialized.body);
  const body = compressed?.body ?? serialized.body;
  const prefix = operation.hostPrefix !== undefined ? resolveHostPrefix(operation, input) : undefined;
  const url = joinEndpointPath(applyHostPrefix(settings.endpoint.url, prefix), serialized.path);
  const headers: Record<string, string> = {
    ...serialized.headers,
    ...(body === undefined ? {} : { 'content-length': String(byteLength(body)) }),
    'user-agent': settings.userAgent,
    ...settings.endpoint.headers,
  };
  if (compressed?.contentEncoding !== undefined) headers['content-encoding'] = compressed.contentEncoding;
  return { method: serialized.method, url, headers, body };
}
