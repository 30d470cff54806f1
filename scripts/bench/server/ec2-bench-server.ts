// The benchmark's EC2-like endpoint on loopback: one node:http listener per DescribeInstances size
// (N = 1, 100, 1000, ...), each answering DescribeInstances with its canned N-instance body, plus
// RunInstances and TerminateInstances. Bodies are built once, so the server spends almost nothing per
// request; it checks no signature. Bounded: connection cap, body cap, header/request timeouts.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describeInstancesXml, errorXml, runInstancesXml, terminateInstancesXml } from './ec2-responses.js';

export interface BenchServerOptions {
  /** One listener per count; DescribeInstances on it returns that many instances. */
  readonly describeCounts: readonly number[];
  /** Host to listen on; loopback only. Default 127.0.0.1. */
  readonly host?: string;
  /** Connections per listener. Default 256 (64 in flight plus room for reconnects). */
  readonly maxConnections?: number;
  /** Request bodies above this are refused with 413. Default 1 MiB. */
  readonly maxBodyBytes?: number;
}

export interface BenchServer {
  /** `http://127.0.0.1:<port>` for each DescribeInstances count. */
  readonly endpoints: ReadonlyMap<number, string>;
  /** Requests answered so far, by action (`DescribeInstances`, ..., `invalid`). */
  readonly requestCounts: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

const XML_HEADERS = { 'content-type': 'text/xml;charset=UTF-8', server: 'AmazonEC2' } as const;
const MAX_RUN_COUNT = 16;

interface Reply {
  readonly status: number;
  readonly body: Buffer;
}

function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    request.on('end', () => resolveBody(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The `Name.N` values of a form body, in order (`InstanceId.1`, `InstanceId.2`, ...). */
function listParam(params: URLSearchParams, name: string): string[] {
  const values: string[] = [];
  for (let i = 1; params.has(`${name}.${i}`); i++) values.push(params.get(`${name}.${i}`)!);
  return values;
}

function reply(status: number, xml: string): Reply {
  return { status, body: Buffer.from(xml, 'utf8') };
}

/** What one listener answers to one form body; pure, so tests need no sockets. */
export function answer(params: URLSearchParams, describeBody: Buffer, runSeed: number): Reply {
  const action = params.get('Action');
  switch (action) {
    case 'DescribeInstances':
      return { status: 200, body: describeBody };
    case 'RunInstances': {
      const maxCount = Number(params.get('MaxCount') ?? '1');
      if (!Number.isInteger(maxCount) || maxCount < 1) {
        return reply(400, errorXml('InvalidParameterValue', 'MaxCount must be a positive integer'));
      }
      return reply(200, runInstancesXml(Math.min(maxCount, MAX_RUN_COUNT), runSeed));
    }
    case 'TerminateInstances': {
      const ids = listParam(params, 'InstanceId');
      if (ids.length === 0) return reply(400, errorXml('MissingParameter', 'InstanceId is required'));
      return reply(200, terminateInstancesXml(ids));
    }
    default:
      return reply(400, errorXml('InvalidAction', `The action ${action ?? '(none)'} is not valid here`));
  }
}

function listen(server: Server, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => resolvePort((server.address() as AddressInfo).port));
  });
}

export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const host = options.host ?? '127.0.0.1';
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const counts = new Map<string, number>();
  const servers: Server[] = [];
  const endpoints = new Map<number, string>();
  let runSeed = 0;

  const handlerFor = (describeBody: Buffer) => async (request: IncomingMessage, response: ServerResponse) => {
    let result: Reply;
    let action = 'invalid';
    try {
      const body = await readBody(request, maxBodyBytes);
      if (body === undefined) result = reply(413, errorXml('RequestEntityTooLarge', 'body too large'));
      else if (request.method !== 'POST') result = reply(405, errorXml('InvalidAction', 'use POST'));
      else {
        const params = new URLSearchParams(body);
        result = answer(params, describeBody, runSeed++);
        if (result.status === 200) action = params.get('Action')!;
      }
      counts.set(action, (counts.get(action) ?? 0) + 1);
    } catch {
      response.destroy();
      return;
    }
    response.writeHead(result.status, { ...XML_HEADERS, 'content-length': result.body.length });
    response.end(result.body);
  };

  try {
    for (const count of options.describeCounts) {
      const server = createServer({
        keepAliveTimeout: 10_000,
        requestTimeout: 30_000,
        headersTimeout: 10_000,
      });
      server.maxConnections = options.maxConnections ?? 256;
      server.on('request', handlerFor(Buffer.from(describeInstancesXml(count), 'utf8')));
      servers.push(server);
      endpoints.set(count, `http://${host}:${await listen(server, host)}`);
    }
  } catch (error) {
    for (const server of servers) server.close();
    throw error;
  }

  return {
    endpoints,
    requestCounts: counts,
    close: async () => {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((done) => {
              server.close(() => done());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
