// serializeRequestBody: an operation's input -> the form body of an ec2 or query request.
// `Action=<Operation>&Version=<apiVersion>`, then the members in the order the caller's object lists
// them. The two protocols differ in two places (as botocore's EC2 serializer overrides its query one):
//   names  ec2: queryName, else locationName or the member name with the first letter capitalized;
//          query: locationName, else the member name (both precomputed in the schema's serializedName).
//   lists  ec2: always flattened (`Name.1`), empty lists omitted;
//          query: `Name.member.1` (or the list's member name), `Name.1` when flattened, `Name=` when empty.
// Maps: `Name.entry.1.key` / `.value` (`Name.1.key` when flattened). Booleans `true`/`false`; timestamps
// ISO 8601 `...Z` unless the model says otherwise; blobs base64; NaN and infinities by name.

import { ValidationError } from '../errors/errors.js';
import { encodeFormComponent } from './form-encoding.js';
import { inputToBytes, inputToDate, toBase64 } from './input-values.js';
import { membersByName } from './member-index.js';
import {
  MEMBER_BASE64_TEXT,
  MEMBER_FLATTENED,
  memberHas,
  memberSchema,
  type OperationSchema,
  resolveSchema,
  type ScalarSchema,
  type Schema,
  type ServiceSchema,
  type StructureSchema,
  serializedName,
} from './schema.js';
import { formatTimestamp } from './timestamps.js';

export interface SerializeOptions {
  /** MEMBER_BASE64_TEXT values (RunInstances `UserData`) are already base64: send them as given. */
  readonly base64TextIsEncoded?: boolean;
}

interface Context {
  readonly ec2: boolean;
  readonly base64TextIsEncoded: boolean;
  readonly operation: string;
  readonly pairs: string[];
}

/** The form body (see FORM_CONTENT_TYPE). Expects an input that passed validateInput. */
export function serializeRequestBody(
  service: ServiceSchema,
  operation: OperationSchema,
  input: object,
  options?: SerializeOptions,
): string {
  const context: Context = {
    ec2: service.protocol === 'ec2',
    base64TextIsEncoded: options?.base64TextIsEncoded === true,
    operation: operation.name,
    pairs: [
      `Action=${encodeFormComponent(operation.name)}`,
      `Version=${encodeFormComponent(service.apiVersion)}`,
    ],
  };
  if (operation.input !== undefined)
    writeStructure(context, operation.input, input as Record<string, unknown>, '');
  return context.pairs.join('&');
}

function writeStructure(
  context: Context,
  schema: StructureSchema,
  value: Record<string, unknown>,
  prefix: string,
): void {
  const index = membersByName(schema);
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (v === undefined || v === null) continue;
    const member = index.get(key);
    if (member === undefined) continue;
    const name = serializedName(member);
    const path = prefix === '' ? name : `${prefix}.${name}`;
    if (memberHas(member, MEMBER_BASE64_TEXT) && typeof v === 'string')
      write(context, path, context.base64TextIsEncoded ? v : Buffer.from(v, 'utf8').toString('base64'));
    else writeValue(context, memberSchema(member), v, path, memberHas(member, MEMBER_FLATTENED));
  }
}

function writeValue(
  context: Context,
  schema: Schema,
  value: unknown,
  path: string,
  flattenedMember: boolean,
): void {
  switch (schema.kind) {
    case 'structure':
      writeStructure(context, schema, value as Record<string, unknown>, path);
      return;
    case 'list': {
      const items = value as readonly unknown[];
      if (items.length === 0) {
        if (!context.ec2) write(context, path, '');
        return;
      }
      const flattened = context.ec2 || flattenedMember || schema.flattened === true;
      const base = flattened ? path : `${path}.${schema.memberName ?? 'member'}`;
      const member = resolveSchema(schema.member);
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item !== undefined && item !== null) writeValue(context, member, item, `${base}.${i + 1}`, false);
      }
      return;
    }
    case 'map': {
      const map = value as Record<string, unknown>;
      const flattened = flattenedMember || schema.flattened === true;
      const keyName = schema.keyName ?? 'key';
      const valueName = schema.valueName ?? 'value';
      const valueSchema = resolveSchema(schema.value);
      let i = 0;
      for (const key of Object.keys(map)) {
        const v = map[key];
        if (v === undefined || v === null) continue;
        i++;
        const entry = flattened ? `${path}.${i}` : `${path}.entry.${i}`;
        write(context, `${entry}.${keyName}`, key);
        writeValue(context, valueSchema, v, `${entry}.${valueName}`, false);
      }
      return;
    }
    default:
      write(context, path, scalarText(schema, value));
  }
}

function scalarText(schema: ScalarSchema, value: unknown): string {
  switch (schema.kind) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'float':
    case 'double': {
      const n = value as number;
      if (Number.isNaN(n)) return 'NaN';
      if (n === Number.POSITIVE_INFINITY) return 'Infinity';
      if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
      return String(n);
    }
    case 'timestamp': {
      const date = inputToDate(value);
      return date === undefined ? String(value) : formatTimestamp(date, schema.timestampFormat);
    }
    case 'blob': {
      const bytes = inputToBytes(value);
      return bytes === undefined ? String(value) : toBase64(bytes);
    }
    default:
      return String(value);
  }
}

function write(context: Context, key: string, value: string): void {
  try {
    context.pairs.push(`${encodeFormComponent(key)}=${encodeFormComponent(value)}`);
  } catch (cause) {
    if (!(cause instanceof URIError)) throw cause;
    throw new ValidationError(context.operation, [
      { path: key, message: 'contains an unpaired UTF-16 surrogate, which cannot be encoded as UTF-8' },
    ]);
  }
}
