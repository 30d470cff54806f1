// ServiceClient: owns one client's resolved configuration and runs one operation end to end
// (validate -> idempotency tokens -> serialize -> endpoint -> credentials -> sign -> send -> retry -> decode).
// Generated clients (EC2Client, the STS client) extend it; the bare per-operation functions call `send`.

import { BotoError } from '../errors/errors.js';
import type { OperationSchema, ServiceSchema } from '../protocol/schema.js';
import type { WithMetadata } from './metadata.js';
import type { CallOptions, ClientConfig } from './types.js';

export class ServiceClient {
  readonly service: ServiceSchema;
  readonly config: ClientConfig;

  constructor(service: ServiceSchema, config: ClientConfig = {}) {
    this.service = service;
    this.config = config;
  }

  /** Runs `operation` with `input`; resolves to the decoded output with `$metadata`. */
  send<Input extends object, Output extends object>(
    operation: OperationSchema,
    input: Input,
    options?: CallOptions,
  ): Promise<WithMetadata<Output>> {
    void input;
    void options;
    // PIPELINE-PENDING: replaced by the request pipeline (issue 4).
    return Promise.reject(
      new BotoError('NotImplemented', `${operation.name}: the request pipeline is not built yet`),
    );
  }

  /** Closes the client's sockets and timers. */
  async destroy(): Promise<void> {}
}
