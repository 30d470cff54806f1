// ServiceResource: the base of EC2Resource (generated). It makes or takes the EC2Client, owns the
// context every resource object shares, and runs service-level actions and collections.

import { EC2Client, type EC2ClientConfig } from '@boto-ts/client-ec2';
import type { CallOptions } from '@boto-ts/core';
import { runAction } from './actions.js';
import type { CollectionSource } from './collection-source.js';
import { createResourceContext, type ResourceContext, type ResourceOptions } from './context.js';
import type { ActionDefinition, CollectionDefinition } from './definitions.js';
import type { ParamOwner } from './request-params.js';
import { construct, type ResourceClass } from './resource.js';

/**
 * `new EC2Resource({ session })`, `new EC2Resource({ region, credentials })` (any EC2Client option),
 * or `new EC2Resource({ client })` to share a client; plus the resource options.
 */
export type EC2ResourceOptions =
  | (EC2ClientConfig & ResourceOptions & { readonly client?: undefined })
  | (ResourceOptions & { readonly client: EC2Client });

/** The service itself has no identifiers and no data. */
const serviceOwner: ParamOwner = {
  identifiers: {},
  data: () => {
    throw new TypeError('service-level requests read no data');
  },
};

export class ServiceResource {
  /** The client every call goes through (boto3's `resource.meta.client`). */
  readonly client: EC2Client;
  readonly #context: ResourceContext;
  readonly #ownsClient: boolean;

  constructor(options: EC2ResourceOptions = {}) {
    if (options.client !== undefined) {
      this.client = options.client;
      this.#ownsClient = false;
      this.#context = createResourceContext(options.client, options);
    } else {
      const { consistency, client: _client, ...config } = options;
      this.client = new EC2Client(config);
      this.#ownsClient = true;
      this.#context = createResourceContext(this.client, { consistency });
    }
  }

  /** Closes the client's connections when this resource made the client (a client passed in is left open). */
  async destroy(): Promise<void> {
    if (this.#ownsClient) await this.client.destroy();
  }

  // ---- for the generated EC2Resource ----

  protected get context(): ResourceContext {
    return this.#context;
  }

  protected runAction<R>(
    definition: ActionDefinition,
    input: object | undefined,
    options: CallOptions | undefined,
    result?: ResourceClass<R>,
  ): Promise<unknown> {
    const context = this.#context;
    return runAction(
      context,
      definition,
      serviceOwner,
      input,
      options,
      result && ((built, createdAt) => construct(result, context, built, { createdAt })),
    );
  }

  protected collectionSource(definition: CollectionDefinition): CollectionSource {
    return { context: this.#context, definition, owner: serviceOwner };
  }
}
