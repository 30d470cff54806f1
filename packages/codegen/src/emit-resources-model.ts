// The inputs and outputs of the resources planner: boto3's resources-1.json as read (ResourcesModel)
// and the plans the renderer turns into classes (ResourcesPlan). Types only.

// ---- resources-1.json ----

export interface ParamModel {
  readonly target: string;
  readonly source: 'identifier' | 'string' | 'integer' | 'boolean' | 'data' | 'input';
  readonly name?: string;
  readonly value?: string | number | boolean;
  readonly path?: string;
}

export interface RequestModel {
  readonly operation: string;
  readonly params?: readonly ParamModel[];
}

export interface ResultModel {
  readonly type: string;
  readonly identifiers: readonly {
    readonly target: string;
    readonly source: 'response' | 'requestParameter' | 'identifier' | 'data' | 'input';
    readonly name?: string;
    readonly path?: string;
  }[];
  readonly path?: string;
}

export interface ResourceModel {
  readonly identifiers?: readonly { readonly name: string; readonly memberName?: string }[];
  readonly shape?: string;
  readonly load?: { readonly request: RequestModel; readonly path: string };
  readonly actions?: Readonly<
    Record<string, { readonly request: RequestModel; readonly resource?: ResultModel }>
  >;
  readonly batchActions?: Readonly<Record<string, { readonly request: RequestModel }>>;
  readonly waiters?: Readonly<
    Record<
      string,
      { readonly waiterName: string; readonly params?: readonly ParamModel[]; readonly path?: string }
    >
  >;
  readonly has?: Readonly<Record<string, { readonly resource: ResultModel }>>;
  readonly hasMany?: Readonly<
    Record<string, { readonly request: RequestModel; readonly resource: ResultModel }>
  >;
}

export interface ResourcesModel {
  readonly service: ResourceModel;
  readonly resources: Readonly<Record<string, ResourceModel>>;
}

// ---- plans ----

export type TargetStep = string | number;

export type ParamPlan =
  | { readonly target: readonly TargetStep[]; readonly from: 'identifier'; readonly name: string }
  | {
      readonly target: readonly TargetStep[];
      readonly from: 'value';
      readonly value: string | number | boolean;
    }
  | { readonly target: readonly TargetStep[]; readonly from: 'data'; readonly expression: string };

export type IdentifierSourcePlan =
  | { readonly from: 'response' | 'requestParameter'; readonly expression: string }
  /** `expression` is relative to one element; `full` is the model's path. */
  | { readonly from: 'element'; readonly expression: string; readonly full: string }
  | { readonly from: 'identifier'; readonly name: string }
  | { readonly from: 'input' };

export interface ResultPlan {
  readonly type: string;
  readonly plural: boolean;
  readonly identifiers: readonly { readonly target: string; readonly source: IdentifierSourcePlan }[];
  /** A JMESPath expression, `'@'` for the whole response, or undefined (the resources come unloaded). */
  readonly data: string | undefined;
}

/** One call: operation, client method, parameters, and the typed input it leaves to the caller. */
export interface CallPlan {
  readonly operation: string;
  readonly method: string;
  readonly params: readonly ParamPlan[];
  readonly inputShape: string | undefined;
  readonly outputShape: string | undefined;
  /** Input members the resource fills in, removed from the caller's input type. */
  readonly omitted: readonly string[];
  /** Whether the caller must pass an input (a required member is left). */
  readonly inputRequired: boolean;
  readonly dryRun: boolean;
}

export interface ActionPlan extends CallPlan {
  /** The model name (`Terminate`) and the method (`terminate`). */
  readonly name: string;
  readonly getter: string;
  readonly result: ResultPlan | undefined;
}

export interface WaiterPlan {
  readonly name: string;
  readonly getter: string;
  /** The exported spec in @boto-ts/waiters (`instanceRunningWaiter`). */
  readonly spec: string;
  readonly waiterName: string;
  readonly delay: number;
  readonly maxAttempts: number;
  readonly call: CallPlan;
  readonly updatesData: boolean;
}

export interface ReferencePlan {
  readonly name: string;
  readonly getter: string;
  readonly result: ResultPlan;
  readonly needsData: boolean;
}

export interface CollectionPlan extends CallPlan {
  readonly name: string;
  readonly getter: string;
  /** The exported paginator spec in @boto-ts/paginators (`describeInstancesPaginator`), when the operation pages. */
  readonly paginator: string | undefined;
  readonly result: ResultPlan;
}

export interface AttributePlan {
  readonly member: string;
  readonly getter: string;
  /** Set when the member is an identifier (`InstanceId` of an Instance): the getter returns it. */
  readonly identifier: string | undefined;
}

export interface IdentifierPlan {
  readonly name: string;
  readonly getter: string;
}

export interface ResourcePlan {
  readonly name: string;
  readonly file: string;
  readonly identifiers: readonly IdentifierPlan[];
  readonly shape: string | undefined;
  readonly load: (CallPlan & { readonly path: string }) | undefined;
  readonly attributes: readonly AttributePlan[];
  readonly actions: readonly ActionPlan[];
  readonly batchActions: readonly ActionPlan[];
  readonly waiters: readonly WaiterPlan[];
  readonly references: readonly ReferencePlan[];
  readonly collections: readonly CollectionPlan[];
  /** Where loaded objects of a type without load come from (`RouteTable.routes`). */
  readonly loadedFrom: readonly string[];
}

export interface ConstructorPlan {
  /** `Instance`, `KeyPair` (which makes a KeyPairInfo, as in boto3). */
  readonly name: string;
  readonly type: string;
  readonly identifiers: readonly IdentifierPlan[];
}

export interface ServicePlan {
  readonly constructors: readonly ConstructorPlan[];
  readonly actions: readonly ActionPlan[];
  readonly collections: readonly CollectionPlan[];
}

export interface ResourcesPlan {
  readonly resources: readonly ResourcePlan[];
  readonly service: ServicePlan;
}
