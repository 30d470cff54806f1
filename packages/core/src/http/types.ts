// The transport contract: one HTTP exchange, nothing else (no signing, no retries, no parsing).

export interface HttpRequest {
  readonly method: string;
  /** Absolute URL, query string included. */
  readonly url: string;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | undefined;
}

export interface HttpResponse {
  readonly statusCode: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The whole body, decompressed when the server sent gzip. */
  readonly body: Uint8Array;
}

export interface HttpTimeouts {
  /** Milliseconds to establish the TCP/TLS connection. */
  readonly connectMs?: number;
  /** Milliseconds from sending the request to the first response byte. */
  readonly firstByteMs?: number;
  /** Milliseconds for the whole exchange, body included. */
  readonly totalMs?: number;
}

export interface SendOptions {
  readonly signal?: AbortSignal | undefined;
  readonly timeouts?: HttpTimeouts | undefined;
}

/**
 * Sends one request and reads the whole response. Implementations reject with TimeoutError
 * (connect, first byte, total, aborted) or NetworkError (reset, refused...), and never leave a
 * socket half-read: a body is consumed to the end or the socket is destroyed.
 */
export interface Transport {
  send(request: HttpRequest, options?: SendOptions): Promise<HttpResponse>;
  /** Closes idle sockets; pending sends finish or fail. */
  destroy(): Promise<void>;
}
