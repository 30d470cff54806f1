// A TCP proxy on loopback between a client under test and ec2-local: it counts the connections the
// client opens (in total, open now, most open at once) and the signed requests that cross it, and
// keeps every SigV4 signature it sees, so tests can bound socket use, prove that nothing was sent,
// and check that no signature ever shows up in traces, logs or errors. Bytes pass through unchanged;
// on request it delivers responses slowly (a slow body: the first bytes at once, the rest trickling).

import { connect, createServer, type Server, type Socket } from 'node:net';

export interface CountingProxy {
  /** `http://127.0.0.1:<port>`: give this to the client as its endpoint URL. */
  readonly url: string;
  /** Connections accepted since the start (or the last `resetCounts()`). */
  readonly totalConnections: number;
  /** Client connections open right now (neither side has closed them). */
  readonly openConnections: number;
  /** The most client connections open at the same time. */
  readonly maxOpenConnections: number;
  /** Signed requests that went through (one `Authorization: ... Signature=` each). */
  readonly signedRequests: number;
  /** Every signature seen on the wire. */
  readonly signatures: ReadonlySet<string>;
  resetCounts(): void;
  /** From now on, responses arrive `chunkBytes` at a time, `delayMs` apart (undefined: at full speed). */
  setSlowResponses(slow: { chunkBytes: number; delayMs: number } | undefined): void;
  /** Resolves once no client connection is open, or after `timeoutMs` (then with the count left). */
  waitUntilIdle(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

const SIGNATURE = /Signature=([0-9a-f]{64})/g;
/** Enough of the previous chunk to catch a signature split across two chunks. */
const CARRY = 'Signature='.length + 64;

export async function startCountingProxy(target: { host: string; port: number }): Promise<CountingProxy> {
  const sockets = new Set<Socket>();
  const signatures = new Set<string>();
  let total = 0;
  let open = 0;
  let maxOpen = 0;
  let signed = 0;
  let slow: { chunkBytes: number; delayMs: number } | undefined;

  const server: Server = createServer((downstream) => {
    total++;
    open++;
    maxOpen = Math.max(maxOpen, open);
    const upstream = connect(target.port, target.host);
    sockets.add(downstream);
    sockets.add(upstream);
    let tail = '';
    downstream.on('data', (chunk: Buffer) => {
      const text = tail + chunk.toString('latin1');
      // Count each signature once even when it sits in the carried-over tail.
      for (const match of text.matchAll(SIGNATURE)) {
        if (match.index + match[0].length > tail.length) {
          signed++;
          signatures.add(match[1]!);
        }
      }
      tail = text.slice(-CARRY);
    });
    downstream.pipe(upstream);
    // Upstream to downstream by hand, so a response can be slowed down; `delivered` settles when
    // every byte received so far has been passed on.
    let delivered = Promise.resolve();
    upstream.on('data', (chunk: Buffer) => {
      const pace = slow;
      if (pace === undefined) {
        downstream.write(chunk);
        return;
      }
      upstream.pause();
      delivered = delivered.then(async () => {
        for (let at = 0; at < chunk.length && !downstream.destroyed; at += pace.chunkBytes) {
          if (at > 0) await new Promise((resolve) => setTimeout(resolve, pace.delayMs));
          if (!downstream.destroyed) downstream.write(chunk.subarray(at, at + pace.chunkBytes));
        }
        upstream.resume();
      });
    });
    upstream.on('end', () => {
      void delivered.then(() => downstream.end());
    });
    // One side failing or closing ends the other: a reset on either side is seen on the other.
    upstream.on('error', () => downstream.destroy());
    downstream.on('error', () => upstream.destroy());
    // A connection stops counting as open when either side closes: once the server dropped it, the
    // client can only notice and move on (its replacement must not count as one too many).
    let counted = true;
    const uncount = () => {
      if (counted) open--;
      counted = false;
    };
    upstream.on('close', () => {
      uncount();
      void delivered.then(() => downstream.end());
    });
    downstream.on('close', () => {
      uncount();
      upstream.destroy();
      sockets.delete(downstream);
    });
    upstream.once('close', () => sockets.delete(upstream));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;

  return {
    url: `http://127.0.0.1:${port}`,
    get totalConnections() {
      return total;
    },
    get openConnections() {
      return open;
    },
    get maxOpenConnections() {
      return maxOpen;
    },
    get signedRequests() {
      return signed;
    },
    signatures,
    resetCounts() {
      total = open;
      maxOpen = open;
      signed = 0;
    },
    setSlowResponses(pace) {
      slow = pace;
    },
    async waitUntilIdle(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (open > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
      return open;
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
