// Parses a JMESPath expression into a small AST (a top-down operator-precedence parser over the
// tokens from jmespath-compile-lexer.ts). The compiler in jmespath-compile.ts turns the AST into code.

import { JmespathSyntaxError, type Token, type TokenType, tokenize } from './jmespath-compile-lexer.js';

export type ComparatorOp = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

export type JmespathNode =
  | { readonly type: 'current' }
  | { readonly type: 'field'; readonly name: string }
  | { readonly type: 'literal'; readonly value: unknown }
  | { readonly type: 'index'; readonly index: number }
  | {
      readonly type: 'slice';
      readonly start: number | null;
      readonly stop: number | null;
      readonly step: number | null;
    }
  /** Evaluates `right` against the value of `left` (`a.b`, `a[0]`, `a | b`). */
  | { readonly type: 'chain'; readonly left: JmespathNode; readonly right: JmespathNode }
  /** `left` must give a list; `right` runs per element, null results dropped. */
  | { readonly type: 'projection'; readonly left: JmespathNode; readonly right: JmespathNode }
  /** `left` must give an object; `right` runs per value (`*.a`). */
  | { readonly type: 'valueProjection'; readonly left: JmespathNode; readonly right: JmespathNode }
  | {
      readonly type: 'filterProjection';
      readonly left: JmespathNode;
      readonly condition: JmespathNode;
      readonly right: JmespathNode;
    }
  | { readonly type: 'flatten'; readonly child: JmespathNode }
  | {
      readonly type: 'comparator';
      readonly op: ComparatorOp;
      readonly left: JmespathNode;
      readonly right: JmespathNode;
    }
  | { readonly type: 'or' | 'and'; readonly left: JmespathNode; readonly right: JmespathNode }
  | { readonly type: 'not'; readonly child: JmespathNode }
  | { readonly type: 'function'; readonly name: string; readonly args: readonly JmespathNode[] }
  | { readonly type: 'expref'; readonly child: JmespathNode }
  | { readonly type: 'multiList'; readonly items: readonly JmespathNode[] }
  | {
      readonly type: 'multiHash';
      readonly entries: readonly { readonly key: string; readonly value: JmespathNode }[];
    };

/** How strongly each token binds to the expression on its left. */
const BINDING: Readonly<Partial<Record<TokenType, number>>> = {
  pipe: 1,
  or: 2,
  and: 3,
  eq: 5,
  ne: 5,
  lt: 5,
  lte: 5,
  gt: 5,
  gte: 5,
  flatten: 9,
  star: 20,
  filter: 21,
  dot: 40,
  not: 45,
  lbrace: 50,
  lbracket: 55,
  lparen: 60,
};

/** Tokens binding less than this end a projection's right-hand side. */
const PROJECTION_STOP = 10;

const CURRENT: JmespathNode = { type: 'current' };

const COMPARATORS: ReadonlySet<TokenType> = new Set(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']);

export function parseJmespath(expression: string): JmespathNode {
  const tokens = tokenize(expression);
  let position = 0;

  const peek = (ahead = 0): Token => tokens[Math.min(position + ahead, tokens.length - 1)]!;
  const bindingOf = (token: Token): number => BINDING[token.type] ?? 0;
  const fail = (token: Token, problem: string): never => {
    throw new JmespathSyntaxError(expression, token.start, problem);
  };
  const expect = (type: TokenType): Token => {
    const token = peek();
    if (token.type !== type) fail(token, `expected ${type}, found ${token.type}`);
    position++;
    return token;
  };

  function parse(rbp: number): JmespathNode {
    const token = peek();
    position++;
    let left = prefix(token);
    while (rbp < bindingOf(peek())) {
      const operator = peek();
      position++;
      left = infix(operator, left);
    }
    return left;
  }

  function prefix(token: Token): JmespathNode {
    switch (token.type) {
      case 'literal':
      case 'rawString':
        return { type: 'literal', value: token.value };
      case 'identifier':
        return { type: 'field', name: token.value as string };
      case 'quotedIdentifier':
        if (peek().type === 'lparen') fail(token, 'a quoted identifier cannot name a function');
        return { type: 'field', name: token.value as string };
      case 'not':
        return { type: 'not', child: parse(BINDING.not!) };
      case 'star':
        return {
          type: 'valueProjection',
          left: CURRENT,
          right: peek().type === 'rbracket' ? CURRENT : projectionRight(BINDING.star!),
        };
      case 'filter':
        return infix(token, CURRENT);
      case 'lbrace':
        return multiHash();
      case 'flatten':
        return {
          type: 'projection',
          left: { type: 'flatten', child: CURRENT },
          right: projectionRight(BINDING.flatten!),
        };
      case 'lbracket': {
        const next = peek();
        if (next.type === 'number' || next.type === 'colon') return indexOrSlice(CURRENT);
        if (next.type === 'star' && peek(1).type === 'rbracket') {
          position += 2;
          return { type: 'projection', left: CURRENT, right: projectionRight(BINDING.star!) };
        }
        return multiList();
      }
      case 'current':
        return CURRENT;
      case 'expref':
        return { type: 'expref', child: parse(0) };
      case 'lparen': {
        const inner = parse(0);
        expect('rparen');
        return inner;
      }
      default:
        return fail(token, `unexpected ${token.type}`);
    }
  }

  function infix(token: Token, left: JmespathNode): JmespathNode {
    switch (token.type) {
      case 'dot':
        if (peek().type === 'star') {
          position++;
          return { type: 'valueProjection', left, right: projectionRight(BINDING.star!) };
        }
        return { type: 'chain', left, right: dotRight(BINDING.dot!) };
      case 'pipe':
        return { type: 'chain', left, right: parse(BINDING.pipe!) };
      case 'or':
      case 'and':
        return { type: token.type, left, right: parse(BINDING[token.type]!) };
      case 'lparen': {
        if (left.type !== 'field') return fail(token, 'only a name can be called as a function');
        const args: JmespathNode[] = [];
        while (peek().type !== 'rparen') {
          args.push(parse(0));
          if (peek().type === 'comma') position++;
          else if (peek().type !== 'rparen') fail(peek(), 'expected , or ) in the argument list');
        }
        position++;
        return { type: 'function', name: left.name, args };
      }
      case 'filter': {
        const condition = parse(0);
        expect('rbracket');
        const right = peek().type === 'flatten' ? CURRENT : projectionRight(BINDING.filter!);
        return { type: 'filterProjection', left, condition, right };
      }
      case 'flatten':
        return {
          type: 'projection',
          left: { type: 'flatten', child: left },
          right: projectionRight(BINDING.flatten!),
        };
      case 'lbracket': {
        const next = peek();
        if (next.type === 'number' || next.type === 'colon') return indexOrSlice(left);
        expect('star');
        expect('rbracket');
        return { type: 'projection', left, right: projectionRight(BINDING.star!) };
      }
      default:
        if (COMPARATORS.has(token.type)) {
          return {
            type: 'comparator',
            op: token.type as ComparatorOp,
            left,
            right: parse(BINDING[token.type]!),
          };
        }
        return fail(token, `unexpected ${token.type}`);
    }
  }

  // After `[` when a number or colon follows: `[0]`, `[-1]`, `[1:2]`, `[::-1]`.
  function indexOrSlice(left: JmespathNode): JmespathNode {
    const parts: (number | null)[] = [null, null, null];
    let part = 0;
    let token = peek();
    while (token.type !== 'rbracket') {
      if (token.type === 'colon') {
        part++;
        if (part > 2) fail(token, 'too many colons in a slice');
      } else if (token.type === 'number') {
        parts[part] = token.value as number;
      } else {
        fail(token, `unexpected ${token.type} in an index or slice`);
      }
      position++;
      token = peek();
    }
    position++;
    if (part === 0) {
      if (parts[0] === null) fail(token, 'empty index');
      return { type: 'chain', left, right: { type: 'index', index: parts[0]! } };
    }
    const [start, stop, step] = parts;
    if (step === 0) fail(token, 'a slice step cannot be 0');
    return {
      type: 'projection',
      left: { type: 'chain', left, right: { type: 'slice', start: start!, stop: stop!, step: step! } },
      right: projectionRight(BINDING.star!),
    };
  }

  // The right-hand side of a projection: stops at anything binding less than PROJECTION_STOP.
  function projectionRight(rbp: number): JmespathNode {
    const next = peek();
    if (bindingOf(next) < PROJECTION_STOP) return CURRENT;
    if (next.type === 'lbracket' || next.type === 'filter') return parse(rbp);
    if (next.type === 'dot') {
      position++;
      return dotRight(rbp);
    }
    return fail(next, `unexpected ${next.type} after a projection`);
  }

  function dotRight(rbp: number): JmespathNode {
    const next = peek();
    if (next.type === 'identifier' || next.type === 'quotedIdentifier' || next.type === 'star') {
      return parse(rbp);
    }
    if (next.type === 'lbracket') {
      position++;
      return multiList();
    }
    if (next.type === 'lbrace') {
      position++;
      return multiHash();
    }
    return fail(next, `unexpected ${next.type} after .`);
  }

  function multiList(): JmespathNode {
    const items: JmespathNode[] = [];
    for (;;) {
      items.push(parse(0));
      const next = peek();
      position++;
      if (next.type === 'rbracket') break;
      if (next.type !== 'comma') fail(next, 'expected , or ] in a multi-select list');
    }
    return { type: 'multiList', items };
  }

  function multiHash(): JmespathNode {
    const entries: { key: string; value: JmespathNode }[] = [];
    for (;;) {
      const key = peek();
      if (key.type !== 'identifier' && key.type !== 'quotedIdentifier') {
        fail(key, 'expected a key name in a multi-select hash');
      }
      position++;
      expect('colon');
      entries.push({ key: key.value as string, value: parse(0) });
      const next = peek();
      position++;
      if (next.type === 'rbrace') break;
      if (next.type !== 'comma') fail(next, 'expected , or } in a multi-select hash');
    }
    return { type: 'multiHash', entries };
  }

  const tree = parse(0);
  if (peek().type !== 'eof') fail(peek(), `unexpected ${peek().type} after the expression`);
  return tree;
}
