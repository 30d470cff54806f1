// Tokens of the Smithy IDL 2.0 (https://smithy.io/2.0/spec/idl.html), for the conformance import's
// IDL-to-JSON conversion: identifiers and shape ids, strings and text blocks, numbers, punctuation.
// Commas and comments (doc comments included: they are prose) are whitespace here.

export type Token =
  | { readonly kind: 'id'; readonly text: string; readonly line: number }
  | { readonly kind: 'string'; readonly text: string; readonly line: number }
  | { readonly kind: 'number'; readonly value: number; readonly line: number }
  | { readonly kind: 'punct'; readonly text: string; readonly line: number }
  | { readonly kind: 'eof'; readonly line: number };

const PUNCTUATION = new Set(['{', '}', '[', ']', '(', ')', ':', '=', '@', '$']);

export class IdlSyntaxError extends Error {
  override readonly name = 'IdlSyntaxError';
}

export function tokenize(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const fail = (message: string): never => {
    throw new IdlSyntaxError(`${file}:${line}: ${message}`);
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (c === '\n') {
      line++;
      i++;
    } else if (c === ' ' || c === '\t' || c === '\r' || c === ',') i++;
    else if (c === '/' && source[i + 1] === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '"') {
      const start = line;
      if (source.startsWith('"""', i)) {
        const end = source.indexOf('"""', i + 3);
        if (end < 0) fail('unterminated text block');
        const raw = source.slice(i + 3, end);
        line += raw.split('\n').length - 1;
        tokens.push({ kind: 'string', text: textBlock(raw, file, start), line: start });
        i = end + 3;
      } else {
        let j = i + 1;
        while (j < source.length && source[j] !== '"') j += source[j] === '\\' ? 2 : 1;
        if (j >= source.length) fail('unterminated string');
        const raw = source.slice(i + 1, j);
        line += raw.split('\n').length - 1;
        tokens.push({ kind: 'string', text: unescapeString(raw, file, start), line: start });
        i = j + 1;
      }
    } else if (c === ':' && source[i + 1] === '=') {
      tokens.push({ kind: 'punct', text: ':=', line });
      i += 2;
    } else if (PUNCTUATION.has(c)) {
      tokens.push({ kind: 'punct', text: c, line });
      i++;
    } else if (/[-0-9]/.test(c)) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(source.slice(i));
      if (match === null) return fail(`bad number at ${JSON.stringify(source.slice(i, i + 10))}`);
      tokens.push({ kind: 'number', value: Number(match[0]), line });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      // A shape id: namespace.parts#Name$member, or a plain identifier.
      const match = /^[A-Za-z_][A-Za-z0-9_.]*(#[A-Za-z_][A-Za-z0-9_]*)?(\$[A-Za-z_][A-Za-z0-9_]*)?/.exec(
        source.slice(i),
      ) as RegExpExecArray;
      tokens.push({ kind: 'id', text: match[0], line });
      i += match[0].length;
    } else fail(`unexpected character ${JSON.stringify(c)}`);
  }
  tokens.push({ kind: 'eof', line });
  return tokens;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

function unescapeString(raw: string, file: string, line: number): string {
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i] as string;
    if (c !== '\\') {
      out += c === '\r' ? '' : c;
      continue;
    }
    const next = raw[++i] as string;
    if (next === '\n') continue; // an escaped line ending joins the lines
    if (next === 'u') {
      out += String.fromCharCode(Number.parseInt(raw.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (ESCAPES[next] !== undefined) out += ESCAPES[next];
    else throw new IdlSyntaxError(`${file}:${line}: unknown escape \\${next}`);
  }
  return out;
}

/**
 * A text block's value: the line break after the opening quotes dropped, the indentation common to
 * its non-blank lines and its closing line removed, trailing spaces trimmed, then escapes applied.
 */
function textBlock(raw: string, file: string, line: number): string {
  const text = raw.replace(/\r\n/g, '\n');
  if (!text.startsWith('\n')) throw new IdlSyntaxError(`${file}:${line}: a text block starts on a new line`);
  const lines = text.slice(1).split('\n');
  const last = lines.length - 1;
  const indents = lines
    .filter((l, i) => i === last || l.trim() !== '')
    .map((l) => (/^[ \t]*/.exec(l) as RegExpExecArray)[0].length);
  const cut = Math.min(...indents);
  const body = lines.map((l) => l.slice(cut).replace(/[ \t]+$/, '')).join('\n');
  return unescapeString(body, file, line);
}
