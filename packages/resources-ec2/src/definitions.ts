// The shape of the generated resource tables (src/generated/): plain data read from boto3's
// resources-1.json, with every JMESPath expression already compiled to a function. The engine reads
// these and nothing else; the generated classes only add types.

import type { AnyPaginatorSpec } from '@boto-ts/paginators';
import type { AnyWaiterSpec } from '@boto-ts/waiters';

/** A JMESPath expression compiled at generation time. */
export type CompiledPath = (value: unknown) => unknown;

/**
 * Where a request parameter goes: member names and list indexes (`Filters[0].Values[0]` is
 * `['Filters', 0, 'Values', 0]`). In batch actions `'[]'` appends and `'[*]'` is the index of the
 * resource in the batch (`Tags[*].Key`).
 */
export type ParamTarget = readonly (string | number)[];

/** One request parameter the resource fills in. */
export type ParamDefinition =
  /** The resource's identifier `name`. */
  | { readonly target: ParamTarget; readonly from: 'identifier'; readonly name: string }
  /** A constant (`Attribute: 'kernel'`, `Filters[0].Name: 'vpc-id'`). */
  | { readonly target: ParamTarget; readonly from: 'value'; readonly value: string | number | boolean }
  /** A value read from the resource's loaded data (`Attachment.AttachmentId`). */
  | {
      readonly target: ParamTarget;
      readonly from: 'data';
      readonly path: CompiledPath;
      readonly expression: string;
    };

/** An operation call with the parameters the resource fills in. */
export interface RequestDefinition {
  /** The model operation (`TerminateInstances`). */
  readonly operation: string;
  /** The client method (`terminateInstances`). */
  readonly method: string;
  readonly params: readonly ParamDefinition[];
}

/** Where one identifier of a resource built from a response (or from a parent's data) comes from. */
export type IdentifierSource =
  /** The response (actions, collections) or the parent's data (references), through a path. */
  | { readonly from: 'response'; readonly path: CompiledPath; readonly expression: string }
  /**
   * Each element of the list the data path selects: `path` reads one element (`InstanceId`), while
   * `expression` is the whole path in the model (`Reservations[].Instances[].InstanceId`).
   */
  | { readonly from: 'element'; readonly path: CompiledPath; readonly expression: string }
  /** The request that was sent (`Tags[].Key` of CreateTags). */
  | { readonly from: 'requestParameter'; readonly path: CompiledPath; readonly expression: string }
  /** The parent's identifier `name`. */
  | { readonly from: 'identifier'; readonly name: string };

/** How to build resources from a response or from a parent's data. */
export interface ResultDefinition {
  /** The resource class name (`Instance`). */
  readonly type: string;
  /** Whether a list of resources comes out (an identifier path with a projection). */
  readonly plural: boolean;
  readonly identifiers: readonly { readonly target: string; readonly source: IdentifierSource }[];
  /**
   * The data of the built resources: a compiled path (each element of its list when plural), or
   * `'whole'` for `@` (the response itself, without `$metadata`). Absent: they come unloaded.
   */
  readonly data?: CompiledPath | 'whole' | undefined;
  /** The data path as written in the model (`Reservations[].Instances[]`, `@`). */
  readonly dataExpression?: string | undefined;
}

/** An action: a request, and optionally the resources its response describes. */
export interface ActionDefinition extends RequestDefinition {
  readonly result?: ResultDefinition | undefined;
}

/** A collection: a (usually paged) request and the resources in each page. */
export interface CollectionDefinition extends RequestDefinition {
  /** The operation's paginator; absent when the operation answers in one response. */
  readonly paginator?: AnyPaginatorSpec | undefined;
  readonly result: ResultDefinition;
}

/** A reference or sub-resource: resources named by the parent's identifiers or data. */
export interface ReferenceDefinition {
  /** The getter (`vpc`), for messages. */
  readonly name: string;
  readonly result: ResultDefinition;
  /** Whether it reads the parent's data (then the parent must be loaded). */
  readonly needsData: boolean;
}

/** A resource waiter: a waiter spec with the identifiers filled in. */
export interface WaiterDefinition {
  readonly waiter: AnyWaiterSpec;
  readonly params: readonly ParamDefinition[];
  /** Whether the waiter polls the load operation, so its final response holds the resource's data. */
  readonly updatesData: boolean;
}

export interface LoadDefinition extends RequestDefinition {
  /** The compiled load path (`Reservations[0].Instances[0]`) and its source text. */
  readonly path: CompiledPath;
  readonly expression: string;
}

/** One resource type. */
export interface ResourceDefinition {
  /** The class name (`Instance`). */
  readonly name: string;
  /** Identifier names, in constructor order (`['Id']`, `['RouteTableId', 'DestinationCidrBlock']`). */
  readonly identifiers: readonly string[];
  /** The model shape of its data (`Instance`). */
  readonly shape?: string | undefined;
  readonly load?: LoadDefinition | undefined;
  /** For types without a load operation: where loaded objects come from (`routeTable.routes`). */
  readonly loadedFrom?: readonly string[] | undefined;
}

/** Everything a generated class runs on, by the name of its method or getter (for tools and tests). */
export interface ResourceTables {
  readonly definition: ResourceDefinition;
  readonly actions: Readonly<Record<string, ActionDefinition>>;
  readonly batchActions: Readonly<Record<string, RequestDefinition>>;
  readonly waiters: Readonly<Record<string, WaiterDefinition>>;
  readonly references: Readonly<Record<string, ReferenceDefinition>>;
  readonly collections: Readonly<Record<string, CollectionDefinition>>;
  /** `[getter, member]` of every data attribute (`['state', 'State']`). */
  readonly attributes: readonly (readonly [getter: string, member: string])[];
}

/** What EC2Resource runs on: service-level actions and collections, by method or getter name. */
export interface ServiceTables {
  readonly actions: Readonly<Record<string, ActionDefinition>>;
  readonly collections: Readonly<Record<string, CollectionDefinition>>;
}
