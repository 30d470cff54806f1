// The default transport: node:http / node:https with one keep-alive agent per scheme, a bound on
// sockets per origin, connect / first-byte / total timeouts, AbortSignal, and gzip/deflate bodies.
// node:http and node:https are loaded on the first request that needs them (start-up stays light).

import type * as Http from 'node:http';
import type { Socket } from 'node:net';
import { decompressBody, isCompressed } from './decompress.js';
import { abortedError, networkError, timeoutError } from './errors.js';
import { limit, mergeTimeouts } from './timeouts.js';
import type { HttpRequest, HttpResponse, HttpTimeouts, SendOptions, Transport } from './types.js';

export interface NodeTransportOptions {
  /** Most sockets open at once to one origin (host and port); further requests queue. Default 50. */
  readonly maxSocketsPerOrigin?: number;
  /** Close a pooled socket after this long idle. Default 15,000 ms (servers often close sooner, and say so). */
  readonly idleSocketTimeoutMs?: number;
  /** Default timeouts for every request; per-call `timeouts` override them field by field. */
  readonly timeouts?: HttpTimeouts;
}

/** What this transport uses of node:http and node:https (they agree on it). */
interface HttpModule {
  request(options: Http.RequestOptions): Http.ClientRequest;
  readonly Agent: new (options: Http.AgentOptions) => Http.Agent;
}

let httpModule: Promise<HttpModule> | undefined;
let httpsModule: Promise<HttpModule> | undefined;

function loadModule(https: boolean): Promise<HttpModule> {
  if (https) {
    httpsModule ??= import('node:https');
    return httpsModule;
  }
  httpModule ??= import('node:http');
  return httpModule;
}

function responseHeaders(raw: Http.IncomingHttpHeaders): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined) headers[name] = typeof value === 'string' ? value : value.join(', ');
  }
  return headers;
}

class NodeTransport implements Transport {
  readonly #maxSockets: number;
  readonly #idleTimeoutMs: number;
  readonly #timeouts: HttpTimeouts | undefined;
  readonly #agents = new Map<boolean, Http.Agent>();
  #destroyed = false;

  constructor(options: NodeTransportOptions) {
    this.#maxSockets = options.maxSocketsPerOrigin ?? 50;
    this.#idleTimeoutMs = options.idleSocketTimeoutMs ?? 15_000;
    this.#timeouts = options.timeouts;
  }

  #agent(module: HttpModule, https: boolean): Http.Agent {
    let agent = this.#agents.get(https);
    if (agent === undefined) {
      agent = new module.Agent({
        keepAlive: true,
        maxSockets: this.#maxSockets,
        maxFreeSockets: this.#maxSockets,
        timeout: this.#idleTimeoutMs,
        scheduling: 'lifo',
      });
      this.#agents.set(https, agent);
    }
    return agent;
  }

  async send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse> {
    const signal = options?.signal;
    if (signal?.aborted) throw abortedError(signal.reason);
    if (this.#destroyed) throw networkError(new Error('the transport was destroyed'), request.url, false);
    const url = new URL(request.url);
    const https = url.protocol === 'https:';
    const module = await loadModule(https);
    const timeouts = mergeTimeouts(this.#timeouts, options?.timeouts);
    return exchange(module, this.#agent(module, https), url, request, timeouts, signal);
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    for (const agent of this.#agents.values()) agent.destroy();
    this.#agents.clear();
  }
}

function exchange(
  module: HttpModule,
  agent: Http.Agent,
  url: URL,
  request: HttpRequest,
  timeouts: HttpTimeouts,
  signal: AbortSignal | undefined,
): Promise<HttpResponse> {
  const origin = url.origin;
  const https = url.protocol === 'https:';
  const connectMs = limit(timeouts.connectMs);
  const firstByteMs = limit(timeouts.firstByteMs);
  const totalMs = limit(timeouts.totalMs);

  return new Promise<HttpResponse>((resolve, reject) => {
    let settled = false;
    let responseStarted = false;
    let connectTimer: NodeJS.Timeout | undefined;
    let firstByteTimer: NodeJS.Timeout | undefined;
    let totalTimer: NodeJS.Timeout | undefined;
    let connected = false;
    let written = false;
    let response: Http.IncomingMessage | undefined;

    const cleanup = () => {
      settled = true;
      if (connectTimer) clearTimeout(connectTimer);
      if (firstByteTimer) clearTimeout(firstByteTimer);
      if (totalTimer) clearTimeout(totalTimer);
      signal?.removeEventListener('abort', onAbort);
    };
    const fail = (error: Error) => {
      if (settled) return;
      cleanup();
      // A half-read response cannot go back to the pool: destroying the request destroys its socket.
      req.destroy();
      response?.destroy();
      reject(error);
    };
    const succeed = (value: HttpResponse) => {
      if (settled) return;
      cleanup();
      resolve(value);
    };
    function onAbort() {
      fail(abortedError(signal?.reason));
    }
    const startFirstByteTimer = () => {
      if (
        firstByteMs !== undefined &&
        connected &&
        written &&
        !responseStarted &&
        firstByteTimer === undefined
      ) {
        firstByteTimer = setTimeout(() => fail(timeoutError('firstByte', firstByteMs, origin)), firstByteMs);
      }
    };

    const req = module.request({
      protocol: url.protocol,
      hostname: url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname,
      port: url.port,
      path: url.pathname + url.search,
      method: request.method,
      headers: request.headers as Http.OutgoingHttpHeaders,
      agent,
    });

    if (totalMs !== undefined)
      totalTimer = setTimeout(() => fail(timeoutError('total', totalMs, origin)), totalMs);
    signal?.addEventListener('abort', onAbort, { once: true });

    req.on('socket', (socket: Socket) => {
      if (!socket.connecting) {
        connected = true;
        startFirstByteTimer();
        return;
      }
      if (connectMs !== undefined) {
        connectTimer = setTimeout(() => fail(timeoutError('connect', connectMs, origin)), connectMs);
      }
      socket.once(https ? 'secureConnect' : 'connect', () => {
        if (connectTimer) clearTimeout(connectTimer);
        connected = true;
        startFirstByteTimer();
      });
    });
    req.on('finish', () => {
      written = true;
      startFirstByteTimer();
    });
    req.on('error', (error) => fail(networkError(error, origin, responseStarted)));
    req.on('response', (res) => {
      response = res;
      responseStarted = true;
      if (firstByteTimer) clearTimeout(firstByteTimer);
      const chunks: Buffer[] = [];
      let length = 0;
      res.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        length += chunk.length;
      });
      res.on('error', (error) => fail(networkError(error, origin, true)));
      res.on('close', () => {
        if (!res.complete)
          fail(networkError(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }), origin, true));
      });
      res.on('end', () => {
        const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length);
        const headers = responseHeaders(res.headers);
        const statusCode = res.statusCode ?? 0;
        const encoding = headers['content-encoding'];
        if (!isCompressed(encoding)) {
          succeed({ statusCode, headers, body });
          return;
        }
        decompressBody(body, encoding!).then(
          (decoded) => succeed({ statusCode, headers, body: decoded }),
          (error: unknown) => fail(networkError(error, origin, true)),
        );
      });
    });

    req.end(request.body);
  });
}

/** The default transport (node:http/https, keep-alive). */
export function createNodeTransport(options: NodeTransportOptions = {}): Transport {
  return new NodeTransport(options);
}
