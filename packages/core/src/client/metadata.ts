// What every output and ServiceError carries about the HTTP exchange that produced it.

export interface ResponseMetadata {
  /** The service's request id (`requestId` / `RequestId` / `RequestID` / `x-amzn-requestid`). */
  readonly requestId: string | undefined;
  /** HTTP status of the last attempt; undefined when no response arrived. */
  readonly httpStatusCode: number | undefined;
  /** How many attempts were made, the first included. */
  readonly attempts: number;
  /** Milliseconds spent sleeping between attempts. */
  readonly totalRetryDelay: number;
}

/** An operation's output as returned to the caller. */
export type WithMetadata<T> = T & { readonly $metadata: ResponseMetadata };
