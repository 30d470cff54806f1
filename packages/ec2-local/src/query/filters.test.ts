import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Ec2Error } from '../protocol/errors.js';
import { Params } from '../protocol/params.js';
import { applyFilters, type FilterTable, parseFilters, wildcard } from './filters.js';

interface Item {
  readonly id: string;
  readonly state: string;
  readonly groups: readonly string[];
  readonly tags: readonly { key: string; value: string }[];
}

const TABLE: FilterTable<Item> = {
  'instance-id': (i) => i.id,
  'instance-state-name': (i) => i.state,
  'group-id': (i) => i.groups,
};

const ITEMS: Item[] = [
  { id: 'i-1', state: 'running', groups: ['sg-a'], tags: [{ key: 'Name', value: 'web-1' }] },
  {
    id: 'i-2',
    state: 'stopped',
    groups: ['sg-a', 'sg-b'],
    tags: [
      { key: 'Name', value: 'db' },
      { key: 'env', value: 'prod' },
    ],
  },
  { id: 'i-3', state: 'running', groups: [], tags: [] },
];

function ids(filters: Array<{ name: string; values: string[] }>): string[] {
  return applyFilters(ITEMS, filters, TABLE, (i) => i.tags).map((i) => i.id);
}

describe('wildcard', () => {
  it('matches * as any run and ? as one character, anchored at both ends', () => {
    expect(wildcard('web-*').test('web-12')).toBe(true);
    expect(wildcard('web-*').test('my-web-12')).toBe(false);
    expect(wildcard('i-?').test('i-1')).toBe(true);
    expect(wildcard('i-?').test('i-12')).toBe(false);
    expect(wildcard('*').test('')).toBe(true);
  });

  it('treats escaped \\* and \\? and every regular-expression character literally', () => {
    expect(wildcard('a\\*b').test('a*b')).toBe(true);
    expect(wildcard('a\\*b').test('axxb')).toBe(false);
    expect(wildcard('a\\?').test('a?')).toBe(true);
    expect(wildcard('1.2.3.4').test('1x2x3x4')).toBe(false);
    expect(wildcard('(a|b)+[c]').test('(a|b)+[c]')).toBe(true);
  });

  it('matches every literal string against itself (no accidental metacharacters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 20 }), (text) => {
        const escaped = text.replace(/[\\*?]/g, '\\$&');
        expect(wildcard(escaped).test(text)).toBe(true);
      }),
    );
  });
});

describe('applyFilters', () => {
  it('ANDs filters and ORs the values of one filter', () => {
    expect(ids([{ name: 'instance-state-name', values: ['running', 'stopped'] }])).toEqual([
      'i-1',
      'i-2',
      'i-3',
    ]);
    expect(
      ids([
        { name: 'instance-state-name', values: ['running'] },
        { name: 'tag:Name', values: ['web-*'] },
      ]),
    ).toEqual(['i-1']);
  });

  it('matches list-valued fields when any element matches', () => {
    expect(ids([{ name: 'group-id', values: ['sg-b'] }])).toEqual(['i-2']);
  });

  it('supports tag:<key>, tag-key and tag-value', () => {
    expect(ids([{ name: 'tag:env', values: ['prod'] }])).toEqual(['i-2']);
    expect(ids([{ name: 'tag-key', values: ['Name'] }])).toEqual(['i-1', 'i-2']);
    expect(ids([{ name: 'tag-value', values: ['d?'] }])).toEqual(['i-2']);
    expect(ids([{ name: 'tag:Name', values: ['*'] }])).toEqual(['i-1', 'i-2']);
  });

  it('rejects an unknown filter name with InvalidParameterValue naming the filter', () => {
    try {
      ids([{ name: 'instance-colour', values: ['red'] }]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(Ec2Error);
      expect((error as Ec2Error).code).toBe('InvalidParameterValue');
      expect((error as Ec2Error).message).toContain("The filter 'instance-colour' is invalid");
    }
  });

  it('reads Filter.N.Name / Filter.N.Value.M from the wire', () => {
    const params = Params.fromPairs([
      ['Filter.1.Name', 'tag:Name'],
      ['Filter.1.Value.1', 'web-1'],
      ['Filter.1.Value.2', 'db'],
    ]);
    expect(parseFilters(params)).toEqual([{ name: 'tag:Name', values: ['web-1', 'db'] }]);
    expect(() => parseFilters(Params.fromPairs([['Filter.1.Value.1', 'x']]))).toThrow(/Filter\.1\.Name/);
  });
});
