// parseServiceError: an error response -> code, message, request id and the modeled error's members.
//   ec2:   <Response><Errors><Error><Code/><Message/>...</Error></Errors><RequestID/></Response>
//   query: <ErrorResponse><Error><Type/><Code/><Message/>...</Error><RequestId/></ErrorResponse>
// Members of a modeled error shape (matched by code, first among the operation's errors, then the
// service's) are decoded from the <Error> element into `details`. Anything else (an HTML page from a
// proxy, an empty body, a truncated document) still gives a code, from the status: it never throws.

import type { HttpResponse } from '../http/types.js';
import { decodeStructure } from '../xml/decode-builtin.js';
import { utf8Text, XmlScanner } from '../xml/scanner.js';
import { type OperationSchema, type ServiceSchema, type StructureSchema, stringSchema } from './schema.js';

export interface ParsedServiceError {
  readonly code: string;
  /** The service's message; empty when it sent none. */
  readonly message: string;
  readonly requestId: string | undefined;
  /** Members of the modeled error shape, when the code matches one; otherwise empty. */
  readonly details: Record<string, unknown>;
}

/** The fields every AWS XML error carries, read before the code tells which shape the rest follows. */
const ENVELOPE: StructureSchema = {
  kind: 'structure',
  name: 'Error',
  members: [
    ['Code', stringSchema],
    ['Message', stringSchema],
    ['RequestId', stringSchema],
  ],
};

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export function parseServiceError(
  service: ServiceSchema,
  operation: OperationSchema,
  response: HttpResponse,
): ParsedServiceError {
  const text = utf8Text(response.body);
  const headerId = response.headers['x-amzn-requestid'] ?? response.headers['x-amz-request-id'];
  const envelope = readErrorDocument(text, ENVELOPE);
  const code = stringField(envelope?.error.Code);
  if (envelope === undefined || code === undefined) return unstructured(response, text, headerId);
  const shape = findErrorShape(code, operation, service);
  const details = shape === undefined ? {} : (readErrorDocument(text, shape)?.error ?? {});
  return {
    code,
    message: stringField(envelope.error.Message) ?? '',
    requestId: envelope.requestId ?? stringField(envelope.error.RequestId) ?? headerId,
    details,
  };
}

function findErrorShape(
  code: string,
  operation: OperationSchema,
  service: ServiceSchema,
): StructureSchema | undefined {
  const matches = (shape: StructureSchema): boolean => (shape.error?.code ?? shape.name) === code;
  return operation.errors?.find(matches) ?? service.errors?.find(matches);
}

/**
 * Decodes the first <Error> of an ec2, query or bare error document with `schema`. Undefined when the
 * body is not such a document (or not well-formed XML).
 */
function readErrorDocument(
  text: string,
  schema: StructureSchema,
): { error: Record<string, unknown>; requestId: string | undefined } | undefined {
  const sc = new XmlScanner(text, 'error response');
  try {
    if (!sc.readRoot()) return undefined;
    let error: Record<string, unknown> | undefined;
    let requestId: string | undefined;
    const readRequestId = (inner: XmlScanner): void => {
      const id = inner.readText().trim();
      if (id !== '') requestId = id;
    };
    const root = sc.local;
    if (root === 'Error') error = decodeStructure(sc, schema);
    else if (root === 'Response' || root === 'ErrorResponse') {
      eachChild(sc, (child) => {
        if (child.local === 'Error' && root === 'ErrorResponse' && error === undefined)
          error = decodeStructure(child, schema);
        else if (child.local === 'Errors' && root === 'Response')
          eachChild(child, (inner) => {
            if (inner.local === 'Error' && error === undefined) error = decodeStructure(inner, schema);
            else inner.skipContent();
          });
        else if (child.local === 'RequestID' || child.local === 'RequestId' || child.local === 'requestId')
          readRequestId(child);
        else child.skipContent();
      });
    } else return undefined;
    sc.readEnd();
    return error === undefined ? undefined : { error, requestId };
  } catch {
    return undefined;
  }
}

function eachChild(sc: XmlScanner, visit: (child: XmlScanner) => void): void {
  if (sc.selfClosing) return;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  while (sc.nextChild(parentStart, parentEnd)) visit(sc);
}

/** A body that is not an AWS error document: the code comes from the status. */
function unstructured(
  response: HttpResponse,
  text: string,
  headerId: string | undefined,
): ParsedServiceError {
  const status = response.statusCode;
  // A truncated XML error often still shows its code (throttling, for one): keep it when it is there.
  const salvaged = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1]?.trim();
  const code =
    salvaged || (status === 500 ? 'InternalError' : status === 503 ? 'ServiceUnavailable' : `Http${status}`);
  const requestId = /<Request(?:ID|Id)>([^<]{1,200})<\/Request(?:ID|Id)>/.exec(text)?.[1]?.trim() || headerId;
  const reason = STATUS_TEXT[status] ?? 'error';
  const contentType = response.headers['content-type'] ?? 'no content type';
  const shown = text.replace(/\s+/g, ' ').trim().slice(0, 120);
  const message =
    text.trim() === ''
      ? `HTTP ${status} ${reason} with an empty body`
      : `HTTP ${status} ${reason}; the body is not an AWS error document (${contentType}, ${response.body.length} bytes): ${shown}`;
  return { code, message, requestId, details: {} };
}

function stringField(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}
