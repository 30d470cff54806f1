// startEc2Local(): builds the runtime, listens with node:http, routes control and EC2 requests, and
// returns the handle. Start-up does no I/O beyond binding the socket; close() ends every connection.

import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { resolveAccounts } from '../auth/accounts.js';
import { resolveDelays } from '../state/delays.js';
import { buildImages } from '../state/images.js';
import { randomIds } from '../state/store.js';
import { CONTROL_PREFIX, handleControlRequest } from './control.js';
import { handleEc2Request } from './handler.js';
import type { Ec2LocalOptions, Ec2LocalServer } from './options.js';
import { Ec2LocalRuntime } from './runtime.js';

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts a local EC2 endpoint. Resolves once it listens. */
export async function startEc2Local(options: Ec2LocalOptions = {}): Promise<Ec2LocalServer> {
  const host = options.host ?? '127.0.0.1';
  const region = options.region ?? 'us-east-1';
  if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region))
    throw new RangeError(`region ${JSON.stringify(region)} is not a region name like us-east-1`);
  const accounts = resolveAccounts(options.accounts);
  let seq = 0;
  const runtime = new Ec2LocalRuntime({
    region,
    accounts,
    images: buildImages(options.images ?? [], randomIds, () => ++seq),
    delays: resolveDelays(options.stateDelays),
    faults: options.faults ?? {},
    clock: options.clock ?? Date.now,
    log: options.log,
    maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
  });

  const sockets = new Set<Socket>();
  const server = createServer((request, response) => {
    const handler = (request.url ?? '').startsWith(CONTROL_PREFIX) ? handleControlRequest : handleEc2Request;
    void handler(runtime, request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const port = await listen(server, options.port ?? 0, host);
  const first = accounts[0]!;
  let closing: Promise<void> | undefined;

  return {
    endpoint: `http://${urlHost(host)}:${port}`,
    host,
    port,
    region,
    credentials: {
      accessKeyId: first.accessKeyId,
      secretAccessKey: first.secretAccessKey,
      ...(first.sessionToken ? { sessionToken: first.sessionToken } : {}),
    },
    accountId: first.accountId,
    get faults() {
      return runtime.faults.options;
    },
    setFaults: (faults) => runtime.faults.replace(faults),
    advance: () => runtime.advance(),
    reset: () => runtime.reset(),
    instances: (accountId) => runtime.instances(accountId),
    close() {
      closing ??= new Promise<void>((resolve) => {
        runtime.close();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}
