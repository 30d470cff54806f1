import { inspect, isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { XmlParseError } from '../errors/errors.js';
import { decodeOutput } from './decode-output.js';
import { fuzzOperation, fuzzService, mutatedDocument, validDocument } from './test-support/fuzz-documents.js';

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function attempt(protocol: 'ec2' | 'query', doc: string, parser: 'builtin' | 'fast-xml-parser'): Outcome {
  try {
    return { ok: true, value: decodeOutput(fuzzService(protocol), fuzzOperation, doc, { parser }) };
  } catch (error) {
    return { ok: false, error };
  }
}

/**
 * The differential property: the built-in decoder either fails with an XmlParseError or returns exactly
 * what the fast-xml-parser path returns for the same document; neither path ever throws anything else.
 */
function agrees(protocol: 'ec2' | 'query', doc: string): boolean {
  const builtin = attempt(protocol, doc, 'builtin');
  const fallback = attempt(protocol, doc, 'fast-xml-parser');
  if (!builtin.ok) expect(builtin.error).toBeInstanceOf(XmlParseError);
  if (!fallback.ok) expect(fallback.error).toBeInstanceOf(XmlParseError);
  if (builtin.ok) {
    if (!fallback.ok)
      throw new Error(`built-in decoded a document fast-xml-parser rejects: ${String(fallback.error)}`);
    // node's deep equality: NaN equals NaN, prototypes and Dates and bytes compared, and a map key named
    // `constructor` is just a key.
    if (!isDeepStrictEqual(builtin.value, fallback.value))
      throw new Error(
        `decoders differ:\n built-in ${inspect(builtin.value, { depth: 9 })}\n fallback ${inspect(fallback.value, { depth: 9 })}`,
      );
  }
  return builtin.ok;
}

/** Generous: 10,000 documents through two decoders on a shared, busy machine. */
const TIMEOUT = 120_000;

describe('xmlDecode fuzz: built-in decoder against fast-xml-parser', () => {
  // 10,000 documents in all: valid ones (with noise) and mutated ones, for both protocols.
  for (const protocol of ['ec2', 'query'] as const) {
    it(
      `agrees on 2,000 random valid ${protocol} documents`,
      () => {
        let decoded = 0;
        fc.assert(
          fc.property(validDocument(protocol), (doc) => {
            if (agrees(protocol, doc)) decoded++;
          }),
          { numRuns: 2_000 },
        );
        // The generator also makes invalid values (`yes` for a boolean), so not every document decodes;
        // enough must, or the comparison would be empty.
        expect(decoded).toBeGreaterThan(300);
      },
      TIMEOUT,
    );

    it(
      `gives the same result or an XmlParseError on 3,000 mutated ${protocol} documents`,
      () => {
        fc.assert(
          fc.property(mutatedDocument(protocol), (doc) => {
            agrees(protocol, doc);
          }),
          { numRuns: 3_000 },
        );
      },
      TIMEOUT,
    );
  }
});
