import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ec2Error } from './errors.js';
import { decodeComponent, parseForm } from './form.js';

describe('parseForm', () => {
  it('decodes percent escapes as UTF-8, + as a space, and keeps pair order and repeats', () => {
    expect(parseForm('Action=RunInstances&Tag.1.Value=caf%C3%A9+bar&empty=&bare&Tag.1.Value=again')).toEqual([
      ['Action', 'RunInstances'],
      ['Tag.1.Value', 'café bar'],
      ['empty', ''],
      ['bare', ''],
      ['Tag.1.Value', 'again'],
    ]);
  });

  it('reads what URLSearchParams writes, for any keys and values', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string({ unit: 'grapheme', maxLength: 12 }),
            fc.string({ unit: 'grapheme', maxLength: 12 }),
          ),
        ),
        (pairs) => {
          const encoded = new URLSearchParams(pairs).toString();
          expect(parseForm(encoded)).toEqual(pairs);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps a literal + when decoding for the SigV4 canonical query', () => {
    expect(decodeComponent('a+b%2B', false)).toBe('a+b+');
    expect(decodeComponent('a+b%2B', true)).toBe('a b+');
  });

  it('rejects a broken percent escape with MalformedQueryString', () => {
    for (const bad of ['a=%', 'a=%4', 'a=%zz']) {
      try {
        parseForm(bad);
        expect.unreachable(`${bad} should fail`);
      } catch (error) {
        expect(error).toBeInstanceOf(Ec2Error);
        expect((error as Ec2Error).code).toBe('MalformedQueryString');
      }
    }
  });
});
