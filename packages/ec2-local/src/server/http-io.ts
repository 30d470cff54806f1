// Small node:http helpers: read a request body with a size limit, turn rawHeaders into pairs, write
// a complete response (or half of one, for the mid-response reset fault).

import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLargeError extends Error {
  override readonly name = 'BodyTooLargeError';
}

export function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      // Too large: stop keeping it, but keep reading (and discarding) what the client still sends,
      // so the 413 reaches it instead of a reset; the answer closes the connection afterwards.
      if (chunks.length > 0) chunks.length = 0;
      reject(new BodyTooLargeError(`request body larger than ${limit} bytes`));
    });
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

/** `rawHeaders` ([name, value, name, value, ...]) as pairs, original case and repeats kept. */
export function headerPairs(raw: readonly string[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) pairs.push([raw[i]!, raw[i + 1]!]);
  return pairs;
}

export interface OutgoingResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export function writeResponse(response: ServerResponse, outgoing: OutgoingResponse): void {
  const body = Buffer.from(outgoing.body, 'utf8');
  response.writeHead(outgoing.status, { ...outgoing.headers, 'content-length': String(body.length) });
  response.end(body);
}

/** Sends the status line, headers and the first half of the body, then destroys the connection. */
export function writeHalfThenReset(response: ServerResponse, outgoing: OutgoingResponse): void {
  const body = Buffer.from(outgoing.body, 'utf8');
  response.writeHead(outgoing.status, { ...outgoing.headers, 'content-length': String(body.length) });
  response.flushHeaders();
  response.write(body.subarray(0, Math.floor(body.length / 2)), () => response.socket?.destroy());
}
