import fc from 'fast-check';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, xmlDocument } from './xml.js';

const parser = new XMLParser({
  processEntities: true,
  htmlEntities: true,
  trimValues: false,
  parseTagValue: false,
  ignoreDeclaration: true,
});

function roundTrip(text: string): unknown {
  return (parser.parse(`<a>${escapeXml(text)}</a>`) as { a: unknown }).a;
}

describe('escapeXml', () => {
  it('escapes the five XML specials and keeps a carriage return as a character reference', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's\r\n</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&#xD;\n&lt;/a&gt;',
    );
  });

  it('replaces characters XML 1.0 cannot carry (controls, lone surrogates) with U+FFFD', () => {
    expect(escapeXml('a\u0000b\u0007c\u001Fd\uFFFEe')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe');
    expect(escapeXml('x\uD800y')).toBe('x\uFFFDy');
    expect(escapeXml('x\uDC00y')).toBe('x\uFFFDy');
    expect(escapeXml('ok \uD83D\uDE00 \t\n')).toBe('ok \uD83D\uDE00 \t\n');
  });

  it('survives a real XML parser unchanged for any text made of allowed characters', () => {
    const allowed = fc.string({ unit: 'binary', maxLength: 60 }).map((s) =>
      [...s]
        .filter((c) => {
          const code = c.codePointAt(0)!;
          return (
            code === 9 || code === 10 || code === 13 || (code >= 0x20 && code !== 0xfffe && code !== 0xffff)
          );
        })
        .join(''),
    );
    fc.assert(
      fc.property(allowed, (text) => {
        const parsed = roundTrip(text);
        expect(parsed === '' && text === '' ? '' : parsed).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe('xmlDocument', () => {
  it('writes members in order, wraps list entries in <item>, leaves out undefined and writes empty lists as empty elements', () => {
    const xml = xmlDocument(
      'DescribeThingsResponse',
      {
        requestId: 'r-1',
        thingSet: [
          { id: 'a', count: 2, ok: true },
          { id: 'b', when: new Date(Date.UTC(2025, 0, 2, 3, 4, 5)) },
        ],
        emptySet: [],
        missing: undefined,
        names: ['x', 'y'],
      },
      'http://ec2.amazonaws.com/doc/2016-11-15/',
    );
    expect(xml).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        '<DescribeThingsResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>r-1</requestId>' +
        '<thingSet><item><id>a</id><count>2</count><ok>true</ok></item>' +
        '<item><id>b</id><when>2025-01-02T03:04:05.000Z</when></item></thingSet>' +
        '<emptySet/><names><item>x</item><item>y</item></names></DescribeThingsResponse>',
    );
  });

  it('refuses element names that are not XML names rather than writing broken XML', () => {
    expect(() => xmlDocument('R', { 'bad name': 'x' })).toThrow(RangeError);
    expect(() => xmlDocument('R', { n: Number.NaN })).toThrow(RangeError);
  });
});
