import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { factsOnly, factsText, findProse } from './facts-json.js';
import { conformanceDir, modelsDir } from './repo-data.js';

describe('factsOnly', () => {
  it('drops prose keys at every level but keeps a member that is named like one', () => {
    const shape = {
      type: 'structure',
      documentation: '<p>Describes it.</p>',
      members: { documentation: { shape: 'String', documentation: 'the member' }, Name: { shape: 'String' } },
    };
    expect(factsOnly(shape, { sortKeys: true })).toEqual({
      members: { documentation: { shape: 'String' }, Name: { shape: 'String' } },
      type: 'structure',
    });
  });

  it('sorts keys but keeps the members in their wire order', () => {
    const out = factsOnly({ z: 1, members: { Zeta: {}, Alpha: {} }, a: { y: 1, b: 2 } }, { sortKeys: true });
    expect(factsText(out)).toBe('{"a":{"b":2,"y":1},"members":{"Zeta":{},"Alpha":{}},"z":1}\n');
  });

  it('keeps key order when asked to (protocol test params are ordered)', () => {
    const out = factsOnly({ params: { B: 1, A: 2 }, documentation: 'x' }, { sortKeys: false });
    expect(JSON.stringify(out)).toBe('{"params":{"B":1,"A":2}}');
  });

  it('drops the extra prose keys a file kind names', () => {
    const waiter = { waiters: { Done: { description: 'Waits until done.', delay: 5 } } };
    expect(factsOnly(waiter, { sortKeys: true, extraProseKeys: ['description'] })).toEqual({
      waiters: { Done: { delay: 5 } },
    });
  });
});

/** Every file under `dir`, relative. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path).map((f) => join(name, f)) : [relative(dir, path)];
  });
}

const LICENSE_OR_README = /(^|\/)(LICENSE(\.txt)?|NOTICE|README\.md)$/;

describe.each([
  ['models', modelsDir],
  ['fixtures/conformance', conformanceDir],
])("the repository's %s copy", (_label, dir) => {
  const files = filesUnder(dir);

  it('holds JSON data and, beside it, only licenses, notices and our own README', () => {
    expect(files.length).toBeGreaterThan(50);
    const others = files.filter((f) => !f.endsWith('.json') && !LICENSE_OR_README.test(f));
    expect(others).toEqual([]);
  });

  it('holds no documentation string or other prose key', () => {
    const withProse = files
      .filter((f) => f.endsWith('.json'))
      .map((f) => [f, findProse(JSON.parse(readFileSync(join(dir, f), 'utf8')))] as const)
      .filter(([, path]) => path !== undefined);
    expect(withProse).toEqual([]);
  });
});

describe('the Smithy test models', () => {
  it('carry no documentation trait', () => {
    const smithy = join(conformanceDir, 'protocols', 'smithy');
    const hits = filesUnder(smithy)
      .filter((f) => f.endsWith('.json'))
      .filter((f) => readFileSync(join(smithy, f), 'utf8').includes('smithy.api#documentation'));
    expect(hits).toEqual([]);
  });
});
