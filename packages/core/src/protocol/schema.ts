// Static schemas: the plain data that drives validation, serialization and decoding in every protocol.
// The code generator writes them (one const per shape, tree-shakeable); protocol code reads them
// only through the accessors at the bottom of this file, so the compact encoding can change in one place.

import type { WireProtocol } from '../protocols/wire-protocol.js';

/** Scalar kinds, as in botocore models; `document` is an untyped JSON-like value (Smithy's document). */
export type ScalarKind =
  | 'string'
  | 'boolean'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'timestamp'
  | 'blob'
  | 'document';

export type TimestampFormat = 'iso8601' | 'unixTimestamp' | 'rfc822';

export interface ScalarSchema {
  readonly kind: ScalarKind;
  /** botocore's `min`: the minimum length of a string or blob, the minimum value of a number. */
  readonly min?: number;
  /** Only when the model overrides the protocol's default format. */
  readonly timestampFormat?: TimestampFormat;
  /** The model marks the value secret: traces print `***` instead. */
  readonly sensitive?: true;
  /** A blob or string sent or received as a stream of bytes (an operation's payload: S3 objects). */
  readonly streaming?: true;
  /** A streaming payload whose length must be known before sending (no chunked upload). */
  readonly requiresLength?: true;
}

/** An XML namespace declaration: `xmlns="uri"`, or `xmlns:prefix="uri"`. */
export interface XmlNamespace {
  readonly prefix?: string;
  readonly uri: string;
}

export interface ListSchema {
  readonly kind: 'list';
  readonly member: SchemaRef;
  /** Element name of each item, in XML and in query keys (`Name.member.1`). Default `member`. */
  readonly memberName?: string;
  /** Query protocol: `Name.1` instead of `Name.member.1`; XML: items are siblings without a wrapper. */
  readonly flattened?: true;
  /** botocore's `min`: the minimum number of items. */
  readonly min?: number;
}

export interface MapSchema {
  readonly kind: 'map';
  readonly key: SchemaRef;
  readonly value: SchemaRef;
  /** Element names of key and value (default `key` and `value`). */
  readonly keyName?: string;
  readonly valueName?: string;
  readonly flattened?: true;
  readonly min?: number;
}

/**
 * One structure member, as a tuple to keep generated schemas small:
 * `[name, schema, flags?, serializedName?, xmlName?, traits?]`.
 * - `name`: the property name users write (`InstanceId`).
 * - `flags`: a sum of the MEMBER_* bits below, and the member's location (MEMBER_LOCATION_*); 0 or
 *   absent for none.
 * - `serializedName`: the member's name on the wire, when it differs from `name`: the request key
 *   (ec2: queryName, else capitalized locationName; query: locationName), the header, query parameter
 *   or URI label name of a located member, and the JSON or CBOR key (both ways) in the JSON protocols.
 * - `xmlName`: the XML response element name, when it differs from `name` and is not covered by
 *   MEMBER_XML_LCFIRST. A `0` fills an unused slot.
 * - `traits`: the rarely used rest (MemberTraits).
 */
export type MemberSchema = readonly [
  name: string,
  schema: SchemaRef,
  flags?: number,
  serializedName?: string | 0,
  xmlName?: string | 0,
  traits?: MemberTraits,
];

/** Member traits too rare to earn a tuple slot. */
export interface MemberTraits {
  /** rest-xml: the namespace the member's element declares. */
  readonly xmlNamespace?: XmlNamespace;
}

/** Where a member travels in an HTTP request or response (the rest protocols); `body` for the others. */
export type MemberLocation = 'body' | 'header' | 'headers' | 'querystring' | 'uri' | 'statusCode';

/** The member must be present (validated before sending). */
export const MEMBER_REQUIRED = 1;
/** Filled with a UUID v4 once per call when absent (ClientToken and the like). */
export const MEMBER_IDEMPOTENCY_TOKEN = 2;
/** Substituted into the endpoint's host prefix (`{label}.`). */
export const MEMBER_HOST_LABEL = 4;
/** Read from an XML attribute rather than a child element. */
export const MEMBER_XML_ATTRIBUTE = 8;
/** A list or map member serialized flattened, whatever its shape says (query `flattened` on the member). */
export const MEMBER_FLATTENED = 16;
/** The response element name is `name` with its first letter lower-cased (EC2's `instanceId`). */
export const MEMBER_XML_LCFIRST = 32;
/** The member is secret: traces print `***`. */
export const MEMBER_SENSITIVE = 64;
/**
 * A string the SDK sends base64-encoded: callers give plain text and the serializer encodes its UTF-8
 * bytes (RunInstances `UserData`, as boto3 does). `serializeRequestBody(..., { base64TextIsEncoded: true })`
 * sends the value as given instead.
 */
export const MEMBER_BASE64_TEXT = 128;
/** A header whose value is JSON text, base64-encoded (botocore's `jsonvalue`). */
export const MEMBER_JSON_VALUE = 256;

/** The member's location, in flag bits 9-11 (see memberLocation): 0 is the body. */
const LOCATION_SHIFT = 9;
const LOCATION_MASK = 7 << LOCATION_SHIFT;
const LOCATIONS: readonly MemberLocation[] = [
  'body',
  'header',
  'headers',
  'querystring',
  'uri',
  'statusCode',
];

/** The flag bits that place a member at `location`. */
export function locationFlags(location: MemberLocation): number {
  return LOCATIONS.indexOf(location) << LOCATION_SHIFT;
}

export interface StructureSchema {
  readonly kind: 'structure';
  /** The model's shape name (`Instance`, `DescribeInstancesRequest`). */
  readonly name: string;
  readonly members: readonly MemberSchema[];
  /** For modeled error shapes: the error code on the wire and the HTTP status. */
  readonly error?: { readonly code: string; readonly httpStatus?: number };
  readonly sensitive?: true;
  /** The rest protocols: the member that is the whole HTTP body (a structure, blob or string). */
  readonly payload?: string;
  /** Exactly one member is set (Smithy's union). */
  readonly union?: true;
  /** The structure is an event stream's union of events (an event-stream operation's payload). */
  readonly eventStream?: true;
  /** rest-xml: the element name when the structure is a request body, if it is not the shape name. */
  readonly xmlName?: string;
  /** rest-xml: the namespace the structure's element declares. */
  readonly xmlNamespace?: XmlNamespace;
}

export type Schema = ScalarSchema | ListSchema | MapSchema | StructureSchema;

/** A schema, or a thunk returning one (used only to break recursive shapes). */
export type SchemaRef = Schema | (() => Schema);

export interface OperationSchema {
  /** The model's operation name (`DescribeInstances`); the `Action` parameter. */
  readonly name: string;
  readonly input?: StructureSchema;
  readonly output?: StructureSchema;
  /** Query protocol: the element that wraps the output (`AssumeRoleResult`). */
  readonly resultWrapper?: string;
  /** Modeled error shapes, matched by code. */
  readonly errors?: readonly StructureSchema[];
  /** Endpoint host prefix with `{label}` placeholders from MEMBER_HOST_LABEL members. */
  readonly hostPrefix?: string;
  /**
   * Defaults: POST `/`, answered with 200. The rest protocols' `requestUri` holds `{Label}` and greedy
   * `{Key+}` placeholders and may carry a fixed query (`/{Bucket}?acl`).
   */
  readonly http?: { readonly method: string; readonly requestUri: string; readonly responseCode?: number };
  /** The operation needs no signature (e.g. STS AssumeRoleWithWebIdentity). */
  readonly unsigned?: true;
  /** Content encodings the service accepts for the request body (`['gzip']`); see compressRequestBody. */
  readonly requestCompression?: readonly string[];
  /** rest-xml: the element the whole input is written as (when no member is the payload). */
  readonly inputXmlName?: string;
  readonly inputXmlNamespace?: XmlNamespace;
  /** Endpoint rule-set parameters this operation sets: from input members (name -> member name). */
  readonly contextParams?: Readonly<Record<string, string>>;
  /** Endpoint rule-set parameters this operation sets to fixed values. */
  readonly staticContextParams?: Readonly<Record<string, unknown>>;
  /** Endpoint rule-set parameters this operation sets from JMESPath paths over its input. */
  readonly operationContextParams?: Readonly<Record<string, string>>;
}

export interface ServiceSchema {
  /** The model's serviceId (`EC2`, `STS`). */
  readonly serviceId: string;
  /** The key for `AWS_ENDPOINT_URL_<KEY>` (upper-cased) and `[services]` config (`ec2`, `sts`). */
  readonly configKey: string;
  /** SigV4 service name (`ec2`, `sts`). */
  readonly signingName: string;
  readonly endpointPrefix: string;
  readonly apiVersion: string;
  /** The wire protocol the client speaks: the first of the model's `protocols` that core supports. */
  readonly protocol: ProtocolName;
  /**
   * Loads the protocol's module (one per protocol, so a client loads and bundles only its own). The
   * generated service schema sets it; a schema without it (built in memory) cannot make calls.
   */
  readonly loadProtocol?: () => Promise<WireProtocol>;
  /** awsJson: `1.0` or `1.1` (the Content-Type is `application/x-amz-json-<version>`). */
  readonly jsonVersion?: string;
  /** awsJson: the `X-Amz-Target` prefix (`DynamoDB_20120810`). */
  readonly targetPrefix?: string;
  /** awsJson and rpc-v2-cbor services that moved off query: error codes come as the query protocol's. */
  readonly awsQueryCompatible?: true;
  readonly xmlNamespace?: string;
  /** The service's endpoint rule set (botocore `endpoint-rule-set-1.json` without documentation). */
  readonly endpointRuleSet: unknown;
  /**
   * Every modeled error shape of the service. An error code that none of the operation's own `errors`
   * matches is looked up here, as botocore does (a service may raise an error an operation does not list).
   */
  readonly errors?: readonly StructureSchema[];
}

/** The six AWS wire protocols (botocore's names). */
export type ProtocolName = 'ec2' | 'query' | 'json' | 'rest-json' | 'rest-xml' | 'smithy-rpc-v2-cbor';

// ---- shared scalar schemas (the generator references these instead of writing new objects) ----

export const stringSchema: ScalarSchema = { kind: 'string' };
export const booleanSchema: ScalarSchema = { kind: 'boolean' };
export const integerSchema: ScalarSchema = { kind: 'integer' };
export const longSchema: ScalarSchema = { kind: 'long' };
export const floatSchema: ScalarSchema = { kind: 'float' };
export const doubleSchema: ScalarSchema = { kind: 'double' };
export const timestampSchema: ScalarSchema = { kind: 'timestamp' };
export const blobSchema: ScalarSchema = { kind: 'blob' };

// ---- accessors: the only code that knows the member tuple layout ----

export function resolveSchema(ref: SchemaRef): Schema {
  return typeof ref === 'function' ? ref() : ref;
}

export function memberName(member: MemberSchema): string {
  return member[0];
}

export function memberSchema(member: MemberSchema): Schema {
  return resolveSchema(member[1]);
}

export function memberHas(member: MemberSchema, flag: number): boolean {
  return ((member[2] ?? 0) & flag) !== 0;
}

/** The request key for this member under the service's protocol. */
export function serializedName(member: MemberSchema): string {
  return member[3] || member[0];
}

/** The response element (or attribute) name for this member. */
export function xmlName(member: MemberSchema): string {
  const explicit = member[4];
  if (explicit !== undefined && explicit !== 0) return explicit;
  const name = member[0];
  return memberHas(member, MEMBER_XML_LCFIRST) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** Where the member travels: `body` unless the model places it in a header, the query, the URI or the status. */
export function memberLocation(member: MemberSchema): MemberLocation {
  return LOCATIONS[((member[2] ?? 0) & LOCATION_MASK) >> LOCATION_SHIFT] ?? 'body';
}

export function memberTraits(member: MemberSchema): MemberTraits | undefined {
  return member[5];
}
