// @boto-ts/core/protocols/query: the ec2 and query protocols. Both send a form body
// (`Action=...&Version=...`, see protocol/serialize.ts) and answer in XML (xml/decode-output.ts);
// they differ in member names, list flattening, the result wrapper and the error envelope, which the
// shared modules handle by `service.protocol`.

import type { HttpResponse } from '../http/types.js';
import { FORM_CONTENT_TYPE } from '../protocol/form-encoding.js';
import type { OperationSchema, ServiceSchema } from '../protocol/schema.js';
import { serializeRequestBody } from '../protocol/serialize.js';
import { parseServiceError } from '../protocol/service-error.js';
import { redactFormBody, redactXmlBody } from '../trace/redact.js';
import { decodeOutputBuiltin } from '../xml/decode-output.js';
import type { DecodeOptions, SerializedRequest, WireProtocol } from './wire-protocol.js';

function serializeRequest(
  service: ServiceSchema,
  operation: OperationSchema,
  input: object,
): SerializedRequest {
  return {
    method: operation.http?.method ?? 'POST',
    path: operation.http?.requestUri ?? '/',
    headers: { 'content-type': FORM_CONTENT_TYPE },
    body: serializeRequestBody(service, operation, input),
  };
}

function decodeResponse(
  service: ServiceSchema,
  operation: OperationSchema,
  response: HttpResponse,
  options?: DecodeOptions,
) {
  return (options?.xmlDecoder ?? decodeOutputBuiltin)(service, operation, response.body);
}

const common = {
  serializeRequest,
  decodeResponse,
  parseError: parseServiceError,
  redactRequestBody: redactFormBody,
  redactResponseBody: redactXmlBody,
} as const;

export const ec2Protocol: WireProtocol = { name: 'ec2', ...common };
export const queryProtocol: WireProtocol = { name: 'query', ...common };
