// What decoding a response body gives, and the shape of a decoder: shared by the decoders and the
// client option that picks one, in a module of its own so none of them imports another for a type.

import type { OperationSchema, ServiceSchema } from '../protocol/schema.js';

export interface DecodedOutput {
  readonly output: Record<string, unknown>;
  readonly requestId: string | undefined;
}

/**
 * Turns a successful response body into the operation's output: what a client's `xmlDecoder` option
 * takes. It throws XmlParseError for a body it cannot decode, never returns a half-filled output.
 */
export type OutputDecoder = (
  service: ServiceSchema,
  operation: OperationSchema,
  body: Uint8Array | string,
) => DecodedOutput;
