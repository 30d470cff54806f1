// What the generic runner needs to know about one protocol: which botocore files hold its cases,
// how to load its WireProtocol, how to compare a serialized body with the expected one (bytes for
// the form protocols, parsed values for JSON, XML and CBOR), and which Smithy test models it covers.

import type { DecodeOptions, WireProtocol } from '@boto-ts/core';
import type { Case } from './cases.js';

export interface SmithyCoverage {
  /** A Smithy test model under protocols/smithy, as `smithy-aws-protocol-tests/ec2Query`. */
  readonly model: string;
  /** The botocore sets whose case ids cover the model's request and response tests. */
  readonly requestSets: readonly string[];
  readonly responseSets: readonly string[];
  /**
   * Cases built here for the test ids botocore has not converted to JSON, by id: each returns the
   * outcome of running the case (undefined when it passed).
   */
  readonly handBuilt?: Readonly<Record<string, (test: SmithyTest) => Promise<string | undefined>>>;
}

/** One Smithy protocol test, as the JSON AST holds it (the fields this runner reads). */
export interface SmithyTest {
  readonly id: string;
  readonly kind: 'request' | 'response';
  /** The shape whose trait holds the test (an operation, or an error structure). */
  readonly shape: string;
  readonly appliesTo?: 'client' | 'server';
  readonly protocol?: string;
  readonly body?: string;
  readonly params?: Record<string, unknown>;
}

export interface ProtocolAdapter {
  /** The set name's prefix in the output, as `protocols/<set>`. */
  readonly sets: readonly string[];
  /** The protocol module a suite's `metadata.protocol` (and `protocols`) selects. */
  load(): Promise<WireProtocol>;
  /** Why the serialized body differs from the expected one, or undefined when it matches. */
  compareBody(expected: string, actual: string | Uint8Array | undefined, c: Case): string | undefined;
  /** The decoders every response case runs through (the XML protocols run both parsers). */
  readonly decoders?: readonly { readonly name: string; readonly options: DecodeOptions }[];
  readonly smithy?: readonly SmithyCoverage[];
}
