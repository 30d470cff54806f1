// Public exports of core/protocol: the schema format, and validating, serializing and error parsing.

export { FORM_CONTENT_TYPE } from './form-encoding.js';
export { resolveHostPrefix } from './host-prefix.js';
export { fillIdempotencyTokens } from './idempotency.js';
export { fillKeyedIdempotencyTokens, idempotencyTokenFor } from './idempotency-key.js';
export {
  type CompressedBody,
  type CompressionOptions,
  compressRequestBody,
  DEFAULT_MIN_COMPRESSION_BYTES,
} from './request-compression.js';
export {
  blobSchema,
  booleanSchema,
  doubleSchema,
  floatSchema,
  integerSchema,
  type ListSchema,
  locationFlags,
  longSchema,
  type MapSchema,
  MEMBER_BASE64_TEXT,
  MEMBER_FLATTENED,
  MEMBER_HOST_LABEL,
  MEMBER_IDEMPOTENCY_TOKEN,
  MEMBER_JSON_VALUE,
  MEMBER_REQUIRED,
  MEMBER_SENSITIVE,
  MEMBER_XML_ATTRIBUTE,
  MEMBER_XML_LCFIRST,
  type MemberLocation,
  type MemberSchema,
  type MemberTraits,
  memberHas,
  memberLocation,
  memberName,
  memberSchema,
  memberTraits,
  type OperationSchema,
  type ProtocolName,
  resolveSchema,
  type ScalarKind,
  type ScalarSchema,
  type Schema,
  type SchemaRef,
  type ServiceSchema,
  type StructureSchema,
  serializedName,
  stringSchema,
  type TimestampFormat,
  timestampSchema,
  type XmlNamespace,
  xmlName,
} from './schema.js';
export { type SerializeOptions, serializeRequestBody } from './serialize.js';
export { type ParsedServiceError, parseServiceError } from './service-error.js';
export { validateInput } from './validate.js';
