// decodeOutput: an operation's XML response body -> its output object and request id.
// ec2: members sit directly under <OperationResponse>, next to <requestId>.
// query: members sit under <OperationResponse><OperationResult>, next to <ResponseMetadata><RequestId>.
// The built-in decoder is the default; `parser: 'fast-xml-parser'` uses the fallback (same results).

import type { OperationSchema, ServiceSchema } from '../protocol/schema.js';
import { decodeStructure } from './decode-builtin.js';
import { decodeWithFastXmlParser } from './decode-fxp.js';
import type { DecodedOutput, OutputDecoder } from './output-types.js';
import { REQUEST_ID_ELEMENTS, RESPONSE_METADATA_ELEMENT } from './request-id.js';
import { utf8Text, XmlScanner } from './scanner.js';

export interface DecodeOutputOptions {
  /** `builtin` (default): the purpose-built decoder. `fast-xml-parser`: the fallback (needs the optional peer dependency). */
  readonly parser?: 'builtin' | 'fast-xml-parser';
}

/**
 * Decodes a successful response body with the operation's output schema. Throws XmlParseError (with the
 * request id when it was seen, and the first characters of the body) when the body is not well-formed
 * XML, is cut short, holds a DOCTYPE, or a value does not fit its schema: never a half-filled result.
 * An empty body is an empty output only for operations whose output has no members.
 */
export function decodeOutput(
  service: ServiceSchema,
  operation: OperationSchema,
  body: Uint8Array | string,
  options?: DecodeOutputOptions,
): DecodedOutput {
  if (options?.parser === 'fast-xml-parser') return fastXmlParserDecoder(service, operation, body);
  return decodeOutputBuiltin(service, operation, body);
}

/**
 * decodeOutput with the built-in decoder, what a client's calls use: code that imports only this
 * leaves the fallback decoder out of a bundle.
 */
export const decodeOutputBuiltin: OutputDecoder = (service, operation, body) =>
  decodeBuiltin(textOf(body), operation, resultWrapper(service, operation));

/**
 * The fallback decoder as an OutputDecoder, for a client's `xmlDecoder` option: the same results as the
 * built-in decoder, through the optional fast-xml-parser peer dependency (a ConfigError on the first
 * call says to install it when it is missing). The client's default imports neither this nor
 * fast-xml-parser, so a bundle pays for the fallback only where it is chosen.
 */
export const fastXmlParserDecoder: OutputDecoder = (service, operation, body) =>
  decodeWithFastXmlParser(textOf(body), operation, resultWrapper(service, operation));

function textOf(body: Uint8Array | string): string {
  return typeof body === 'string' ? body : utf8Text(body);
}

/** The query protocol's `<OperationResult>` element; ec2 has none. */
function resultWrapper(service: ServiceSchema, operation: OperationSchema): string | undefined {
  return service.protocol === 'query' ? (operation.resultWrapper ?? `${operation.name}Result`) : undefined;
}

function decodeBuiltin(text: string, operation: OperationSchema, wrapper: string | undefined): DecodedOutput {
  const sc = new XmlScanner(text, `${operation.name} response`);
  if (!sc.readRoot()) return emptyOutput(sc, operation);
  const ids = new RequestIds(sc);
  const output = operation.output;
  let result: Record<string, unknown> = {};
  if (wrapper === undefined) {
    if (output !== undefined) result = decodeStructure(sc, output, ids.read);
    else eachChild(sc, ids.read);
  } else {
    eachChild(sc, (inner) => {
      if (!inner.isNamed(wrapper)) ids.read(inner);
      else if (output !== undefined) result = decodeStructure(inner, output);
      else inner.skipContent();
    });
  }
  sc.readEnd();
  return { output: result, requestId: ids.best() };
}

/** The request id by preference (see request-id.ts); of each kind, the last non-empty one counts. */
class RequestIds {
  private readonly found: (string | undefined)[] = [undefined, undefined, undefined, undefined];
  constructor(private readonly sc: XmlScanner) {}

  /** Handles one child of the root that no output member claims. */
  readonly read = (sc: XmlScanner): void => {
    const rank = REQUEST_ID_ELEMENTS.findIndex((name) => sc.isNamed(name));
    if (rank >= 0) this.note(rank, sc.readText());
    else if (!sc.isNamed(RESPONSE_METADATA_ELEMENT)) sc.skipContent();
    else
      eachChild(sc, (inner) => {
        if (inner.isNamed('RequestId')) this.note(3, inner.readText());
        else inner.skipContent();
      });
  };

  best(): string | undefined {
    return this.found.find((id) => id !== undefined);
  }

  private note(rank: number, text: string): void {
    const id = text.trim();
    if (id === '') return;
    this.found[rank] = id;
    this.sc.requestId = this.best();
  }
}

function eachChild(sc: XmlScanner, onChild: (sc: XmlScanner) => void): void {
  if (sc.selfClosing) return;
  const parentStart = sc.nameStart;
  const parentEnd = sc.nameEnd;
  while (sc.nextChild(parentStart, parentEnd)) onChild(sc);
}

function emptyOutput(sc: XmlScanner, operation: OperationSchema): DecodedOutput {
  if (operation.output !== undefined && operation.output.members.length > 0)
    sc.fail('the body is empty, but this operation returns data');
  return { output: {}, requestId: undefined };
}
