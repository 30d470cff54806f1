// What a waiter spec says: the operation to poll, the model's delay and attempts, the acceptors in
// model order (their JMESPath already compiled to functions), and how to name what a response shows
// ("instance i-0abc is terminated"). Generated specs (src/generated/) are data of this shape.

import type { SchemaSource } from './client.js';

export type AcceptorState = 'success' | 'failure' | 'retry';

/** Matches the output through a compiled JMESPath expression (`argument`, kept for messages). */
export interface PathAcceptor {
  readonly state: AcceptorState;
  /** `path`: the value equals `expected`; `pathAll`/`pathAny`: a non-empty list, all/any elements equal. */
  readonly matcher: 'path' | 'pathAll' | 'pathAny';
  readonly argument: string;
  readonly expected: unknown;
  /** `argument` compiled at generation time; may throw a JMESPath type error (then: no match). */
  readonly path: (output: unknown) => unknown;
}

/** Matches the HTTP status of the response (success or error). */
export interface StatusAcceptor {
  readonly state: AcceptorState;
  readonly matcher: 'status';
  readonly expected: number;
}

/** Matches an error code; `true`: any service error; `false`: no error. */
export interface ErrorAcceptor {
  readonly state: AcceptorState;
  readonly matcher: 'error';
  readonly expected: string | boolean;
}

export type Acceptor = PathAcceptor | StatusAcceptor | ErrorAcceptor;

/** How to say what a response shows: each resource's id and state, for progress and errors. */
export interface WaiterSubject {
  /** `instance`, `NAT gateway`. */
  readonly noun: string;
  /** The list of resources in an output (compiled from the acceptor path's projection). */
  readonly elements: (output: unknown) => unknown;
  /** The member naming each resource (`InstanceId`). */
  readonly id: string;
  /** The state of one resource (compiled from the rest of the acceptor path). */
  readonly state: (element: unknown) => unknown;
  /** What the state is, when it is not plainly "the state" (`SystemStatus.Status`). */
  readonly label?: string | undefined;
}

export interface WaiterSpec<
  Input extends object = object,
  Output extends object = object,
  Method extends string = string,
  SucceedsOnError extends boolean = boolean,
> {
  /** The model's waiter name (`InstanceRunning`). */
  readonly name: string;
  /** The operation polled (`DescribeInstances`) and its client method (`describeInstances`). */
  readonly operation: string;
  readonly method: Method;
  /** The model's delay between attempts, in seconds (boto3's default). */
  readonly delay: number;
  /** The model's attempt limit (boto3's default). */
  readonly maxAttempts: number;
  /** In model order: the first that matches decides. */
  readonly acceptors: readonly Acceptor[];
  /** Whether a success acceptor matches errors (then a result may carry the error instead of an output). */
  readonly succeedsOnError: SucceedsOnError;
  readonly subject?: WaiterSubject | undefined;
  /** The operation's schema (or its loader), for clients that only have `send` (a bare ServiceClient). */
  readonly schema?: SchemaSource | undefined;
  /** Never set: carries the input and output types. */
  readonly types?: { readonly input: Input; readonly output: Output };
}

/** Any spec, whatever its types. */
export type AnyWaiterSpec = WaiterSpec<object, object, string, boolean>;
