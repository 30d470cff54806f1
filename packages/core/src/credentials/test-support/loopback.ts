// Test support: node:http servers on 127.0.0.1 standing in for IMDS, container, SSO and STS endpoints
// (a handler per request, every request recorded, connections counted and closed), temporary home
// folders, and the assertion that no secret shows up in an error, a log line or a trace.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export interface RecordedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface Reply {
  readonly status?: number;
  readonly headers?: Record<string, string>;
  readonly body?: string | object;
}

/** A handler returns a reply, or 'hang' to never answer. */
export type Handler = (request: RecordedRequest) => Reply | 'hang' | Promise<Reply | 'hang'>;

export interface LoopbackServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

export async function startLoopback(handler: Handler): Promise<LoopbackServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', async () => {
      const request: RecordedRequest = {
        method: incoming.method ?? 'GET',
        url: incoming.url ?? '/',
        headers: incoming.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const reply = await handler(request);
      if (reply === 'hang') return;
      const body =
        typeof reply.body === 'string' || reply.body === undefined
          ? (reply.body ?? '')
          : JSON.stringify(reply.body);
      response.writeHead(reply.status ?? 200, reply.headers ?? {});
      response.end(body);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface TempHome {
  readonly path: string;
  /** Writes `text` at `relative` under the home folder; returns the absolute path. */
  write(relative: string, text: string): string;
  remove(): void;
}

export function tempHome(): TempHome {
  const path = mkdtempSync(join(tmpdir(), 'boto-ts-creds-'));
  return {
    path,
    write(relative, text) {
      const file = join(path, relative);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}

/** Fails when any secret appears in any of `texts` (error messages, causes, JSON of logs...). */
export function expectNoSecrets(secrets: readonly string[], ...texts: unknown[]): void {
  for (const item of texts) {
    const text = visibleText(item);
    for (const secret of secrets) expect(text, 'a secret leaked').not.toContain(secret);
  }
}

/** Everything an error or value could show: message, stack, code, cause chain, own properties. */
export function visibleText(item: unknown, depth = 0): string {
  if (depth > 5) return '';
  if (item instanceof Error) {
    const own = Object.fromEntries(Object.entries(item));
    return [item.message, item.stack ?? '', JSON.stringify(own), visibleText(item.cause, depth + 1)].join(
      '\n',
    );
  }
  if (typeof item === 'string') return item;
  try {
    return JSON.stringify(item) ?? String(item);
  } catch {
    return String(item);
  }
}

/** Example secrets used across tests (shaped like real ones, obviously fake). */
export const SECRET = {
  key: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYFAKESECRET1',
  token: 'FwoGZXIvYXdzEFAKESESSIONTOKENFORTESTSONLY0123456789abcdef',
  other: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbFAKESECRET2',
} as const;

/** A file under the repository's fixtures/config folder. */
export function configFixture(...parts: string[]): string {
  return join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    '..',
    '..',
    '..',
    '..',
    'fixtures',
    'config',
    ...parts,
  );
}
