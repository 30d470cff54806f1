// Types for botocore-format model files (service-2.json, paginators-1.json, waiters-2.json),
// the generator's only input. Only the fields the generator reads are typed.

export interface ModelMember {
  readonly shape: string;
  readonly locationName?: string;
  readonly queryName?: string;
  readonly flattened?: boolean;
  readonly xmlAttribute?: boolean;
  readonly xmlNamespace?: unknown;
  readonly idempotencyToken?: boolean;
  readonly hostLabel?: boolean;
  readonly timestampFormat?: string;
  readonly deprecated?: boolean;
  readonly documentation?: string;
  /** The rest protocols: where the member travels (absent: the body). */
  readonly location?: 'header' | 'headers' | 'querystring' | 'uri' | 'statusCode';
  /** A header holding base64-encoded JSON text. */
  readonly jsonvalue?: boolean;
  /** The member sets an endpoint rule-set parameter. */
  readonly contextParam?: { readonly name: string };
  readonly eventpayload?: boolean;
  readonly eventheader?: boolean;
}

interface ShapeBase {
  readonly documentation?: string;
  readonly sensitive?: boolean;
  readonly deprecated?: boolean;
}

export interface StructureShape extends ShapeBase {
  readonly type: 'structure';
  readonly members: Readonly<Record<string, ModelMember>>;
  readonly required?: readonly string[];
  readonly exception?: boolean;
  readonly error?: {
    readonly code?: string;
    readonly httpStatusCode?: number;
    readonly senderFault?: boolean;
  };
  readonly locationName?: string;
  readonly xmlNamespace?: { readonly prefix?: string; readonly uri: string };
  /** The member that is the whole HTTP body (rest protocols). */
  readonly payload?: string;
  readonly union?: boolean;
  /** A Smithy document: any JSON-like value. */
  readonly document?: boolean;
  readonly eventstream?: boolean;
  readonly event?: boolean;
}

export interface ListShape extends ShapeBase {
  readonly type: 'list';
  readonly member: ModelMember;
  readonly flattened?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly locationName?: string;
}

export interface MapShape extends ShapeBase {
  readonly type: 'map';
  readonly key: ModelMember;
  readonly value: ModelMember;
  readonly flattened?: boolean;
  readonly min?: number;
  readonly locationName?: string;
}

export interface ScalarShape extends ShapeBase {
  readonly type: 'string' | 'boolean' | 'integer' | 'long' | 'float' | 'double' | 'timestamp' | 'blob';
  readonly enum?: readonly string[];
  readonly min?: number;
  readonly max?: number;
  readonly pattern?: string;
  readonly timestampFormat?: string;
  readonly streaming?: boolean;
  readonly requiresLength?: boolean;
}

export type ModelShape = StructureShape | ListShape | MapShape | ScalarShape;

export interface ModelOperation {
  readonly name: string;
  readonly http?: { readonly method: string; readonly requestUri: string; readonly responseCode?: number };
  readonly input?: {
    readonly shape: string;
    /** rest-xml: the element the whole input is written as, and its namespace. */
    readonly locationName?: string;
    readonly xmlNamespace?: { readonly prefix?: string; readonly uri: string };
  };
  readonly output?: { readonly shape: string; readonly resultWrapper?: string };
  readonly errors?: readonly { readonly shape: string }[];
  readonly endpoint?: { readonly hostPrefix?: string };
  readonly authtype?: string;
  readonly auth?: readonly string[];
  readonly deprecated?: boolean;
  readonly documentation?: string;
  readonly staticContextParams?: Readonly<Record<string, { readonly value: unknown }>>;
  readonly operationContextParams?: Readonly<Record<string, { readonly path: string }>>;
  readonly requestcompression?: { readonly encodings?: readonly string[] };
}

export interface ServiceModel {
  readonly metadata: {
    readonly apiVersion: string;
    readonly endpointPrefix: string;
    readonly protocol: string;
    /** Every protocol the service speaks, preferred first (newer models). */
    readonly protocols?: readonly string[];
    readonly jsonVersion?: string;
    readonly targetPrefix?: string;
    readonly awsQueryCompatible?: object;
    readonly serviceId: string;
    readonly signatureVersion?: string;
    readonly signingName?: string;
    readonly xmlNamespace?: string;
    readonly uid?: string;
    readonly serviceFullName?: string;
  };
  readonly operations: Readonly<Record<string, ModelOperation>>;
  readonly shapes: Readonly<Record<string, ModelShape>>;
}

export interface PaginatorsModel {
  readonly pagination: Readonly<
    Record<
      string,
      {
        readonly input_token?: string | readonly string[];
        readonly output_token?: string | readonly string[];
        readonly limit_key?: string;
        readonly result_key?: string | readonly string[];
        readonly more_results?: string;
        readonly non_aggregate_keys?: readonly string[];
      }
    >
  >;
}

export interface WaitersModel {
  readonly version: number;
  readonly waiters: Readonly<
    Record<
      string,
      {
        readonly operation: string;
        readonly delay: number;
        readonly maxAttempts: number;
        readonly description?: string;
        readonly acceptors: readonly {
          readonly state: 'success' | 'failure' | 'retry';
          readonly matcher: 'path' | 'pathAll' | 'pathAny' | 'status' | 'error';
          readonly argument?: string;
          readonly expected: unknown;
        }[];
      }
    >
  >;
}
