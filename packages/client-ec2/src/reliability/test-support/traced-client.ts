// EC2 clients for the reliability tests: pointed at a local endpoint, tracing and logging into the
// file's secret guard, with their own list of trace events so a test can read the retry decisions of
// its calls. `destroyAll()` ends every client a file made.

import { EC2Client, type EC2ClientConfig } from '@boto-ts/client-ec2';
import type { Logger, TraceEvent } from '@boto-ts/core';
import type { LeakGuard } from '../../../../core/src/client/test-support/leak-guard.js';

export interface TracedClient {
  readonly client: EC2Client;
  /** Every trace event of this client's calls, in order. */
  readonly events: TraceEvent[];
  /** Events of one type (`request`, `retry`, `clockSkew`, ...) from index `from` on. */
  eventsOf(type: string, from?: number): TraceEvent[];
}

const made = new Set<EC2Client>();

export function tracedClient(guard: LeakGuard, endpoint: string, config: EC2ClientConfig = {}): TracedClient {
  const events: TraceEvent[] = [];
  const forward = (level: keyof Logger) => (event: TraceEvent) => {
    events.push(event);
    guard.logger[level]?.(event);
  };
  const client = new EC2Client(
    guard.clientConfig({
      endpointUrl: endpoint,
      logger: {
        debug: forward('debug'),
        info: forward('info'),
        warn: forward('warn'),
        error: forward('error'),
      },
      ...config,
    }),
  );
  made.add(client);
  return {
    client,
    events,
    eventsOf: (type, from = 0) => events.slice(from).filter((event) => event.type === type),
  };
}

/** Destroys every client `tracedClient` made (and forgets them). */
export async function destroyAll(): Promise<void> {
  const clients = [...made];
  made.clear();
  await Promise.all(clients.map((client) => client.destroy()));
}
