// A pull scanner over one XML document held in a string: start tags, end tags, character data, and
// everything to skip (comments, processing instructions, unknown elements). It checks well-formedness as
// it goes (names, quotes, matching end tags, references) and builds nothing: the schema-guided decoder
// drives it and writes values straight into the output. DOCTYPE and entity declarations are refused.

import { XmlParseError } from '../errors/errors.js';
import { decodeCharacterData } from './entities.js';
import { isNameChar, isNameStartChar, isXmlWhitespace } from './names.js';

const LT = 60;
const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const COLON = 58;
const EQUALS = 61;
const DQUOTE = 34;
const SQUOTE = 39;
const AMP = 38;

/** How many characters of the body an XmlParseError keeps for diagnosis. */
export const BODY_START_CHARS = 256;

export class XmlScanner {
  readonly src: string;
  pos: number;
  /** Last start tag read: local name (prefix removed), name as written, attribute region, `/>`. */
  local = '';
  qname = '';
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  /** Set by the decoder as soon as it sees the request id, so later errors can carry it. */
  requestId: string | undefined = undefined;
  /** What is being decoded, for error messages (`DescribeInstances response`). */
  context: string;

  constructor(src: string, context: string, pos = 0) {
    this.src = src;
    this.pos = pos;
    this.context = context;
  }

  fail(message: string, at: number = this.pos): never {
    throw new XmlParseError(
      `Could not decode the ${this.context}: ${message} (at character ${at} of ${this.src.length}). ` +
        'The body is not the XML the service sends; if it was cut short, retrying the call usually helps.',
      { requestId: this.requestId, bodyStart: this.src.slice(0, BODY_START_CHARS) },
    );
  }

  /**
   * Skips the prolog (BOM, XML declaration, comments, processing instructions, whitespace) and reads the
   * root start tag. Returns false for an empty document (nothing but whitespace).
   */
  readRoot(): boolean {
    const src = this.src;
    let pos = this.pos;
    if (src.charCodeAt(pos) === 0xfeff) pos++;
    let blank = pos;
    while (isXmlWhitespace(src.charCodeAt(blank))) blank++;
    if (blank >= src.length) {
      this.pos = blank;
      return false;
    }
    if (src.startsWith('<?xml', pos) && !isNameChar(src.charCodeAt(pos + 5))) pos = this.skipPI(pos, true);
    for (;;) {
      while (isXmlWhitespace(src.charCodeAt(pos))) pos++;
      if (pos >= src.length) this.fail('the document has no root element', pos);
      if (src.charCodeAt(pos) !== LT) this.fail('text before the root element', pos);
      const next = src.charCodeAt(pos + 1);
      if (next === BANG) {
        if (!src.startsWith('<!--', pos)) this.failDeclaration(pos);
        pos = this.skipComment(pos);
      } else if (next === QUESTION) {
        pos = this.skipPI(pos, false);
      } else {
        this.pos = pos;
        this.readStartTag();
        return true;
      }
    }
  }

  /** After the root's end tag: only whitespace, comments and processing instructions may follow. */
  readEnd(): void {
    const src = this.src;
    let pos = this.pos;
    for (;;) {
      while (isXmlWhitespace(src.charCodeAt(pos))) pos++;
      if (pos >= src.length) return;
      if (src.startsWith('<!--', pos)) pos = this.skipComment(pos);
      else if (src.startsWith('<?', pos)) pos = this.skipPI(pos, false);
      else this.fail('content after the root element', pos);
    }
  }

  /**
   * Inside an element whose start tag was `parent`: skips character data, comments and processing
   * instructions up to the next child start tag (returns true, tag fields set) or the parent's end tag
   * (returns false, consumed).
   */
  nextChild(parent: string): boolean {
    const src = this.src;
    let pos = this.pos;
    for (;;) {
      const lt = src.indexOf('<', pos);
      if (lt < 0) this.fail(`the document ends inside <${parent}>`, src.length);
      if (lt > pos) this.checkSkippedText(pos, lt);
      const next = src.charCodeAt(lt + 1);
      if (next === SLASH) {
        this.readEndTag(parent, lt);
        return false;
      }
      if (next === BANG) pos = this.skipBang(lt);
      else if (next === QUESTION) pos = this.skipPI(lt, false);
      else {
        this.pos = lt;
        this.readStartTag();
        return true;
      }
    }
  }

  /**
   * The text content of the element whose start tag `parent` was just read: character data and CDATA
   * sections joined, references decoded; child elements (mixed content) are skipped.
   */
  readText(parent: string): string {
    if (this.selfClosing) return '';
    const src = this.src;
    let pos = this.pos;
    let lt = src.indexOf('<', pos);
    if (lt < 0) this.fail(`the document ends inside <${parent}>`, src.length);
    // Fast path: plain text directly followed by the end tag.
    if (src.charCodeAt(lt + 1) === SLASH) {
      const raw = src.slice(pos, lt);
      this.readEndTag(parent, lt);
      return raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 ? raw : this.decode(raw, pos);
    }
    let text = '';
    for (;;) {
      if (lt > pos) text += this.decode(src.slice(pos, lt), pos);
      const next = src.charCodeAt(lt + 1);
      if (next === SLASH) {
        this.readEndTag(parent, lt);
        return text;
      }
      if (next === BANG && src.startsWith('<![CDATA[', lt)) {
        const end = src.indexOf(']]>', lt + 9);
        if (end < 0) this.fail('unterminated CDATA section', lt);
        const raw = src.slice(lt + 9, end);
        text += raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
        pos = end + 3;
      } else if (next === BANG) pos = this.skipBang(lt);
      else if (next === QUESTION) pos = this.skipPI(lt, false);
      else {
        this.pos = lt;
        this.readStartTag();
        this.skipContent();
        pos = this.pos;
      }
      lt = src.indexOf('<', pos);
      if (lt < 0) this.fail(`the document ends inside <${parent}>`, src.length);
    }
  }

  /** Skips the content and end tag of the element whose start tag was just read (an unknown element). */
  skipContent(): void {
    if (this.selfClosing) return;
    const stack = [this.qname];
    while (stack.length > 0) {
      if (!this.nextChild(stack[stack.length - 1] as string)) stack.pop();
      else if (!this.selfClosing) stack.push(this.qname);
    }
  }

  /** Reads the start tag at `this.pos` (which holds `<`), checking its name and attributes. */
  readStartTag(): void {
    const src = this.src;
    const start = this.pos;
    let pos = start + 1;
    let c = src.charCodeAt(pos);
    if (!isNameStartChar(c) || c === COLON) this.fail('expected an element name after "<"', pos);
    let colon = -1;
    for (pos++; ; pos++) {
      c = src.charCodeAt(pos);
      if (c === COLON) {
        if (colon >= 0) this.fail('an element name has more than one ":"', pos);
        colon = pos;
      } else if (!isNameChar(c)) break;
    }
    const qname = src.slice(start + 1, pos);
    if (colon >= 0) {
      if (colon === pos - 1) this.fail(`element name "${qname}" has an empty local part`, colon);
      if (qname.startsWith('xmlns:')) this.fail(`"${qname}" is not an element name`, start);
      this.local = src.slice(colon + 1, pos);
    } else this.local = qname;
    this.qname = qname;
    this.attrStart = pos;
    if (c === GT) {
      this.attrEnd = pos;
      this.selfClosing = false;
      this.pos = pos + 1;
      return;
    }
    if (c === SLASH) {
      if (src.charCodeAt(pos + 1) !== GT) this.fail(`expected ">" after "/" in <${qname}>`, pos + 1);
      this.attrEnd = pos;
      this.selfClosing = true;
      this.pos = pos + 2;
      return;
    }
    if (!isXmlWhitespace(c)) {
      if (pos >= src.length) this.fail(`the document ends inside the start tag <${qname}>`, pos);
      this.fail(`unexpected character in the start tag <${qname}>`, pos);
    }
    this.scanAttributes(pos, qname);
  }

  /**
   * Attributes of the current start tag as [local name, decoded value] pairs, namespace declarations
   * left out. Only called for elements whose schema reads attributes.
   */
  readAttributes(): [string, string][] {
    const result: [string, string][] = [];
    const src = this.src;
    let pos = this.attrStart;
    while (pos < this.attrEnd) {
      while (isXmlWhitespace(src.charCodeAt(pos))) pos++;
      if (pos >= this.attrEnd) break;
      const nameStart = pos;
      while (isNameChar(src.charCodeAt(pos))) pos++;
      const qname = src.slice(nameStart, pos);
      while (src.charCodeAt(pos) !== DQUOTE && src.charCodeAt(pos) !== SQUOTE) pos++;
      const quote = src.charCodeAt(pos) === DQUOTE ? '"' : "'";
      const end = src.indexOf(quote, pos + 1);
      const value = this.decode(src.slice(pos + 1, end), pos + 1);
      pos = end + 1;
      if (qname === 'xmlns' || qname.startsWith('xmlns:')) continue;
      const colon = qname.indexOf(':');
      result.push([colon < 0 ? qname : qname.slice(colon + 1), value]);
    }
    return result;
  }

  private scanAttributes(from: number, tag: string): void {
    const src = this.src;
    let pos = from;
    let seen: string[] | undefined;
    for (;;) {
      const wsStart = pos;
      while (isXmlWhitespace(src.charCodeAt(pos))) pos++;
      let c = src.charCodeAt(pos);
      if (c === GT || c === SLASH) {
        this.attrEnd = pos;
        if (c === SLASH && src.charCodeAt(pos + 1) !== GT)
          this.fail(`expected ">" after "/" in <${tag}>`, pos);
        this.selfClosing = c === SLASH;
        this.pos = c === SLASH ? pos + 2 : pos + 1;
        return;
      }
      if (pos === wsStart) this.fail(`attributes of <${tag}> must be separated by whitespace`, pos);
      if (!isNameStartChar(c) || c === COLON) {
        if (pos >= src.length) this.fail(`the document ends inside the start tag <${tag}>`, pos);
        this.fail(`expected an attribute name in <${tag}>`, pos);
      }
      const nameStart = pos;
      let colon = -1;
      for (pos++; ; pos++) {
        c = src.charCodeAt(pos);
        if (c === COLON) {
          if (colon >= 0) this.fail(`an attribute name in <${tag}> has more than one ":"`, pos);
          colon = pos;
        } else if (!isNameChar(c)) break;
      }
      if (colon === pos - 1) this.fail(`an attribute name in <${tag}> has an empty local part`, pos);
      const name = src.slice(nameStart, pos);
      if (seen === undefined) seen = [name];
      else if (seen.includes(name)) this.fail(`attribute "${name}" is repeated in <${tag}>`, nameStart);
      else seen.push(name);
      while (isXmlWhitespace(src.charCodeAt(pos))) pos++;
      if (src.charCodeAt(pos) !== EQUALS) this.fail(`attribute "${name}" in <${tag}> has no value`, pos);
      pos++;
      while (isXmlWhitespace(src.charCodeAt(pos))) pos++;
      c = src.charCodeAt(pos);
      if (c !== DQUOTE && c !== SQUOTE) this.fail(`the value of attribute "${name}" must be quoted`, pos);
      const end = src.indexOf(c === DQUOTE ? '"' : "'", pos + 1);
      if (end < 0) this.fail(`the value of attribute "${name}" in <${tag}> is not closed`, pos);
      const lt = src.indexOf('<', pos + 1);
      if (lt >= 0 && lt < end) this.fail(`"<" in the value of attribute "${name}"`, lt);
      this.checkSkippedText(pos + 1, end);
      pos = end + 1;
    }
  }

  /** Reads `</parent>` at `lt` (whitespace allowed before `>`). */
  private readEndTag(parent: string, lt: number): void {
    const src = this.src;
    let pos = lt + 2;
    if (!src.startsWith(parent, pos)) this.failEndTag(parent, lt);
    pos += parent.length;
    let c = src.charCodeAt(pos);
    while (isXmlWhitespace(c)) c = src.charCodeAt(++pos);
    if (c !== GT) this.failEndTag(parent, lt);
    this.pos = pos + 1;
  }

  private failEndTag(parent: string, lt: number): never {
    const src = this.src;
    if (lt + 2 + parent.length >= src.length) this.fail(`the document ends inside </${parent}>`, lt);
    let end = lt + 2;
    while (isNameChar(src.charCodeAt(end))) end++;
    this.fail(`expected </${parent}> but found </${src.slice(lt + 2, Math.min(end, lt + 60))}`, lt);
  }

  /** `<!` at `lt`: a comment or a CDATA section to skip. Anything else (DOCTYPE, ENTITY) is refused. */
  private skipBang(lt: number): number {
    const src = this.src;
    if (src.startsWith('<!--', lt)) return this.skipComment(lt);
    if (src.startsWith('<![CDATA[', lt)) {
      const end = src.indexOf(']]>', lt + 9);
      if (end < 0) this.fail('unterminated CDATA section', lt);
      return end + 3;
    }
    this.failDeclaration(lt);
  }

  private skipComment(lt: number): number {
    const end = this.src.indexOf('-->', lt + 4);
    if (end < 0) this.fail('unterminated comment', lt);
    return end + 3;
  }

  /** A processing instruction at `lt`. The XML declaration (`<?xml ...?>`) is allowed only at the start. */
  private skipPI(lt: number, declaration: boolean): number {
    const src = this.src;
    let pos = lt + 2;
    if (!isNameStartChar(src.charCodeAt(pos))) this.fail('expected a processing instruction target', pos);
    while (isNameChar(src.charCodeAt(pos))) pos++;
    const target = src.slice(lt + 2, pos);
    if (!declaration && target.toLowerCase() === 'xml')
      this.fail('the XML declaration is allowed only at the start of the document', lt);
    const end = src.indexOf('?>', pos);
    if (end < 0) this.fail('unterminated processing instruction', lt);
    if (end > pos && !isXmlWhitespace(src.charCodeAt(pos)))
      this.fail('unexpected character in a processing instruction', pos);
    return end + 2;
  }

  private failDeclaration(lt: number): never {
    const what = this.src.startsWith('<!DOCTYPE', lt)
      ? 'a DOCTYPE'
      : this.src.startsWith('<!ENTITY', lt)
        ? 'an entity declaration'
        : 'a markup declaration';
    this.fail(`${what} is not allowed in a response (nothing is fetched or expanded)`, lt);
  }

  /** Character data that is not kept (whitespace between elements, mixed content) is still checked. */
  private checkSkippedText(from: number, to: number): void {
    const src = this.src;
    for (let i = from; i < to; i++) {
      if (src.charCodeAt(i) === AMP) {
        this.decode(src.slice(from, to), from);
        return;
      }
    }
  }

  private decode(raw: string, at: number): string {
    return decodeCharacterData(raw, (message) => this.fail(message, at));
  }
}
