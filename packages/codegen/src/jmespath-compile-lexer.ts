// Splits a JMESPath expression into tokens, for the generation-time JMESPath compiler.
// Follows the JMESPath specification's grammar (the one botocore implements); nothing here runs in the SDK.

export type TokenType =
  | 'identifier'
  | 'quotedIdentifier'
  | 'rawString'
  | 'literal'
  | 'number'
  | 'dot'
  | 'star'
  | 'flatten'
  | 'filter'
  | 'lbracket'
  | 'rbracket'
  | 'lbrace'
  | 'rbrace'
  | 'lparen'
  | 'rparen'
  | 'comma'
  | 'colon'
  | 'pipe'
  | 'or'
  | 'and'
  | 'not'
  | 'expref'
  | 'current'
  | 'eq'
  | 'ne'
  | 'lt'
  | 'lte'
  | 'gt'
  | 'gte'
  | 'eof';

export interface Token {
  readonly type: TokenType;
  /** The identifier's name, the number, the string, or the literal's parsed JSON value. */
  readonly value?: unknown;
  /** Offset of the token's first character in the expression. */
  readonly start: number;
}

/** A syntax error in a JMESPath expression, with the offset where it was found. */
export class JmespathSyntaxError extends Error {
  override readonly name = 'JmespathSyntaxError';
  constructor(expression: string, offset: number, problem: string) {
    super(`JMESPath syntax error at ${offset} in ${JSON.stringify(expression)}: ${problem}`);
  }
}

const SINGLE: Readonly<Record<string, TokenType>> = {
  '.': 'dot',
  '*': 'star',
  ']': 'rbracket',
  '{': 'lbrace',
  '}': 'rbrace',
  '(': 'lparen',
  ')': 'rparen',
  ',': 'comma',
  ':': 'colon',
  '@': 'current',
};

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
const DIGIT = /[0-9]/;

export function tokenize(expression: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (offset: number, problem: string): never => {
    throw new JmespathSyntaxError(expression, offset, problem);
  };
  // Reads a delimited string starting at `i` (the opening delimiter); returns its raw body.
  const delimited = (delimiter: string): string => {
    const start = i;
    i++;
    let body = '';
    while (i < expression.length && expression[i] !== delimiter) {
      if (expression[i] === '\\' && i + 1 < expression.length) {
        body += expression[i]! + expression[i + 1]!;
        i += 2;
      } else {
        body += expression[i]!;
        i++;
      }
    }
    if (i >= expression.length) fail(start, `unterminated ${delimiter}...${delimiter}`);
    i++;
    return body;
  };

  while (i < expression.length) {
    const c = expression[i]!;
    const start = i;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (IDENTIFIER_START.test(c)) {
      while (i < expression.length && IDENTIFIER_PART.test(expression[i]!)) i++;
      tokens.push({ type: 'identifier', value: expression.slice(start, i), start });
    } else if (c in SINGLE) {
      tokens.push({ type: SINGLE[c]!, start });
      i++;
    } else if (DIGIT.test(c) || (c === '-' && DIGIT.test(expression[i + 1] ?? ''))) {
      i++;
      while (i < expression.length && DIGIT.test(expression[i]!)) i++;
      tokens.push({ type: 'number', value: Number.parseInt(expression.slice(start, i), 10), start });
    } else if (c === '[') {
      const next = expression[i + 1];
      if (next === ']') {
        tokens.push({ type: 'flatten', start });
        i += 2;
      } else if (next === '?') {
        tokens.push({ type: 'filter', start });
        i += 2;
      } else {
        tokens.push({ type: 'lbracket', start });
        i++;
      }
    } else if (c === '"') {
      const body = delimited('"');
      let name: unknown;
      try {
        name = JSON.parse(`"${body}"`);
      } catch {
        fail(start, 'invalid quoted identifier');
      }
      tokens.push({ type: 'quotedIdentifier', value: name, start });
    } else if (c === "'") {
      // Raw strings: only \' is an escape; every other backslash is kept.
      const body = delimited("'").replace(/\\'/g, "'");
      tokens.push({ type: 'rawString', value: body, start });
    } else if (c === '`') {
      const body = delimited('`').replace(/\\`/g, '`');
      let value: unknown;
      try {
        value = JSON.parse(body);
      } catch {
        fail(start, `invalid JSON literal ${JSON.stringify(body)}`);
      }
      tokens.push({ type: 'literal', value, start });
    } else if (c === '|') {
      const double = expression[i + 1] === '|';
      tokens.push({ type: double ? 'or' : 'pipe', start });
      i += double ? 2 : 1;
    } else if (c === '&') {
      const double = expression[i + 1] === '&';
      tokens.push({ type: double ? 'and' : 'expref', start });
      i += double ? 2 : 1;
    } else if (c === '!') {
      const ne = expression[i + 1] === '=';
      tokens.push({ type: ne ? 'ne' : 'not', start });
      i += ne ? 2 : 1;
    } else if (c === '=') {
      if (expression[i + 1] !== '=') fail(start, 'expected == ');
      tokens.push({ type: 'eq', start });
      i += 2;
    } else if (c === '<' || c === '>') {
      const orEqual = expression[i + 1] === '=';
      const type: TokenType = c === '<' ? (orEqual ? 'lte' : 'lt') : orEqual ? 'gte' : 'gt';
      tokens.push({ type, start });
      i += orEqual ? 2 : 1;
    } else {
      fail(start, `unexpected character ${JSON.stringify(c)}`);
    }
  }
  tokens.push({ type: 'eof', start: expression.length });
  return tokens;
}
