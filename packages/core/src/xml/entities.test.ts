import { describe, expect, it } from 'vitest';
import { decodeCharacterData } from './entities.js';

const fail = (message: string): never => {
  throw new Error(message);
};
const decode = (raw: string): string => decodeCharacterData(raw, fail);

describe('decodeCharacterData', () => {
  it('replaces the five predefined entities and leaves other text alone', () => {
    expect(decode('a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;')).toBe(`a & b <c> "d" 'e'`);
    expect(decode('no references here')).toBe('no references here');
  });

  it('decodes decimal and hexadecimal character references, astral ones included', () => {
    expect(decode('&#65;&#x42;&#x0000043;&#0068;&#x1F600;')).toBe('ABCD😀');
  });

  it('does not decode twice: &amp;lt; is the text &lt;', () => {
    expect(decode('&amp;lt;')).toBe('&lt;');
  });

  it('normalizes CR LF and lone CR to LF, but keeps a CR written as &#13;', () => {
    expect(decode('a\r\nb\rc&#13;')).toBe('a\nb\nc\r');
  });

  it.each([
    ['&nbsp;', /unknown entity/],
    ['&AMP;', /unknown entity/],
    ['&#X41;', /unknown entity/],
    ['& amp;', /unknown entity/],
    ['tail &amp', /must start an entity reference/],
    ['&#0;', /not an XML character/],
    ['&#xD800;', /not an XML character/],
    ['&#x110000;', /not an XML character/],
    ['&#xFFFE;', /not an XML character/],
    ['&#8;', /not an XML character/],
  ])('rejects %s', (raw, message) => {
    expect(() => decode(raw)).toThrow(message);
  });

  it('accepts tab, LF and CR references, which XML allows below space', () => {
    expect(decode('&#9;&#10;&#13;')).toBe('\t\n\r');
  });
});
