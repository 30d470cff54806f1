// The JMESPath subset that `operationContextParams` paths may use (Smithy allows identifiers,
// sub-expressions, `[*]` projections, `[]` flattening, multi-select lists and `keys()`), parsed once
// per path and evaluated against an operation's input. Anything else in a path is an EndpointError.

import { EndpointError } from '../errors/errors.js';

type Step =
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'project' }
  | { readonly kind: 'flatten' }
  | { readonly kind: 'multiList'; readonly items: readonly Path[] }
  | { readonly kind: 'keys'; readonly of: Path };

type Path = readonly Step[];

const TOKEN = /\s*(?:([A-Za-z_][A-Za-z0-9_]*)|"((?:[^"\\]|\\.)*)"|(\[\*\]|\[\]|[.[\],()]))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < source.length) {
    if (/^\s*$/.test(source.slice(TOKEN.lastIndex))) break;
    const start = TOKEN.lastIndex;
    const match = TOKEN.exec(source);
    if (match === null) throw unsupported(source, `at offset ${start}`);
    // Identifiers stay bare; a quoted identifier keeps a leading quote so it is never read as syntax.
    tokens.push(match[1] ?? (match[2] !== undefined ? `"${JSON.parse(`"${match[2]}"`)}` : match[3]!));
  }
  return tokens;
}

function unsupported(source: string, where: string): EndpointError {
  return new EndpointError(
    `operationContextParams path ${JSON.stringify(source)} is not in the supported JMESPath subset (${where}): use identifiers, ".", "[*]", "[]", "[a, b]" and keys()`,
  );
}

function parse(source: string): Path {
  const tokens = tokenize(source);
  let at = 0;
  const peek = (): string | undefined => tokens[at];
  const take = (expected?: string): string => {
    const token = tokens[at++];
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw unsupported(source, `expected ${expected ?? 'more'} at token ${at}`);
    }
    return token;
  };
  const isName = (token: string | undefined): token is string =>
    token !== undefined && (/^[A-Za-z_]/.test(token) || token.startsWith('"'));
  const nameOf = (token: string): string => (token.startsWith('"') ? token.slice(1) : token);

  function term(): Step {
    const token = take();
    if (token === 'keys' && peek() === '(') {
      take('(');
      const of = path();
      take(')');
      return { kind: 'keys', of };
    }
    if (token === '[') {
      const items = [path()];
      while (peek() === ',') {
        take(',');
        items.push(path());
      }
      take(']');
      return { kind: 'multiList', items };
    }
    if (isName(token)) return { kind: 'field', name: nameOf(token) };
    throw unsupported(source, `unexpected ${token}`);
  }

  function path(): Path {
    const steps: Step[] = [term()];
    for (;;) {
      const token = peek();
      if (token === '.') {
        take('.');
        steps.push(term());
      } else if (token === '[*]') {
        take();
        steps.push({ kind: 'project' });
      } else if (token === '[]') {
        take();
        steps.push({ kind: 'flatten' });
      } else {
        return steps;
      }
    }
  }

  const parsed = path();
  if (at !== tokens.length) throw unsupported(source, `unexpected ${tokens[at]}`);
  return parsed;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Runs steps[from..to) on value; a projection applies the steps up to the next `[]` to each element. */
function run(value: unknown, steps: Path, from = 0, to = steps.length): unknown {
  let current = value;
  for (let i = from; i < to; i++) {
    const step = steps[i]!;
    if (step.kind === 'field') {
      current = isObject(current) ? (current[step.name] ?? null) : null;
    } else if (step.kind === 'multiList') {
      const bound = current;
      current = bound === null ? null : step.items.map((item) => run(bound, item));
    } else if (step.kind === 'keys') {
      const of = run(current, step.of);
      current = isObject(of) ? Object.keys(of) : null;
    } else {
      if (!Array.isArray(current)) return null;
      const elements =
        step.kind === 'flatten' ? current.flatMap((e: unknown) => (Array.isArray(e) ? e : [e])) : current;
      let end = i + 1;
      while (end < to && steps[end]!.kind !== 'flatten') end++;
      const start = i + 1;
      current = elements.map((e: unknown) => run(e, steps, start, end)).filter((e) => e !== null);
      i = end - 1;
    }
  }
  return current;
}

const parsedPaths = new Map<string, Path>();

/** Evaluates an operationContextParams path against an operation's input; null when nothing is there. */
export function evaluateContextPath(path: string, input: unknown): unknown {
  let parsed = parsedPaths.get(path);
  if (parsed === undefined) {
    parsed = parse(path);
    parsedPaths.set(path, parsed);
  }
  return run(input ?? null, parsed);
}
