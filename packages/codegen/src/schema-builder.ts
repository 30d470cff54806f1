// buildSchemas: the one translation from a botocore model (service-2.json) to the static schema objects
// of @boto-ts/core (protocol/schema.ts). The generator emits these objects as source; the protocol
// conformance runner uses them in memory. Same model in, same objects out.
//
// Wire names are computed here, per protocol, and stored only where they differ from what the schema
// accessors derive on their own. References inside a recursive group of shapes are thunks (`() => X`),
// every other reference is the schema object itself, so emitted code can order its constants.

import {
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
  type MemberSchema,
  type MemberTraits,
  type OperationSchema,
  type ProtocolName,
  type ScalarKind,
  type ScalarSchema,
  type Schema,
  type SchemaRef,
  type ServiceSchema,
  type StructureSchema,
  stringSchema,
  type TimestampFormat,
  timestampSchema,
  type WireProtocol,
} from '@boto-ts/core';
import type { ModelMember, ModelOperation, ModelShape, ServiceModel, StructureShape } from './model.js';
import { protocolModule } from './protocol-modules.js';

/** In-memory schemas (tests, the conformance runner) load core's protocol module as a client would. */
function loaderOf(protocol: ProtocolName): ServiceSchema['loadProtocol'] {
  const { file, exportName } = protocolModule(protocol);
  return () =>
    import(`@boto-ts/core/protocols/${file}`).then(
      (module: Record<string, unknown>) => module[exportName] as WireProtocol,
    );
}

export interface BuiltSchemas {
  /** endpointRuleSet: whatever the caller passes. */
  readonly service: ServiceSchema;
  /** By operation name, in model order. */
  readonly operations: ReadonlyMap<string, OperationSchema>;
  /**
   * Every shape that is not one of the shared scalar singletons, by model name: structures, lists, maps,
   * and scalars that carry a constraint (`min`, a timestamp format, `sensitive`). A scalar whose member
   * overrides the timestamp format is stored as `<Shape>$<format>`.
   */
  readonly shapes: ReadonlyMap<string, Schema>;
}

export interface BuildSchemasOptions {
  readonly endpointRuleSet?: unknown;
  /** Default: the serviceId in lower case with spaces as `_` (`ec2`, `sts`). */
  readonly configKey?: string;
  /** The protocol to build for; default the first of the model's protocols that core supports. */
  readonly protocol?: ProtocolName;
}

/** Every protocol core speaks, in botocore's names. */
export const SUPPORTED_PROTOCOLS: readonly ProtocolName[] = [
  'ec2',
  'query',
  'json',
  'rest-json',
  'rest-xml',
  'smithy-rpc-v2-cbor',
];

/**
 * The protocol a client of this model speaks: the first of `protocols` (newer models list several,
 * preferred first: CloudWatch has smithy-rpc-v2-cbor, json, query) that core supports, else `protocol`.
 */
export function chooseProtocol(metadata: ServiceModel['metadata']): ProtocolName {
  const listed = metadata.protocols ?? [metadata.protocol];
  const chosen = listed.find((p): p is ProtocolName =>
    (SUPPORTED_PROTOCOLS as readonly string[]).includes(p),
  );
  if (chosen === undefined)
    throw new Error(
      `buildSchemas: no supported protocol among ${listed.join(', ')} (core speaks ${SUPPORTED_PROTOCOLS.join(', ')})`,
    );
  return chosen;
}

/** Protocols whose body keys are the same names both ways (JSON objects, CBOR maps). */
const KEYED_BODY: ReadonlySet<ProtocolName> = new Set(['json', 'rest-json', 'smithy-rpc-v2-cbor']);

const SHARED_SCALARS: Readonly<Record<Exclude<ScalarKind, 'document'>, ScalarSchema>> = {
  string: stringSchema,
  boolean: booleanSchema,
  integer: integerSchema,
  long: longSchema,
  float: floatSchema,
  double: doubleSchema,
  timestamp: timestampSchema,
  blob: blobSchema,
};

const TIMESTAMP_FORMATS: readonly string[] = ['iso8601', 'unixTimestamp', 'rfc822'];

/** Members the SDK base64-encodes for the caller, as boto3 does: operation -> input member names. */
const BASE64_TEXT_MEMBERS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  ec2: { RunInstances: ['UserData'] },
};

export function buildSchemas(model: ServiceModel, options: BuildSchemasOptions = {}): BuiltSchemas {
  return new SchemaBuilder(model, options).build();
}

class SchemaBuilder {
  private readonly protocol: ProtocolName;
  private readonly shapes = new Map<string, Schema>();
  private readonly recursiveGroup: ReadonlyMap<string, number>;
  private readonly base64Text = new Map<string, readonly string[]>();
  /** Shapes sent in requests / read from responses: only those need request keys / XML names. */
  private readonly inRequests: ReadonlySet<string>;
  private readonly inResponses: ReadonlySet<string>;

  constructor(
    private readonly model: ServiceModel,
    private readonly options: BuildSchemasOptions,
  ) {
    this.protocol = options.protocol ?? chooseProtocol(model.metadata);
    this.recursiveGroup = findRecursiveGroups(model.shapes);
    const operations = Object.values(model.operations);
    this.inRequests = reachable(
      model.shapes,
      operations.flatMap((o) => (o.input ? [o.input.shape] : [])),
    );
    this.inResponses = reachable(model.shapes, [
      ...operations.flatMap((o) => [
        ...(o.output ? [o.output.shape] : []),
        ...(o.errors ?? []).map((e) => e.shape),
      ]),
      ...Object.entries(model.shapes)
        .filter(([, shape]) => shape.type === 'structure' && shape.exception === true)
        .map(([name]) => name),
    ]);
    const customizations = BASE64_TEXT_MEMBERS[(model.metadata.endpointPrefix ?? '').toLowerCase()] ?? {};
    for (const [operation, members] of Object.entries(customizations)) {
      const input = model.operations[operation]?.input?.shape;
      if (input !== undefined) this.base64Text.set(input, members);
    }
  }

  build(): BuiltSchemas {
    for (const name of Object.keys(this.model.shapes)) this.schemaOf(name);
    const operations = new Map<string, OperationSchema>();
    for (const [name, operation] of Object.entries(this.model.operations))
      operations.set(name, this.operation(name, operation));
    return { service: this.service(), operations, shapes: this.shapes };
  }

  private service(): ServiceSchema {
    const m = this.model.metadata;
    const errors = Object.entries(this.model.shapes)
      .filter(([, shape]) => shape.type === 'structure' && shape.exception === true)
      .map(([name]) => this.schemaOf(name) as StructureSchema);
    return {
      serviceId: m.serviceId,
      configKey: this.options.configKey ?? m.serviceId.toLowerCase().replace(/\s+/g, '_'),
      signingName: m.signingName ?? m.endpointPrefix,
      endpointPrefix: m.endpointPrefix,
      apiVersion: m.apiVersion,
      protocol: this.protocol,
      ...(this.protocol === 'json' ? { jsonVersion: m.jsonVersion ?? '1.0' } : {}),
      ...(m.targetPrefix === undefined ? {} : { targetPrefix: m.targetPrefix }),
      ...(m.awsQueryCompatible === undefined ? {} : { awsQueryCompatible: true as const }),
      ...(m.xmlNamespace === undefined ? {} : { xmlNamespace: m.xmlNamespace }),
      endpointRuleSet: this.options.endpointRuleSet,
      loadProtocol: loaderOf(this.protocol),
      ...(errors.length === 0 ? {} : { errors }),
    };
  }

  private operation(name: string, op: ModelOperation): OperationSchema {
    const input = op.input === undefined ? undefined : (this.schemaOf(op.input.shape) as StructureSchema);
    const output = op.output === undefined ? undefined : (this.schemaOf(op.output.shape) as StructureSchema);
    const outputShape = op.output === undefined ? undefined : this.model.shapes[op.output.shape];
    const wrapper =
      op.output?.resultWrapper ??
      (outputShape as { resultWrapper?: string } | undefined)?.resultWrapper ??
      `${name}Result`;
    const errors = (op.errors ?? []).map((e) => this.schemaOf(e.shape) as StructureSchema);
    const method = op.http?.method ?? 'POST';
    const requestUri = op.http?.requestUri ?? '/';
    const responseCode = op.http?.responseCode;
    const unsigned = op.authtype === 'none' || (op.auth?.includes('smithy.api#noAuth') ?? false);
    const compression = op.requestcompression;
    const context = this.contextParams(op);
    return {
      name,
      ...(input === undefined ? {} : { input }),
      ...(output === undefined ? {} : { output }),
      ...(this.protocol === 'query' && output !== undefined && wrapper !== `${name}Result`
        ? { resultWrapper: wrapper }
        : {}),
      ...(errors.length === 0 ? {} : { errors }),
      ...(op.endpoint?.hostPrefix === undefined ? {} : { hostPrefix: op.endpoint.hostPrefix }),
      ...(method === 'POST' && requestUri === '/' && (responseCode === undefined || responseCode === 200)
        ? {}
        : {
            http: {
              method,
              requestUri,
              ...(responseCode === undefined || responseCode === 200 ? {} : { responseCode }),
            },
          }),
      ...(unsigned ? { unsigned: true as const } : {}),
      ...(compression?.encodings === undefined ? {} : { requestCompression: [...compression.encodings] }),
      ...(op.input?.locationName === undefined ? {} : { inputXmlName: op.input.locationName }),
      ...(op.input?.xmlNamespace === undefined ? {} : { inputXmlNamespace: { ...op.input.xmlNamespace } }),
      ...context,
    };
  }

  /** The endpoint rule-set parameters an operation sets (from members, fixed values, or input paths). */
  private contextParams(op: ModelOperation): Partial<OperationSchema> {
    const fromMembers: Record<string, string> = {};
    const input = op.input === undefined ? undefined : this.model.shapes[op.input.shape];
    if (input?.type === 'structure')
      for (const [name, member] of Object.entries(input.members))
        if (member.contextParam !== undefined) fromMembers[member.contextParam.name] = name;
    const fixed = Object.fromEntries(
      Object.entries(op.staticContextParams ?? {}).map(([name, { value }]) => [name, value]),
    );
    const paths = Object.fromEntries(
      Object.entries(op.operationContextParams ?? {}).map(([name, { path }]) => [name, path]),
    );
    return {
      ...(Object.keys(fromMembers).length === 0 ? {} : { contextParams: fromMembers }),
      ...(Object.keys(fixed).length === 0 ? {} : { staticContextParams: fixed }),
      ...(Object.keys(paths).length === 0 ? {} : { operationContextParams: paths }),
    };
  }

  /** The schema of a model shape, built once. */
  private schemaOf(name: string): Schema {
    const existing = this.shapes.get(name);
    if (existing !== undefined) return existing;
    const shape = this.shape(name);
    switch (shape.type) {
      case 'structure': {
        if (shape.document !== true) return this.structure(name, shape);
        const document: ScalarSchema = { kind: 'document' };
        this.shapes.set(name, document);
        return document;
      }
      case 'list': {
        const list: { -readonly [K in keyof ListSchema]: ListSchema[K] } = {
          kind: 'list',
          member: stringSchema,
        };
        this.shapes.set(name, list);
        list.member = this.ref(name, shape.member);
        const itemName = shape.member.locationName;
        if (itemName !== undefined && itemName !== 'member') list.memberName = itemName;
        if (shape.flattened === true) list.flattened = true;
        if (shape.min !== undefined && shape.min > 0) list.min = shape.min;
        return list;
      }
      case 'map': {
        const map: { -readonly [K in keyof MapSchema]: MapSchema[K] } = {
          kind: 'map',
          key: stringSchema,
          value: stringSchema,
        };
        this.shapes.set(name, map);
        map.key = this.ref(name, shape.key);
        map.value = this.ref(name, shape.value);
        if (shape.key.locationName !== undefined && shape.key.locationName !== 'key')
          map.keyName = shape.key.locationName;
        if (shape.value.locationName !== undefined && shape.value.locationName !== 'value')
          map.valueName = shape.value.locationName;
        if (shape.flattened === true) map.flattened = true;
        if (shape.min !== undefined && shape.min > 0) map.min = shape.min;
        return map;
      }
      default:
        return this.scalar(name, shape, undefined);
    }
  }

  private scalar(name: string, shape: ModelShape, formatOverride: string | undefined): ScalarSchema {
    const kind: ScalarKind = (shape.type as string) === 'character' ? 'string' : (shape.type as ScalarKind);
    if (!(kind in SHARED_SCALARS))
      throw new Error(`buildSchemas: shape ${name} has unknown type ${shape.type}`);
    const scalar: { -readonly [K in keyof ScalarSchema]: ScalarSchema[K] } = { kind };
    // botocore checks `min` on string lengths and number values (and list lengths), not on blobs.
    const min = (shape as { min?: number }).min;
    const numeric = kind === 'integer' || kind === 'long' || kind === 'float' || kind === 'double';
    if (min !== undefined && (numeric || (kind === 'string' && min > 0))) scalar.min = min;
    const format = formatOverride ?? (shape as { timestampFormat?: string }).timestampFormat;
    if (kind === 'timestamp' && format !== undefined && TIMESTAMP_FORMATS.includes(format))
      scalar.timestampFormat = format as TimestampFormat;
    if (shape.sensitive === true) scalar.sensitive = true;
    const stream = shape as { streaming?: boolean; requiresLength?: boolean };
    if (stream.streaming === true) scalar.streaming = true;
    if (stream.requiresLength === true) scalar.requiresLength = true;
    const key = formatOverride === undefined ? name : `${name}$${formatOverride}`;
    const existing = this.shapes.get(key);
    if (existing !== undefined) return existing as ScalarSchema;
    if (Object.keys(scalar).length === 1) return SHARED_SCALARS[kind as keyof typeof SHARED_SCALARS];
    this.shapes.set(key, scalar);
    return scalar;
  }

  private structure(name: string, shape: StructureShape): StructureSchema {
    const members: MemberSchema[] = [];
    const structure: { -readonly [K in keyof StructureSchema]: StructureSchema[K] } = {
      kind: 'structure',
      name,
      members,
    };
    this.shapes.set(name, structure);
    const required = new Set(shape.required ?? []);
    const base64Text = this.base64Text.get(name) ?? [];
    const unused = !this.inRequests.has(name) && !this.inResponses.has(name);
    const needsWire = unused || this.inRequests.has(name);
    const needsXml = unused || this.inResponses.has(name);
    for (const [memberName, member] of Object.entries(shape.members)) {
      const target = this.shape(member.shape);
      let flags = 0;
      if (required.has(memberName)) flags |= MEMBER_REQUIRED;
      if (member.idempotencyToken === true) flags |= MEMBER_IDEMPOTENCY_TOKEN;
      if (member.hostLabel === true) flags |= MEMBER_HOST_LABEL;
      if (member.xmlAttribute === true) flags |= MEMBER_XML_ATTRIBUTE;
      if (member.flattened === true) flags |= MEMBER_FLATTENED;
      if (target.sensitive === true) flags |= MEMBER_SENSITIVE;
      if (base64Text.includes(memberName)) flags |= MEMBER_BASE64_TEXT;
      if (member.jsonvalue === true) flags |= MEMBER_JSON_VALUE;
      if (member.location !== undefined) flags |= locationFlags(member.location);
      const located = member.location !== undefined;
      // Located members (headers, query, labels) and the JSON protocols' keys use one name both ways.
      const wire =
        located || KEYED_BODY.has(this.protocol) || needsWire
          ? this.serializedName(memberName, member, target)
          : memberName;
      const xml =
        !located && this.protocol !== 'json' && (needsXml || member.xmlAttribute === true)
          ? xmlElementName(memberName, member, target)
          : memberName;
      let xmlSlot: string | undefined;
      if (xml !== memberName && !KEYED_BODY.has(this.protocol)) {
        if (xml === lowerFirst(memberName)) flags |= MEMBER_XML_LCFIRST;
        else xmlSlot = xml;
      }
      const traits: MemberTraits | undefined =
        member.xmlNamespace === undefined
          ? undefined
          : { xmlNamespace: { ...(member.xmlNamespace as { prefix?: string; uri: string }) } };
      const tuple: [string, SchemaRef, number?, (string | 0)?, (string | 0)?, MemberTraits?] = [
        memberName,
        this.ref(name, member),
      ];
      const wireSlot = wire === memberName ? undefined : wire;
      const slots: [number, string | 0 | undefined, string | 0 | undefined, MemberTraits | undefined] = [
        flags,
        wireSlot,
        xmlSlot,
        traits,
      ];
      // Trailing empty slots are left off; a `0` fills an empty slot before a used one.
      let last = slots.length - 1;
      while (last >= 0 && (slots[last] === undefined || (last === 0 && slots[0] === 0))) last--;
      for (let i = 0; i <= last; i++) tuple.push((slots[i] ?? 0) as never);
      members.push(tuple as MemberSchema);
    }
    if (shape.payload !== undefined) structure.payload = shape.payload;
    if (shape.union === true) structure.union = true;
    if (shape.eventstream === true) structure.eventStream = true;
    if (shape.locationName !== undefined && shape.locationName !== name)
      structure.xmlName = shape.locationName;
    if (shape.xmlNamespace !== undefined) structure.xmlNamespace = { ...shape.xmlNamespace };
    if (shape.exception === true) {
      const httpStatus = shape.error?.httpStatusCode;
      structure.error = {
        code: shape.error?.code ?? name,
        ...(httpStatus === undefined ? {} : { httpStatus }),
      };
    }
    if (shape.sensitive === true) structure.sensitive = true;
    return structure;
  }

  /** A reference from shape `from` through `member`: a thunk inside a recursive group, else the schema. */
  private ref(from: string, member: ModelMember): SchemaRef {
    const to = member.shape;
    const target = this.shape(to);
    if (member.timestampFormat !== undefined && target.type === 'timestamp')
      return this.scalar(to, target, member.timestampFormat);
    const group = this.recursiveGroup.get(to);
    if (group !== undefined && group === this.recursiveGroup.get(from)) {
      const shapes = this.shapes;
      return () => shapes.get(to) as Schema;
    }
    return this.schemaOf(to);
  }

  /**
   * The member's wire name under this service's protocol: the request key (ec2, query), the header,
   * query or label name (located members), or the body key (JSON protocols, rest-xml requests).
   */
  private serializedName(name: string, member: ModelMember, target: ModelShape): string {
    if (member.location !== undefined || (this.protocol !== 'ec2' && this.protocol !== 'query'))
      return member.locationName ?? name;
    if (this.protocol === 'ec2') return member.queryName ?? upperFirst(member.locationName ?? name);
    if (target.type === 'list' && (member.flattened === true || target.flattened === true))
      return flattenedListName(
        name,
        member,
        target.flattened === true ? target.member.locationName : undefined,
      );
    return member.locationName ?? name;
  }

  private shape(name: string): ModelShape {
    const shape = this.model.shapes[name];
    if (shape === undefined) throw new Error(`buildSchemas: shape ${name} is referenced but not defined`);
    return shape;
  }
}

/** The response element (or attribute) name of a member. */
function xmlElementName(name: string, member: ModelMember, target: ModelShape): string {
  if (target.type === 'list' && (member.flattened === true || target.flattened === true))
    return flattenedListName(
      name,
      member,
      target.flattened === true ? target.member.locationName : undefined,
    );
  return member.locationName ?? name;
}

/**
 * A flattened list's items are siblings named after the member (Smithy `@xmlFlattened`, always on the
 * member). Older botocore models flatten the list shape itself and name the items by the list member's
 * locationName; both conventions are honoured.
 */
function flattenedListName(
  name: string,
  member: ModelMember,
  shapeLevelItemName: string | undefined,
): string {
  return member.locationName ?? shapeLevelItemName ?? name;
}

function upperFirst(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

/** Every shape reachable from `roots`. */
function reachable(
  shapes: Readonly<Record<string, ModelShape>>,
  roots: readonly string[],
): ReadonlySet<string> {
  const seen = new Set<string>();
  const pending = [...roots];
  for (let name = pending.pop(); name !== undefined; name = pending.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    pending.push(...shapeEdges(shapes, name));
  }
  return seen;
}

function shapeEdges(shapes: Readonly<Record<string, ModelShape>>, name: string): string[] {
  const shape = shapes[name];
  if (shape === undefined) return [];
  if (shape.type === 'structure') return Object.values(shape.members).map((m) => m.shape);
  if (shape.type === 'list') return [shape.member.shape];
  if (shape.type === 'map') return [shape.key.shape, shape.value.shape];
  return [];
}

/** Shapes that take part in a reference cycle, numbered by strongly connected component (Tarjan). */
function findRecursiveGroups(shapes: Readonly<Record<string, ModelShape>>): ReadonlyMap<string, number> {
  const edges = (name: string): string[] => shapeEdges(shapes, name);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups = new Map<string, number>();
  let counter = 0;
  let groupCount = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || edges(v).includes(v)) {
        for (const member of component) groups.set(member, groupCount);
        groupCount++;
      }
    }
  };
  for (const name of Object.keys(shapes)) if (!index.has(name)) visit(name);
  return groups;
}
