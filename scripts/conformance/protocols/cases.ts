// botocore's protocol test files, as this runner reads them: a suite is a service model fragment
// (metadata and shapes) with cases that each give one operation and either the params to serialize
// or the response to decode.

import type { OperationSchema, ServiceSchema } from '@boto-ts/core';
import type { ModelOperation, ModelShape, ServiceModel } from '../../../packages/codegen/src/model.js';
import { buildSchemas } from '../../../packages/codegen/src/schema-builder.js';

export interface Suite {
  readonly description: string;
  readonly metadata: { readonly protocol: string; readonly apiVersion?: string } & Record<string, unknown>;
  readonly clientEndpoint?: string;
  readonly shapes: Readonly<Record<string, ModelShape>>;
  readonly cases: readonly Case[];
}

export interface Case {
  readonly id?: string;
  readonly description?: string;
  readonly given: ModelOperation & { readonly name: string };
  readonly params?: Record<string, unknown>;
  readonly serialized?: {
    readonly method?: string;
    readonly uri?: string;
    readonly body?: string;
    readonly headers?: Readonly<Record<string, string>>;
    readonly forbidHeaders?: readonly string[];
    readonly requireHeaders?: readonly string[];
    readonly host?: string;
  };
  readonly response?: {
    readonly status_code: number;
    readonly headers?: Record<string, string>;
    readonly body?: string;
  };
  readonly result?: Record<string, unknown>;
  readonly errorCode?: string;
  readonly errorMessage?: string;
  readonly error?: Record<string, unknown>;
}

export interface Built {
  readonly service: ServiceSchema;
  readonly operation: OperationSchema;
}

/** The suite's metadata and shapes with the case's one operation, through the generator's schema builder. */
export function buildCase(suite: Suite, given: Case['given']): Built {
  const model: ServiceModel = {
    metadata: {
      apiVersion: suite.metadata.apiVersion ?? '',
      endpointPrefix: 'service',
      serviceId: 'Conformance',
      ...suite.metadata,
    } as ServiceModel['metadata'],
    operations: { [given.name]: given },
    shapes: suite.shapes,
  };
  const built = buildSchemas(model);
  return { service: built.service, operation: built.operations.get(given.name) as OperationSchema };
}
