// A small node:http(s) Transport for credential endpoints (instance metadata, container credentials,
// the SSO portal): one socket per request and no keep-alive, so nothing lingers after a lookup, and
// connect / first-byte / total timeouts that the off-EC2 start-up bound depends on. node:http(s) load
// on the first request.

import type { ClientRequest, IncomingMessage } from 'node:http';
import { NetworkError, TimeoutError } from '../errors/errors.js';
import type { HttpRequest, HttpResponse, SendOptions, Transport } from '../http/types.js';
import { loadHttp, loadHttps } from './node-builtins.js';

/** Credential responses are small; anything larger is not a credential endpoint. */
const MAX_BODY_BYTES = 1 << 20;

function headersOf(message: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

async function sendOnce(request: HttpRequest, options: SendOptions | undefined): Promise<HttpResponse> {
  const url = new URL(request.url);
  const { request: send } = url.protocol === 'https:' ? await loadHttps() : await loadHttp();
  return new Promise((resolve, reject) => {
    const timers: ReturnType<typeof setTimeout>[] = [];
    let settled = false;
    let outgoing: ClientRequest | undefined;
    const finish = (error: Error | undefined, response?: HttpResponse): void => {
      if (settled) return;
      settled = true;
      for (const timer of timers) clearTimeout(timer);
      options?.signal?.removeEventListener('abort', onAbort);
      if (error) {
        outgoing?.destroy();
        reject(error);
      } else resolve(response as HttpResponse);
    };
    const onAbort = (): void =>
      finish(new TimeoutError('aborted', `The request to ${url.origin}${url.pathname} was aborted.`));
    const limit = (
      ms: number | undefined,
      phase: 'connect' | 'firstByte' | 'total',
    ): ReturnType<typeof setTimeout> | undefined => {
      if (ms === undefined) return undefined;
      const timer = setTimeout(
        () =>
          finish(
            new TimeoutError(
              phase,
              `${url.origin}${url.pathname} did not answer within ${ms} ms (${phase}).`,
            ),
          ),
        ms,
      );
      timers.push(timer);
      return timer;
    };
    if (options?.signal?.aborted) return onAbort();
    options?.signal?.addEventListener('abort', onAbort, { once: true });
    const timeouts = options?.timeouts;
    limit(timeouts?.totalMs, 'total');
    const connectTimer = limit(timeouts?.connectMs, 'connect');
    let firstByteTimer: ReturnType<typeof setTimeout> | undefined;

    outgoing = send(url, { method: request.method, headers: { ...request.headers }, agent: false });
    outgoing.once('socket', (socket) => {
      socket.once('connect', () => {
        clearTimeout(connectTimer);
        firstByteTimer = limit(timeouts?.firstByteMs, 'firstByte');
      });
    });
    outgoing.on('error', (error: NodeJS.ErrnoException) =>
      finish(
        new NetworkError(`Cannot reach ${url.origin} (${error.code ?? error.message}).`, {
          cause: error,
          code: 'NetworkError',
        }),
      ),
    );
    outgoing.once('response', (incoming) => {
      clearTimeout(firstByteTimer);
      const chunks: Buffer[] = [];
      let size = 0;
      incoming.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_BODY_BYTES) {
          finish(new NetworkError(`${url.origin} sent more than ${MAX_BODY_BYTES} bytes.`));
          return;
        }
        chunks.push(chunk);
      });
      incoming.on('error', (error) =>
        finish(new NetworkError(`The response from ${url.origin} broke off.`, { cause: error })),
      );
      incoming.once('end', () =>
        finish(undefined, {
          statusCode: incoming.statusCode ?? 0,
          headers: headersOf(incoming),
          body: new Uint8Array(Buffer.concat(chunks)),
        }),
      );
    });
    outgoing.end(request.body === undefined ? undefined : Buffer.from(request.body));
  });
}

/** A Transport with one fresh socket per request. */
export function createCredentialHttpTransport(): Transport {
  return {
    send: sendOnce,
    async destroy() {},
  };
}
