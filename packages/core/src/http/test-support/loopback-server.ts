// Test support: a node:http server on 127.0.0.1 that answers each request with the next step of a
// script (a response, a delay, a reset, a half-sent body...), records what it received, counts
// connections, and closes everything it opened.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';

export interface ScriptedResponse {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | Uint8Array;
  /** Wait this long before sending the status line. */
  readonly delayMs?: number;
  /** Compress the body and say so in content-encoding. */
  readonly encoding?: 'gzip' | 'deflate';
  /** Send the headers and this many body bytes, then reset the connection. */
  readonly resetAfterBytes?: number;
  /** Send the headers, then the body one byte every `trickleMs`. */
  readonly trickleMs?: number;
}

export type ScriptStep = ScriptedResponse | 'reset' | 'hang';

export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
  readonly rawBody: Buffer;
  /** Which connection (0-based, in order of arrival) carried it. */
  readonly connection: number;
}

export interface LoopbackServer {
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedRequest[];
  /** Connections accepted so far, and how many are open now. */
  connectionsOpened(): number;
  connectionsOpen(): number;
  /** Appends steps; when the script runs out, `fallback` answers (default: 200 with an empty body). */
  script(...steps: ScriptStep[]): void;
  close(): Promise<void>;
}

export async function startLoopbackServer(
  options: { fallback?: ScriptStep | ((request: ReceivedRequest) => ScriptStep) } = {},
): Promise<LoopbackServer> {
  const steps: ScriptStep[] = [];
  const received: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const connectionIds = new WeakMap<Socket, number>();
  const timers = new Set<NodeJS.Timeout>();
  let opened = 0;

  const later = (ms: number, fn: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  const respond = (res: ServerResponse, step: ScriptStep) => {
    if (step === 'hang') return;
    if (step === 'reset') {
      res.socket?.destroy();
      return;
    }
    const send = () => {
      let body: Buffer = Buffer.from(step.body ?? '');
      const headers: Record<string, string> = { ...step.headers };
      if (step.encoding === 'gzip') body = gzipSync(body);
      if (step.encoding === 'deflate') body = deflateSync(body);
      if (step.encoding) headers['content-encoding'] = step.encoding;
      headers['content-length'] = String(body.length);
      res.writeHead(step.status ?? 200, headers);
      if (step.resetAfterBytes !== undefined) {
        res.write(body.subarray(0, step.resetAfterBytes), () => later(5, () => res.socket?.destroy()));
        return;
      }
      if (step.trickleMs !== undefined) {
        let i = 0;
        const next = () => {
          if (res.destroyed) return;
          if (i >= body.length) {
            res.end();
            return;
          }
          res.write(body.subarray(i, i + 1));
          i++;
          later(step.trickleMs!, next);
        };
        next();
        return;
      }
      res.end(body);
    };
    if (step.delayMs) later(step.delayMs, send);
    else send();
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request: ReceivedRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        rawBody: Buffer.concat(chunks),
        connection: connectionIds.get(req.socket) ?? -1,
      };
      received.push(request);
      const fallback = options.fallback ?? { status: 200 };
      const step = steps.shift() ?? (typeof fallback === 'function' ? fallback(request) : fallback);
      respond(res, step);
    });
  });
  server.on('connection', (socket) => {
    connectionIds.set(socket, opened++);
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    connectionsOpened: () => opened,
    connectionsOpen: () => sockets.size,
    script: (...more) => steps.push(...more),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Resolves once `check()` is true, polling on the event loop (for server-side effects such as a closed socket). */
export async function eventually(check: () => boolean, what: string, attempts = 200): Promise<void> {
  for (let i = 0; i < attempts; i++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

/** Counts of this process's active handles by kind (`Timeout`, `TCPSocketWrap`, ...). */
export function activeResources(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
  return counts;
}
