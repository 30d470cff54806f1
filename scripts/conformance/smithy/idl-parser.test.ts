import { describe, expect, it } from 'vitest';
import { IdlSyntaxError } from './idl-lexer.js';
import { SmithyModelBuilder } from './idl-parser.js';

function build(...files: string[]) {
  const builder = new SmithyModelBuilder();
  files.forEach((source, i) => {
    builder.add(source, `file${i}.smithy`);
  });
  return builder.build().shapes as Record<string, Record<string, unknown>>;
}

describe('Smithy IDL to JSON AST', () => {
  it('resolves member targets against the namespace, `use` and the prelude', () => {
    const shapes = build(`
      $version: "2.0"
      namespace example.test
      use other.ns#Imported

      /// A doc comment is prose and is dropped.
      @documentation("also prose")
      structure Foo {
          @required
          name: String
          local: Local
          imported: Imported = "x"
      }
      string Local
    `);
    expect(shapes['example.test#Foo']).toEqual({
      type: 'structure',
      members: {
        name: { target: 'smithy.api#String', traits: { 'smithy.api#required': {} } },
        local: { target: 'example.test#Local' },
        imported: { target: 'other.ns#Imported', traits: { 'smithy.api#default': 'x' } },
      },
    });
  });

  it('turns inline operation inputs into shapes and references into targets', () => {
    const shapes = build(`
      namespace a.b
      @http(method: "POST", uri: "/op")
      operation Op {
          input := { value: Integer }
          errors: [Failed]
      }
      @error("client")
      structure Failed {}
    `);
    expect(shapes['a.b#Op']).toEqual({
      type: 'operation',
      input: { target: 'a.b#OpInput' },
      errors: [{ target: 'a.b#Failed' }],
      traits: { 'smithy.api#http': { method: 'POST', uri: '/op' } },
    });
    expect(shapes['a.b#OpInput']).toMatchObject({ traits: { 'smithy.api#input': {} } });
  });

  it('appends a list trait applied twice and strips text-block indentation', () => {
    const shapes = build(`
      namespace t
      use smithy.test#httpRequestTests
      operation Op {}
      apply Op @httpRequestTests([{ id: "one", protocol: restJson1, body: """
          {
              "a": 1
          }
          """ }])
      apply Op @httpRequestTests([{ id: "two", params: { n: -1.5e2, ok: true, none: null } }])
    `);
    const traits = (shapes['t#Op']?.traits ?? {}) as Record<string, unknown[]>;
    const tests = traits['smithy.test#httpRequestTests'];
    expect(tests).toEqual([
      { id: 'one', protocol: 't#restJson1', body: '{\n    "a": 1\n}\n' },
      { id: 'two', params: { n: -150, ok: true, none: null } },
    ]);
  });

  it('gives enum members their values and list and map members their targets', () => {
    const shapes = build(`
      namespace e
      enum Color { RED, GREEN = "green" }
      intEnum Level { LOW = 1 }
      list Names { member: String }
      map Counts { key: String, value: Integer }
    `);
    expect(shapes['e#Color']?.members).toEqual({
      RED: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'RED' } },
      GREEN: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 'green' } },
    });
    expect(shapes['e#Level']?.members).toEqual({
      LOW: { target: 'smithy.api#Unit', traits: { 'smithy.api#enumValue': 1 } },
    });
    expect(shapes['e#Names']).toEqual({ type: 'list', member: { target: 'smithy.api#String' } });
    expect(shapes['e#Counts']).toEqual({
      type: 'map',
      key: { target: 'smithy.api#String' },
      value: { target: 'smithy.api#Integer' },
    });
  });

  it('names the file and line of a syntax error', () => {
    expect(() => build('namespace x\nstructure {')).toThrow(IdlSyntaxError);
    expect(() => build('namespace x\nstructure Foo { a: "b" }')).toThrow(/file0\.smithy:2/);
  });
});
