import { spawnSync } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import * as runtime from '@boto-ts/core/jmespath';
import { search } from '@jmespath-community/jmespath';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCI } from '../../../scripts/lib/repo-data.js';
import { compileJmespath, JmespathCompileError, JmespathSyntaxError } from './jmespath-compile.js';

/** Turns compiled code into a function, with the runtime's helpers in scope. */
function evaluator(expression: string): (value: unknown) => unknown {
  const { code, helpers } = compileJmespath(expression, 'value');
  const table = runtime as unknown as Record<string, unknown>;
  for (const name of helpers) expect(typeof table[name], `helper ${name}`).toBe('function');
  const factory = new Function(...helpers, `return (value) => ${code};`) as (
    ...fns: unknown[]
  ) => (value: unknown) => unknown;
  return factory(...helpers.map((name) => table[name]));
}

const evaluate = (expression: string, data: unknown): unknown => evaluator(expression)(data);

type Outcome = { ok: true; value: unknown } | { ok: false; error: string };
function outcome(run: () => unknown): Outcome {
  try {
    return { ok: true, value: run() };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}

describe('compileJmespath', () => {
  it('compiles the EC2 instance state path into nested projections', () => {
    const { code, helpers } = compileJmespath('Reservations[].Instances[].State.Name', 'output');
    expect(code).toBe(
      'project(flatten(project(flatten(field(output, "Reservations")), (v1) => field(v1, "Instances"))), (v2) => field(field(v2, "State"), "Name"))',
    );
    expect(helpers).toEqual(['field', 'flatten', 'project']);
  });

  it('collects states across reservations and drops missing ones, like a projection must', () => {
    const data = {
      Reservations: [
        { Instances: [{ State: { Name: 'running' } }, { State: {} }] },
        { Instances: [] },
        {},
        { Instances: [{ State: { Name: 'pending' } }] },
      ],
    };
    expect(evaluate('Reservations[].Instances[].State.Name', data)).toEqual(['running', 'pending']);
  });

  it('gives null, not an empty list, when the projected member is missing', () => {
    expect(evaluate('Reservations[].Instances[].State.Name', {})).toBeNull();
    expect(evaluate('Reservations[].Instances[].State.Name', { Reservations: [] })).toEqual([]);
  });

  it('evaluates length comparisons and raises the spec type error for length(null)', () => {
    expect(evaluate('length(Reservations[]) > `0`', { Reservations: [{}] })).toBe(true);
    expect(evaluate('length(Reservations[]) > `0`', { Reservations: [] })).toBe(false);
    expect(() => evaluate('length(Reservations[]) > `0`', {})).toThrow(runtime.JmespathTypeError);
    expect(evaluate('length(PasswordData) > `0`', { PasswordData: 'abc' })).toBe(true);
  });

  it('orders two numbers or two strings; other pairs compare to null', () => {
    expect(evaluate('a > `1`', { a: 'x' })).toBeNull();
    expect(evaluate('a < b', { a: 'a', b: 'b' })).toBe(true);
    expect(evaluate('a < b', { a: null, b: 1 })).toBeNull();
    expect(evaluate('a >= `2`', { a: 2 })).toBe(true);
  });

  it('treats a multi-select over null as null (original specification)', () => {
    expect(evaluate('a.[b, c]', { a: null })).toBeNull();
    expect(evaluate('a.{x: b}', {})).toBeNull();
    expect(evaluate('a.[b, c]', { a: { b: 1 } })).toEqual([1, null]);
  });

  it('maps timestamps to epoch seconds and blobs to base64, as Smithy waiters define', () => {
    expect(evaluate('t', { t: new Date('2024-01-01T00:00:01.500Z') })).toBe(1704067201.5);
    expect(evaluate('b', { b: new Uint8Array([104, 105, 33]) })).toBe('aGkh');
    expect(evaluate('b', { b: new Uint8Array([1]) })).toBe('AQ==');
    expect(evaluate('b', { b: new Uint8Array([1, 2]) })).toBe('AQI=');
  });

  it('evaluates the left side of a pipe even when the right side is a literal', () => {
    expect(() => evaluate('length(a) | `1`', {})).toThrow(runtime.JmespathTypeError);
    expect(evaluate('a | `1`', {})).toBe(1);
  });

  it('reports syntax errors with the offset', () => {
    expect(() => compileJmespath('a[?b')).toThrow(JmespathSyntaxError);
    expect(() => compileJmespath('a.')).toThrow(/at 2/);
    expect(() => compileJmespath('a = b')).toThrow(JmespathSyntaxError);
  });

  it('refuses what it cannot translate at generation time', () => {
    expect(() => compileJmespath('sort_by(a, &b)')).toThrow(JmespathCompileError);
    expect(() => compileJmespath('length(a, b)')).toThrow(/takes 1/);
    expect(() => compileJmespath('nope(a)')).toThrow(/nope\(\) is not supported/);
  });

  it.each([
    ['foo[-1]', { foo: [1, 2, 3] }],
    ['foo[::-1]', { foo: [1, 2, 3] }],
    ['foo[1:]', { foo: [1, 2, 3] }],
    ['foo[:-1:2]', { foo: [1, 2, 3, 4, 5] }],
    ['foo[5:1:-2]', { foo: [0, 1, 2, 3, 4, 5, 6] }],
    ['*.a', { x: { a: 1 }, y: { a: 2 }, z: {} }],
    ['a[?b > `1`].c', { a: [{ b: 2, c: 1 }, { b: '3', c: 2 }, { b: 5 }] }],
    [
      'a[?b].c',
      {
        a: [
          { b: [], c: 1 },
          { b: [1], c: 2 },
        ],
      },
    ],
    ["a[?b == 'x'] | [0]", { a: [{ b: 'y' }, { b: 'x', n: 1 }] }],
    ['a[*].b[0]', { a: [{ b: [1, 2] }, { b: 'no' }, { b: [3] }] }],
    ['a[][]', { a: [[1, [2, [3]]], 4] }],
    ['!a', { a: [] }],
    ['a && b || c', { a: {}, b: 1, c: 'c' }],
    ['not_null(a, b, `3`)', { b: null }],
    ['to_string(a)', { a: { x: [1, 'a'] } }],
    ['to_number(a)', { a: '1e3' }],
    ['contains(a, `1`)', { a: [1, 2] }],
    ["starts_with(a, 'ab')", { a: 'abc' }],
    ['max(a)', { a: ['b', 'a'] }],
    ['sum(a)', { a: [] }],
    ['avg(a)', { a: [1, 2] }],
    ['keys(@)', { a: 1, b: 2 }],
    ['type(a)', { a: 1.5 }],
    ["join(', ', a)", { a: ['x', 'y'] }],
    ['reverse(a)', { a: 'abc' }],
    ['sort(a)', { a: [3, 1, 2] }],
    ['"quoted key".x', { 'quoted key': { x: true } }],
    ['`{"a": [1, {"b": null}]}`', null],
    ['length(a)', { a: '😀x' }],
    ['a == b', { a: { x: [1, { y: 2 }] }, b: { x: [1, { y: 2 }] } }],
    ['a != b', { a: 1, b: true }],
  ])('%s agrees with @jmespath-community/jmespath', (expression, data) => {
    expect(evaluate(expression, data)).toEqual(search(data as never, expression));
  });
});

// ---- Python's jmespath package (botocore's library), run once per batch as the reference ----

type PythonOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly error: string };

// One deliberate change to the reference: Python's contains() tests list membership with "in", where
// True == 1 and False == 0; the JMESPath specification (and the compiled code) never equates a boolean
// with a number, so the reference's contains() compares with JMESPath equality instead.
const SCRIPT = `
import json, sys, jmespath
from jmespath import functions

def spec_equal(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(spec_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(spec_equal(a[k], b[k]) for k in a)
    return a == b

class SpecFunctions(functions.Functions):
    @functions.signature({"types": ["array", "string"]}, {"types": []})
    def _func_contains(self, subject, search):
        if isinstance(subject, str):
            return search in subject
        return any(spec_equal(item, search) for item in subject)

options = jmespath.Options(custom_functions=SpecFunctions())
out = []
for case in json.load(sys.stdin):
    try:
        out.append({"ok": True, "value": jmespath.search(case["expression"], case["data"], options=options)})
    except Exception as error:
        out.append({"ok": False, "error": type(error).__name__ + ": " + str(error)})
json.dump(out, sys.stdout)
`;

let available: boolean | undefined;

/** Whether python3 with the jmespath package (installed with boto3) can run here. */
function pythonJmespathAvailable(): boolean {
  available ??=
    spawnSync('python3', ['-c', 'import jmespath'], { stdio: 'ignore', timeout: 20_000 }).status === 0;
  return available;
}

function pythonJmespath(
  cases: readonly { readonly expression: string; readonly data: unknown }[],
): PythonOutcome[] {
  const run = spawnSync('python3', ['-c', SCRIPT], {
    input: JSON.stringify(cases),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`python3 jmespath failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as PythonOutcome[];
}

// ---- a differential property test: random expressions over random documents ----

const names = ['a', 'b', 'c'] as const;
const leafValue = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom('x', 'y', '', 'ab'),
  fc.boolean(),
  fc.constant(null),
);
const documentArbitrary = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafValue,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...names), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const literal = fc.oneof(
  fc.integer({ min: -3, max: 3 }).map((n) => `\`${n}\``),
  fc.constantFrom('`"x"`', "'y'", '`true`', '`null`', '`[]`', '`{}`', '`[1, "x"]`'),
);

const expressionArbitrary: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => {
  const sub = tie('expr');
  return {
    expr: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      fc.constantFrom(...names, '@'),
      literal,
      fc.tuple(sub, fc.constantFrom(...names)).map(([e, n]) => `(${e}).${n}`),
      fc.tuple(sub, fc.integer({ min: -3, max: 3 })).map(([e, i]) => `(${e})[${i}]`),
      fc
        .tuple(sub, fc.option(fc.integer({ min: -3, max: 3 })), fc.option(fc.integer({ min: -3, max: 3 })))
        .map(([e, a, b]) => `(${e})[${a ?? ''}:${b ?? ''}]`),
      fc.tuple(sub, fc.constantFrom(...names)).map(([e, n]) => `(${e})[*].${n}`),
      fc.tuple(sub, fc.constantFrom(...names)).map(([e, n]) => `(${e})[].${n}`),
      sub.map((e) => `(${e})[]`),
      fc.tuple(sub, fc.constantFrom(...names)).map(([e, n]) => `(${e}).*.${n}`),
      fc.tuple(sub, sub).map(([e, c]) => `(${e})[?${c}]`),
      fc.tuple(sub, sub).map(([a, b]) => `(${a}) | (${b})`),
      fc.tuple(sub, sub, fc.constantFrom('||', '&&', '==', '!=')).map(([a, b, op]) => `(${a}) ${op} (${b})`),
      fc
        .tuple(sub, fc.constantFrom('<', '<=', '>', '>='), fc.integer({ min: -2, max: 2 }))
        .map(([a, op, n]) => `(${a}) ${op} \`${n}\``),
      sub.map((e) => `!(${e})`),
      fc
        .tuple(
          fc.constantFrom('length', 'type', 'to_string', 'to_number', 'to_array', 'not_null', 'keys'),
          sub,
        )
        .map(([f, e]) => `${f}(${e})`),
      fc.tuple(sub, sub).map(([a, b]) => `contains(${a}, ${b})`),
      fc.tuple(sub, sub).map(([a, b]) => `not_null(${a}, ${b})`),
      fc.tuple(sub, sub, sub).map(([e, a, b]) => `(${e}).[${a}, ${b}]`),
      fc.tuple(sub, sub).map(([e, a]) => `(${e}).{x: ${a}, "y z": @}`),
      fc.tuple(sub, sub).map(([a, b]) => `[${a}, ${b}]`),
    ),
  };
}).expr;

/** Plain JSON (fast-check builds objects without a prototype; Python's answer is parsed JSON). */
const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value) ?? 'null');

const pythonReady = pythonJmespathAvailable();
if (!pythonReady) {
  if (isCI) throw new Error('python3 with jmespath is required under CI for the differential tests');
  console.warn('python3 jmespath not found: the botocore-reference differential test is skipped');
}

describe.skipIf(!pythonReady)("compiled code against Python's jmespath (botocore's library)", () => {
  it('agrees on 3000 random expressions over random documents (same value, or both raise)', () => {
    // A fixed seed keeps CI repeatable; JMESPATH_FUZZ_SEED explores others.
    const seed = Number(process.env.JMESPATH_FUZZ_SEED ?? 20_261_126);
    const cases = fc
      .sample(fc.tuple(expressionArbitrary, documentArbitrary), { numRuns: 3000, seed })
      .map(([expression, data]) => ({ expression, data }));
    const reference = pythonJmespath(cases);
    const mismatches: unknown[] = [];
    cases.forEach(({ expression, data }, i) => {
      const theirs = reference[i]!;
      const ours = outcome(() => evaluate(expression, data));
      // Python raises a bare TypeError for contains(string, non-string) and for ordering a string
      // against a number; the specification says false and null there, which is what we give.
      if (!theirs.ok && /TypeError: ('in <string>'|'[<>]=?' not supported)/.test(theirs.error)) return;
      const same = theirs.ok ? ours.ok && isDeepStrictEqual(asJson(ours.value), theirs.value) : !ours.ok;
      if (!same) mismatches.push({ expression, data, ours, theirs });
    });
    expect(JSON.stringify(mismatches.slice(0, 3)), `seed ${seed}`).toBe('[]');
  });
});
