// RunInstances `UserData` as boto3 takes it: plain text, base64-encoded here before sending
// (EC2 wants base64 on the wire). Callers whose text is already base64 say so per call.

import type { CallOptions } from '@boto-ts/core';

/** Per-call options of `runInstances`. */
export interface RunInstancesCallOptions extends CallOptions {
  /**
   * How `UserData` is given. `'text'` (the default, as in boto3): the SDK base64-encodes its UTF-8
   * bytes. `'base64'`: the value is already base64 (as the v3 SDK expects) and is sent as is.
   */
  readonly userDataEncoding?: 'text' | 'base64' | undefined;
}

/** Base64 of the UTF-8 bytes of `text`. */
export function base64Utf8(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * The RunInstances input to send: a copy with `UserData` base64-encoded when it is text, or the
 * input itself when there is nothing to encode. Never mutates the caller's object. A `UserData` that
 * is not a string is left alone for validation to report.
 */
export function encodeRunInstancesUserData<Input extends { readonly UserData?: string | undefined }>(
  input: Input,
  options?: RunInstancesCallOptions,
): Input {
  if (options?.userDataEncoding === 'base64') return input;
  if (input === undefined || input === null || typeof input.UserData !== 'string') return input;
  return { ...input, UserData: base64Utf8(input.UserData) };
}
