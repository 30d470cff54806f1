#!/usr/bin/env node
// The `ec2-local` command: starts the endpoint in the foreground, prints how to point a client at it,
// logs one line per request, and stops cleanly on Ctrl-C (SIGINT) or SIGTERM.

import { parseArgs } from 'node:util';
import type { FaultOptions } from './faults/faults.js';
import { startEc2Local } from './server/start.js';
import type { StateDelaysOption } from './state/delays.js';

const USAGE = `usage: ec2-local [options]

  --port <n>                 TCP port (default 4566; 0 picks a free one)
  --host <addr>              interface (default 127.0.0.1)
  --region <name>            region served (default us-east-1)
  --delays <instant|manual|ms>  lifecycle step time (default ~1.5 s per step)
  --throttle-every <n>       every nth call answers RequestLimitExceeded
  --server-error-every <n>   every nth call answers 500 InternalError
  --reset-every <n>          every nth call drops the connection before answering
  --latency <ms>             delay every answer
  --clock-skew <ms>          run the server clock ahead (or behind, negative)
  --quiet                    no per-request log lines
  --help`;

function numberOption(
  values: Record<string, string | boolean | undefined>,
  name: string,
): number | undefined {
  const raw = values[name];
  if (raw === undefined || typeof raw === 'boolean') return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) {
    console.error(`ec2-local: --${name} needs a number, got ${JSON.stringify(raw)}\n\n${USAGE}`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      region: { type: 'string' },
      delays: { type: 'string' },
      'throttle-every': { type: 'string' },
      'server-error-every': { type: 'string' },
      'reset-every': { type: 'string' },
      latency: { type: 'string' },
      'clock-skew': { type: 'string' },
      quiet: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const delays = values.delays;
  const stateDelays: StateDelaysOption | undefined =
    delays === 'instant' || delays === 'manual'
      ? delays
      : delays === undefined
        ? undefined
        : (() => {
            const ms = numberOption(values, 'delays')!;
            return { pending: ms, stopping: ms, shuttingDown: ms, volume: ms };
          })();
  const faults: FaultOptions = {
    throttleEvery: numberOption(values, 'throttle-every'),
    serverErrorEvery: numberOption(values, 'server-error-every'),
    resetBeforeEvery: numberOption(values, 'reset-every'),
    latencyMs: numberOption(values, 'latency'),
    clockSkewMs: numberOption(values, 'clock-skew'),
  };
  const server = await startEc2Local({
    port: numberOption(values, 'port') ?? 4566,
    host: values.host,
    region: values.region,
    stateDelays,
    faults: Object.fromEntries(Object.entries(faults).filter(([, v]) => v !== undefined)),
    log: values.quiet
      ? undefined
      : (e) => {
          const what = e.code ?? (e.fault ? `fault:${e.fault}` : '');
          console.log(
            `${e.method} ${e.path} ${e.action ?? '-'} ${e.status} ${what} ${e.durationMs}ms`.replace(
              / +/g,
              ' ',
            ),
          );
        },
  });
  const { endpoint, region, credentials } = server;
  console.log(`ec2-local listening on ${endpoint} (region ${region}, account ${server.accountId})

  export AWS_ACCESS_KEY_ID=${credentials.accessKeyId}
  export AWS_SECRET_ACCESS_KEY=${credentials.secretAccessKey}
  export AWS_REGION=${region}
  export AWS_ENDPOINT_URL_EC2=${endpoint}

  then: aws ec2 describe-instances   (or pass --endpoint-url ${endpoint})
  control: curl ${endpoint}/_ec2-local/health
  Ctrl-C stops it.
`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`ec2-local: ${(error as Error).message}`);
  process.exit(1);
});
