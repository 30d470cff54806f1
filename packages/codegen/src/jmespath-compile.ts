// Compiles a JMESPath expression, at generation time, into one TypeScript expression that calls the
// value rules of @boto-ts/core/jmespath. `Reservations[].Instances[].State.Name` becomes
// `project(flatten(project(flatten(field(output, "Reservations")), (v1) => field(v1, "Instances"))), ...)`.
// Unsupported constructs (expression references, unknown functions) fail here, never at run time.

import { JmespathSyntaxError } from './jmespath-compile-lexer.js';
import { type JmespathNode, parseJmespath } from './jmespath-compile-parser.js';

export { type JmespathNode, JmespathSyntaxError, parseJmespath };

export interface CompiledJmespath {
  /** A TypeScript (and JavaScript) expression reading the input variable. */
  readonly code: string;
  /** Names of the runtime functions the code calls, to import from the runtime module. */
  readonly helpers: readonly string[];
}

/** Functions the compiler supports: runtime name and the number of arguments (min, max). */
const FUNCTIONS: Readonly<Record<string, readonly [helper: string, min: number, max: number]>> = {
  abs: ['fnAbs', 1, 1],
  avg: ['fnAvg', 1, 1],
  ceil: ['fnCeil', 1, 1],
  contains: ['fnContains', 2, 2],
  ends_with: ['fnEndsWith', 2, 2],
  floor: ['fnFloor', 1, 1],
  join: ['fnJoin', 2, 2],
  keys: ['fnKeys', 1, 1],
  length: ['fnLength', 1, 1],
  max: ['fnMax', 1, 1],
  min: ['fnMin', 1, 1],
  not_null: ['fnNotNull', 1, Number.POSITIVE_INFINITY],
  reverse: ['fnReverse', 1, 1],
  sort: ['fnSort', 1, 1],
  starts_with: ['fnStartsWith', 2, 2],
  sum: ['fnSum', 1, 1],
  to_array: ['fnToArray', 1, 1],
  to_number: ['fnToNumber', 1, 1],
  to_string: ['fnToString', 1, 1],
  type: ['fnType', 1, 1],
  values: ['fnValues', 1, 1],
};

/** Thrown when an expression parses but uses something the compiler does not translate. */
export class JmespathCompileError extends Error {
  override readonly name = 'JmespathCompileError';
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Compiles `expression` to code reading the variable named `input`. */
export function compileJmespath(expression: string, input = 'value'): CompiledJmespath {
  return compileNode(parseJmespath(expression), input, expression);
}

/** Compiles an already parsed expression (used to compile parts of one, e.g. a projection's source). */
export function compileNode(node: JmespathNode, input: string, expression = '<node>'): CompiledJmespath {
  const helpers = new Set<string>();
  let counter = 0;
  const use = (name: string): string => {
    helpers.add(name);
    return name;
  };
  const fresh = (): string => `v${++counter}`;
  const unsupported = (what: string): never => {
    throw new JmespathCompileError(`cannot compile ${JSON.stringify(expression)}: ${what}`);
  };

  // Runs `body` with the input bound to a variable, binding once when the input is a computation.
  const bound = (value: string, body: (name: string) => string): string => {
    if (IDENTIFIER.test(value)) return body(value);
    const name = fresh();
    return `${use('apply')}(${value}, (${name}) => ${body(name)})`;
  };

  // `(v) => body`, or nothing when the body is the element itself (projections skip the call).
  const perElement = (node: JmespathNode): string | undefined => {
    if (node.type === 'current') return undefined;
    const name = fresh();
    return `(${name}) => ${compile(node, name)}`;
  };
  const args = (...parts: (string | undefined)[]): string =>
    parts.filter((part) => part !== undefined).join(', ');

  function compile(node: JmespathNode, value: string): string {
    switch (node.type) {
      case 'current':
        return value;
      case 'field':
        return `${use('field')}(${value}, ${JSON.stringify(node.name)})`;
      case 'literal': {
        const json = JSON.stringify(node.value);
        // An object literal is wrapped so that `() => {...}` is not read as a block.
        const literal = json.startsWith('{') ? `(${json})` : json;
        // The input is still evaluated (it may raise a type error), then replaced by the literal.
        return IDENTIFIER.test(value) ? literal : `${use('apply')}(${value}, () => ${literal})`;
      }
      case 'index':
        return `${use('index')}(${value}, ${node.index})`;
      case 'slice':
        return `${use('slice')}(${value}, ${node.start}, ${node.stop}, ${node.step})`;
      case 'chain':
        return compile(node.right, compile(node.left, value));
      case 'flatten':
        return `${use('flatten')}(${compile(node.child, value)})`;
      case 'projection':
        return `${use('project')}(${args(compile(node.left, value), perElement(node.right))})`;
      case 'valueProjection':
        return `${use('projectValues')}(${args(compile(node.left, value), perElement(node.right))})`;
      case 'filterProjection': {
        const element = fresh();
        const condition = `(${element}) => ${compile(node.condition, element)}`;
        return `${use('filter')}(${args(compile(node.left, value), condition, perElement(node.right))})`;
      }
      case 'comparator':
        return bound(value, (v) => `${use(node.op)}(${compile(node.left, v)}, ${compile(node.right, v)})`);
      case 'or':
      case 'and':
        return bound(
          value,
          (v) => `${use(node.type)}(${compile(node.left, v)}, () => ${compile(node.right, v)})`,
        );
      case 'not':
        return `${use('not')}(${compile(node.child, value)})`;
      case 'multiList':
        return bound(value, (v) => {
          const name = fresh();
          const items = node.items.map((item) => compile(item, name)).join(', ');
          return `${use('multiList')}(${v}, (${name}) => [${items}])`;
        });
      case 'multiHash':
        return bound(value, (v) => {
          const name = fresh();
          const entries = node.entries
            .map((entry) => `${JSON.stringify(entry.key)}: ${compile(entry.value, name)}`)
            .join(', ');
          return `${use('multiHash')}(${v}, (${name}) => ({ ${entries} }))`;
        });
      case 'function': {
        const spec = FUNCTIONS[node.name];
        if (!spec) return unsupported(`function ${node.name}() is not supported`);
        const [helper, min, max] = spec;
        if (node.args.length < min || node.args.length > max) {
          return unsupported(`${node.name}() takes ${min === max ? min : `${min}+`} argument(s)`);
        }
        if (node.args.some((arg) => arg.type === 'expref')) {
          return unsupported(`${node.name}() with an expression reference`);
        }
        if (node.args.length === 1) return `${use(helper)}(${compile(node.args[0]!, value)})`;
        return bound(value, (v) => `${use(helper)}(${node.args.map((arg) => compile(arg, v)).join(', ')})`);
      }
      case 'expref':
        return unsupported('expression references (&expr) are only valid as function arguments');
    }
  }

  const code = compile(node, input);
  return { code, helpers: [...helpers].sort() };
}
