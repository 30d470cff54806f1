// The contract every wire protocol module fulfils (ec2 and query, json, rest-json, rest-xml,
// rpc-v2-cbor): turn an operation's input into an HTTP request, and an HTTP response into the typed
// output or a parsed service error. Everything around it (validation, idempotency tokens, endpoints,
// compression, signing, sending, retries) is the pipeline's and the same for every protocol.

import type { HttpResponse } from '../http/types.js';
import type { OperationSchema, ProtocolName, ServiceSchema, StructureSchema } from '../protocol/schema.js';
import type { ParsedServiceError } from '../protocol/service-error.js';
import type { DecodedOutput, OutputDecoder } from '../xml/output-types.js';

/** What a protocol makes of one call's input; the pipeline adds the endpoint, length, agent and signature. */
export interface SerializedRequest {
  readonly method: string;
  /** Path and query string, appended to the endpoint URL's own path; starts with `/`. */
  readonly path: string;
  /** Header names in lower case; `content-type` included when there is a body. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | undefined;
}

export interface DecodeOptions {
  /** The XML protocols: decodes successful bodies instead of the built-in decoder (a client's `xmlDecoder`). */
  readonly xmlDecoder?: OutputDecoder | undefined;
}

export interface WireProtocol {
  readonly name: ProtocolName;
  /** The request for an input that passed validateInput and has its idempotency tokens. */
  serializeRequest(service: ServiceSchema, operation: OperationSchema, input: object): SerializedRequest;
  /**
   * A 2xx response -> the output (members from the body, headers and status) and the request id.
   * Throws a parse error (XmlParseError, ...) for a body it cannot decode; never a half-filled output.
   */
  decodeResponse(
    service: ServiceSchema,
    operation: OperationSchema,
    response: HttpResponse,
    options?: DecodeOptions,
  ): DecodedOutput;
  /** An error response -> code, message, request id and the modeled error's members. Never throws. */
  parseError(service: ServiceSchema, operation: OperationSchema, response: HttpResponse): ParsedServiceError;
  /** The request body as a trace shows it: sensitive members as `***`. */
  redactRequestBody(body: string, input: StructureSchema | undefined): string;
  /** The response body as a trace shows it: sensitive members as `***`. */
  redactResponseBody(body: string, output: StructureSchema | undefined): string;
}
