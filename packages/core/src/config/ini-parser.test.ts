import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { configFixture, SECRET } from '../credentials/test-support/loopback.js';
import { ConfigError } from '../errors/errors.js';
import { parseIni } from './ini-parser.js';

function section(text: string, name: string) {
  const found = parseIni(text, 'test-file').find((s) => s.name === name);
  if (!found) throw new Error(`no section ${name}`);
  return found;
}

describe('parseIni', () => {
  it('keeps nested sub-sections that a flat ini parser would lose', () => {
    const s = section(
      '[profile dev]\ns3 =\n  max_concurrent_requests = 20\n  Addressing_Style = path\nregion = eu-west-1\n',
      'profile dev',
    );
    expect(s.nested.get('s3')).toEqual(
      new Map([
        ['max_concurrent_requests', '20'],
        ['addressing_style', 'path'],
      ]),
    );
    expect(s.values.get('region')).toBe('eu-west-1');
    expect(s.values.get('s3')).toBe('');
  });

  it('lower-cases keys but keeps section names and values as written', () => {
    const s = section('[Profile Dev]\nAWS_Access_Key_ID = AbC\n', 'Profile Dev');
    expect(s.values.get('aws_access_key_id')).toBe('AbC');
  });

  it('skips # and ; comment lines, even indented, and keeps # inside values', () => {
    const s = section(
      '# top\n[default]\n; note\n   # indented comment\nregion = us-east-1\ncredential_process = sh -c "a; b # c"\n',
      'default',
    );
    expect([...s.values.keys()]).toEqual(['region', 'credential_process']);
    expect(s.values.get('credential_process')).toBe('sh -c "a; b # c"');
  });

  it('accepts a comment after a section header, CRLF line ends and a BOM', () => {
    const s = section('\uFEFF[default] # main\r\nregion = us-east-1\r\n', 'default');
    expect(s.values.get('region')).toBe('us-east-1');
  });

  it('continues a non-empty value on indented lines', () => {
    const s = section('[default]\npolicy = first\n  second\n', 'default');
    expect(s.values.get('policy')).toBe('first\nsecond');
  });

  it('accepts ":" as a delimiter and keeps "=" inside values', () => {
    const s = section('[default]\nregion: us-east-1\nendpoint_url = http://h/?a=b\n', 'default');
    expect(s.values.get('region')).toBe('us-east-1');
    expect(s.values.get('endpoint_url')).toBe('http://h/?a=b');
  });

  it('merges a repeated section, the later value winning', () => {
    const sections = parseIni('[default]\nregion = a\nx = 1\n[other]\n[default]\nregion = b\n', 'f');
    expect(sections).toHaveLength(2);
    expect(sections[0]?.values).toEqual(
      new Map([
        ['region', 'b'],
        ['x', '1'],
      ]),
    );
  });

  it('is not fooled by a key named __proto__', () => {
    const s = section('[default]\n__proto__ = x\nconstructor = y\n', 'default');
    expect(s.values.get('__proto__')).toBe('x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  const expected = JSON.parse(readFileSync(configFixture('malformed', 'expected.json'), 'utf8')) as Record<
    string,
    number
  >;
  const files = readdirSync(configFixture('malformed')).filter((f) => f.endsWith('.ini'));

  it('has an expected line for every malformed fixture', () => {
    expect(files.sort()).toEqual(Object.keys(expected).sort());
  });

  for (const file of files) {
    it(`reports file and line for malformed/${file}`, () => {
      const path = configFixture('malformed', file);
      let caught: unknown;
      try {
        parseIni(readFileSync(path, 'utf8'), path);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ConfigError);
      expect((caught as ConfigError).code).toBe('ConfigParseError');
      expect((caught as ConfigError).message).toContain(`${path}, line ${expected[file]}:`);
    });
  }

  it('never quotes a malformed line, which may hold a secret', () => {
    expect(() => parseIni(`[default]\naws_secret_access_key ${SECRET.key}\n`, 'f')).toThrow(ConfigError);
    try {
      parseIni(`[default]\naws_secret_access_key ${SECRET.key}\n`, 'f');
    } catch (error) {
      expect((error as Error).message).not.toContain(SECRET.key);
      expect((error as Error).message).toContain('line 2');
    }
  });
});
