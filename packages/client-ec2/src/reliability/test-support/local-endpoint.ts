// ec2-local behind a counting proxy, set up the way the reliability tests use it: the leak guard's test
// credentials (a session token included) as the account, instant lifecycle, and the server's request
// log kept, so a test can see every call the server answered (with its fault) next to what the client
// reported.

import {
  type AccountOptions,
  type Ec2LocalOptions,
  type Ec2LocalServer,
  type RequestLogEntry,
  startEc2Local,
} from '@boto-ts/ec2-local';
import { TEST_CREDENTIALS } from '../../../../core/src/client/test-support/leak-guard.js';
import { type CountingProxy, startCountingProxy } from './counting-proxy.js';

export interface LocalEndpoint {
  readonly local: Ec2LocalServer;
  readonly proxy: CountingProxy;
  /** The endpoint URL clients use (the proxy in front of ec2-local). */
  readonly endpoint: string;
  /** Every request ec2-local answered, in order (a connection the client dropped is not answered). */
  readonly log: RequestLogEntry[];
  /** Log entries of one action from index `from` on. */
  entries(action: string, from?: number): RequestLogEntry[];
  close(): Promise<void>;
}

export const TEST_ACCOUNT: AccountOptions = {
  accessKeyId: TEST_CREDENTIALS.accessKeyId,
  secretAccessKey: TEST_CREDENTIALS.secretAccessKey,
  sessionToken: TEST_CREDENTIALS.sessionToken,
};

export async function startLocalEndpoint(options: Ec2LocalOptions = {}): Promise<LocalEndpoint> {
  const log: RequestLogEntry[] = [];
  const local = await startEc2Local({
    stateDelays: 'instant',
    accounts: [TEST_ACCOUNT],
    ...options,
    log: (entry) => {
      log.push(entry);
      options.log?.(entry);
    },
  });
  const proxy = await startCountingProxy({ host: local.host, port: local.port });
  return {
    local,
    proxy,
    endpoint: proxy.url,
    log,
    entries: (action, from = 0) => log.slice(from).filter((entry) => entry.action === action),
    async close() {
      await proxy.close();
      await local.close();
    },
  };
}
