// RunInstances `UserData` as boto3 takes it: plain text, which the serializer base64-encodes (the
// schema marks the member MEMBER_BASE64_TEXT). Callers whose value is already base64 (as the v3 SDK
// expects) say `userDataEncoding: 'base64'`, and the call is sent with a copy of the schema in
// which UserData is an ordinary string, sent as given.

import {
  type CallOptions,
  MEMBER_BASE64_TEXT,
  type MemberSchema,
  memberHas,
  memberName,
  type OperationSchema,
} from '@boto-ts/core/client';

/** Per-call options of `runInstances`. */
export interface RunInstancesCallOptions extends CallOptions {
  /**
   * How `UserData` is given. `'text'` (the default, as in boto3): the SDK base64-encodes its UTF-8
   * bytes. `'base64'`: the value is already base64 and is sent as is.
   */
  readonly userDataEncoding?: 'text' | 'base64' | undefined;
}

/** What a customization may change about one call before it is sent. */
export interface CustomizedCall {
  readonly operation: OperationSchema;
  readonly input: object | undefined;
}

/** The member without its MEMBER_BASE64_TEXT flag (flags are the tuple's third slot). */
function withoutBase64Text(member: MemberSchema): MemberSchema {
  if (!memberHas(member, MEMBER_BASE64_TEXT)) return member;
  const [name, schema, flags = 0, ...names] = member;
  return [name, schema, flags & ~MEMBER_BASE64_TEXT, ...names] as MemberSchema;
}

const sendAsGiven = new WeakMap<OperationSchema, OperationSchema>();

/** `operation` with every base64-text member of its input sent as given (built once per schema). */
export function withUserDataAsGiven(operation: OperationSchema): OperationSchema {
  const known = sendAsGiven.get(operation);
  if (known) return known;
  const input = operation.input;
  const copy: OperationSchema =
    input === undefined
      ? operation
      : { ...operation, input: { ...input, members: input.members.map(withoutBase64Text) } };
  sendAsGiven.set(operation, copy);
  return copy;
}

/** The RunInstances customization the generated method and function apply. */
export function runInstancesUserData(
  operation: OperationSchema,
  input: object | undefined,
  options?: RunInstancesCallOptions,
): CustomizedCall {
  if (options?.userDataEncoding !== 'base64') return { operation, input };
  const hasUserData = operation.input?.members.some((member) => memberName(member) === 'UserData') ?? false;
  return { operation: hasUserData ? withUserDataAsGiven(operation) : operation, input };
}
