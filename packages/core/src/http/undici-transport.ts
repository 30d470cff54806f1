// The undici transport: one Pool per origin (or a caller's dispatcher, such as undici's MockAgent
// in tests). undici is an optional peer dependency, imported on the first request, so choosing the
// default transport costs nothing for it.

import type * as Undici from 'undici';
import { NetworkError } from '../errors/errors.js';
import { decompressBody, isCompressed } from './decompress.js';
import { abortedError, networkError, timeoutError } from './errors.js';
import { limit, mergeTimeouts } from './timeouts.js';
import type { HttpRequest, HttpResponse, HttpTimeouts, SendOptions, Transport } from './types.js';

/** Anything with undici's `request` method: an Agent, a Pool, a MockAgent. */
export interface UndiciDispatcher {
  request(options: never): unknown;
}

export interface UndiciTransportOptions {
  /** Send every request through this dispatcher instead of the transport's own Pools (tests pass a MockAgent). */
  readonly dispatcher?: UndiciDispatcher;
  /** Most connections per origin. Default 50. */
  readonly maxSocketsPerOrigin?: number;
  /** Close a pooled connection after this long idle. Default 15,000 ms. */
  readonly idleSocketTimeoutMs?: number;
  /**
   * Default timeouts. `connectMs` applies when a Pool is created (undici checks it coarsely); first-byte
   * (counted from dispatch, so it includes connecting) and total apply per call.
   */
  readonly timeouts?: HttpTimeouts;
}

let undiciModule: Promise<typeof Undici> | undefined;

function loadUndici(): Promise<typeof Undici> {
  undiciModule ??= import('undici').catch((error: unknown) => {
    undiciModule = undefined;
    throw new NetworkError(
      'The undici transport needs the undici package: run `npm install undici` (version 7), or use the default transport.',
      { cause: error, code: 'TransportUnavailable' },
    );
  });
  return undiciModule;
}

function responseHeaders(raw: Record<string, string | string[] | undefined>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name in raw) {
    const value = raw[name];
    if (value !== undefined)
      headers[name.toLowerCase()] = typeof value === 'string' ? value : value.join(', ');
  }
  return headers;
}

function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

class UndiciTransport implements Transport {
  readonly #options: UndiciTransportOptions;
  readonly #pools = new Map<string, Undici.Pool>();
  #destroyed = false;

  constructor(options: UndiciTransportOptions) {
    this.#options = options;
  }

  #dispatcher(undici: typeof Undici, origin: string, timeouts: HttpTimeouts): Undici.Dispatcher {
    if (this.#options.dispatcher !== undefined)
      return this.#options.dispatcher as unknown as Undici.Dispatcher;
    let pool = this.#pools.get(origin);
    if (pool === undefined) {
      const connectMs = limit(timeouts.connectMs);
      pool = new undici.Pool(origin, {
        connections: this.#options.maxSocketsPerOrigin ?? 50,
        keepAliveTimeout: this.#options.idleSocketTimeoutMs ?? 15_000,
        ...(connectMs !== undefined ? { connect: { timeout: connectMs } } : {}),
      });
      this.#pools.set(origin, pool);
    }
    return pool;
  }

  async send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse> {
    const signal = options?.signal;
    if (signal?.aborted) throw abortedError(signal.reason);
    if (this.#destroyed) throw networkError(new Error('the transport was destroyed'), request.url, false);
    const undici = await loadUndici();
    const url = new URL(request.url);
    const origin = url.origin;
    const timeouts = mergeTimeouts(this.#options.timeouts, options?.timeouts);
    const dispatcher = this.#dispatcher(undici, origin, timeouts);
    const firstByteMs = limit(timeouts.firstByteMs);
    const totalMs = limit(timeouts.totalMs);

    // One controller carries the caller's abort and our own timers into undici (undici's own
    // headersTimeout ticks too coarsely for sub-second limits).
    const controller = new AbortController();
    let why: 'aborted' | 'total' | 'firstByte' | undefined;
    const stop = (reason: 'aborted' | 'total' | 'firstByte') => {
      why ??= reason;
      controller.abort(reason === 'aborted' ? signal?.reason : undefined);
    };
    const onAbort = () => stop('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    const totalTimer = totalMs === undefined ? undefined : setTimeout(() => stop('total'), totalMs);
    let firstByteTimer =
      firstByteMs === undefined ? undefined : setTimeout(() => stop('firstByte'), firstByteMs);
    let responseStarted = false;
    try {
      const response = await dispatcher.request({
        origin,
        path: url.pathname + url.search,
        method: request.method as Undici.Dispatcher.HttpMethod,
        headers: request.headers as Record<string, string>,
        body: request.body,
        signal: controller.signal,
        headersTimeout: 0,
        bodyTimeout: 0,
      });
      responseStarted = true;
      if (firstByteTimer !== undefined) clearTimeout(firstByteTimer);
      firstByteTimer = undefined;
      let body: Uint8Array;
      try {
        body = new Uint8Array(await response.body.arrayBuffer());
      } catch (error) {
        response.body.destroy();
        throw error;
      }
      const headers = responseHeaders(response.headers);
      const encoding = headers['content-encoding'];
      if (isCompressed(encoding)) body = await decompressBody(body, encoding!);
      return { statusCode: response.statusCode, headers, body };
    } catch (error) {
      if (why === 'aborted') throw abortedError(signal?.reason);
      if (why === 'total') throw timeoutError('total', totalMs!, origin);
      if (why === 'firstByte') throw timeoutError('firstByte', firstByteMs!, origin);
      if (codeOf(error) === 'UND_ERR_CONNECT_TIMEOUT') {
        throw timeoutError('connect', limit(timeouts.connectMs) ?? 10_000, origin);
      }
      throw networkError(error, origin, responseStarted);
    } finally {
      if (totalTimer !== undefined) clearTimeout(totalTimer);
      if (firstByteTimer !== undefined) clearTimeout(firstByteTimer);
      signal?.removeEventListener('abort', onAbort);
    }
  }

  async destroy(): Promise<void> {
    this.#destroyed = true;
    const pools = [...this.#pools.values()];
    this.#pools.clear();
    await Promise.all(pools.map((pool) => pool.destroy()));
  }
}

/**
 * The undici transport. Pick it for sustained high concurrency to one endpoint; the default node:http
 * transport starts faster. The caller's `dispatcher` is never closed by `destroy()`: its owner closes it.
 */
export function createUndiciTransport(options: UndiciTransportOptions = {}): Transport {
  return new UndiciTransport(options);
}
