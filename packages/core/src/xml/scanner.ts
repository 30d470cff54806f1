// A pull scanner over one XML document held in a string: start tags, end tags, character data, and
// everything to skip (comments, processing instructions, unknown elements). It checks well-formedness as
// it goes (names, quotes, matching end tags, references) and builds nothing: the schema-guided decoder
// drives it and writes values straight into the output. DOCTYPE and entity declarations are refused.

import { isAscii } from 'node:buffer';
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

/**
 * A body's bytes as text (UTF-8; invalid sequences become U+FFFD). AWS responses are nearly always pure
 * ASCII, which a quick check finds and latin1 then decodes at about twice the speed of UTF-8 (same
 * result for ASCII); both are faster than TextDecoder on Node.
 */
export function utf8Text(body: Uint8Array): string {
  const buffer = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return isAscii(buffer) ? buffer.toString('latin1') : buffer.toString('utf8');
}

/** How many characters of the body an XmlParseError keeps for diagnosis. */
export const BODY_START_CHARS = 256;

export class XmlScanner {
  readonly src: string;
  pos: number;
  /**
   * Last start tag read, as positions in `src` (no string is made unless asked for): the name as written
   * is [nameStart, nameEnd), its local part (prefix removed) [localStart, nameEnd).
   */
  nameStart = 0;
  nameEnd = 0;
  localStart = 0;
  attrStart = 0;
  attrEnd = 0;
  selfClosing = false;
  /** Set by readPlainText: where the element's text is in `src`. */
  textStart = 0;
  textEnd = 0;
  /** Set by the decoder as soon as it sees the request id, so later errors can carry it. */
  requestId: string | undefined = undefined;
  /**
   * Scratch room for the items of the lists being read (nested lists stack up): each list is copied out
   * at its end into an array of exactly its length, instead of keeping the 17-slot backing store that
   * pushing into an empty array grows, which for a list of one or two items triples its memory.
   */
  readonly items: unknown[] = [];
  itemsTop = 0;
  /** What is being decoded, for error messages (`DescribeInstances response`). */
  context: string;

  /**
   * Positions of the next `&` and CR at or after some earlier point (src.length when none): text between
   * two tags needs decoding only when one of them falls inside it, which is rare, so most text is
   * checked with two comparisons instead of a scan.
   */
  private nextAmp = -1;
  private nextCr = -1;

  constructor(src: string, context: string, pos = 0) {
    this.src = src;
    this.pos = pos;
    this.context = context;
  }

  /** Does src[from, to) hold a `&` or a CR? (Calls come with increasing `from`.) */
  needsDecoding(from: number, to: number): boolean {
    if (this.nextAmp < from) {
      const i = this.src.indexOf('&', from);
      this.nextAmp = i < 0 ? this.src.length : i;
    }
    if (this.nextCr < from) {
      const i = this.src.indexOf('\r', from);
      this.nextCr = i < 0 ? this.src.length : i;
    }
    return this.nextAmp < to || this.nextCr < to;
  }

  /** The last start tag's name as written (`ec2:item`). */
  get qname(): string {
    return this.src.slice(this.nameStart, this.nameEnd);
  }

  /** The last start tag's local name (`item`). */
  get local(): string {
    return this.src.slice(this.localStart, this.nameEnd);
  }

  /** Is the last start tag's local name `name`? */
  isNamed(name: string): boolean {
    return this.nameEnd - this.localStart === name.length && this.src.startsWith(name, this.localStart);
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
   * Inside an element whose start tag's name is at [parentStart, parentEnd): skips character data,
   * comments and processing instructions up to the next child start tag (returns true, tag fields set)
   * or the parent's end tag (returns false, consumed).
   */
  nextChild(parentStart: number, parentEnd: number): boolean {
    const lt = this.nextTag(parentStart, parentEnd);
    if (this.src.charCodeAt(lt + 1) === SLASH) {
      this.readEndTag(parentStart, parentEnd, lt);
      return false;
    }
    this.readStartTag();
    return true;
  }

  /**
   * Inside the element whose start tag's name is at [parentStart, parentEnd): skips character data,
   * comments and processing instructions up to the next start or end tag, and returns where its `<` is
   * (also left in `pos`), without reading the tag.
   */
  nextTag(parentStart: number, parentEnd: number): number {
    const src = this.src;
    let pos = this.pos;
    for (;;) {
      const lt = src.indexOf('<', pos);
      if (lt < 0) this.failEnd(parentStart, parentEnd);
      if (lt > pos) this.checkSkippedText(pos, lt);
      const next = src.charCodeAt(lt + 1);
      if (next === BANG) pos = this.skipBang(lt);
      else if (next === QUESTION) pos = this.skipPI(lt, false);
      else {
        this.pos = lt;
        return lt;
      }
    }
  }

  /**
   * The common start tag, recognised by the name the decoder expects: when the tag at `lt` is exactly
   * `<name>` or `<name/>` (no prefix, no attributes), reads it as readStartTag would and returns true.
   * Otherwise reads nothing and returns false (readStartTag then handles whatever the tag holds).
   * `name` must be a well-formed XML name without a prefix.
   */
  startTagNamed(lt: number, name: string): boolean {
    const src = this.src;
    if (!src.startsWith(name, lt + 1)) return false;
    const end = lt + 1 + name.length;
    const c = src.charCodeAt(end);
    if (c === GT) this.selfClosing = false;
    else if (c === SLASH && src.charCodeAt(end + 1) === GT) this.selfClosing = true;
    else return false;
    this.nameStart = lt + 1;
    this.localStart = lt + 1;
    this.nameEnd = end;
    this.attrStart = end;
    this.attrEnd = end;
    this.pos = this.selfClosing ? end + 2 : end + 1;
    return true;
  }

  /**
   * Reads the end tag at `lt` of the element whose start tag's name is at [parentStart, parentEnd);
   * `name` is that name as a string when the caller has it (quicker to compare), else undefined.
   */
  endTag(lt: number, name: string | undefined, parentStart: number, parentEnd: number): void {
    const src = this.src;
    if (name !== undefined && src.startsWith(name, lt + 2) && src.charCodeAt(lt + 2 + name.length) === GT)
      this.pos = lt + 3 + name.length;
    else this.readEndTag(parentStart, parentEnd, lt);
  }

  /**
   * The text content of the element whose start tag was just read, through its end tag: character data
   * and CDATA sections joined, references decoded; child elements (mixed content) are skipped.
   */
  readText(): string {
    if (this.selfClosing) return '';
    const src = this.src;
    const parentStart = this.nameStart;
    const parentEnd = this.nameEnd;
    let pos = this.pos;
    let lt = src.indexOf('<', pos);
    if (lt < 0) this.failEnd(parentStart, parentEnd);
    // Fast path: plain text directly followed by the end tag.
    if (src.charCodeAt(lt + 1) === SLASH) {
      const decode = this.needsDecoding(pos, lt);
      this.readEndTag(parentStart, parentEnd, lt);
      const raw = src.slice(pos, lt);
      return decode ? this.decode(raw, pos) : raw;
    }
    let text = '';
    for (;;) {
      if (lt > pos) text += this.decode(src.slice(pos, lt), pos);
      const next = src.charCodeAt(lt + 1);
      if (next === SLASH) {
        this.readEndTag(parentStart, parentEnd, lt);
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
      if (lt < 0) this.failEnd(parentStart, parentEnd);
    }
  }

  /**
   * For the element whose start tag was just read: when its content is plain text (no markup, entity
   * or CR) right up to its end tag, consumes it, sets textStart/textEnd and returns true, so a scalar can
   * be read in place without making a string. Otherwise consumes nothing and returns false (use readText).
   */
  readPlainText(): boolean {
    if (this.selfClosing) return false;
    const src = this.src;
    const pos = this.pos;
    const lt = src.indexOf('<', pos);
    if (lt < 0 || src.charCodeAt(lt + 1) !== SLASH || this.needsDecoding(pos, lt)) return false;
    this.readEndTag(this.nameStart, this.nameEnd, lt);
    this.textStart = pos;
    this.textEnd = lt;
    return true;
  }

  /** Skips the content and end tag of the element whose start tag was just read (an unknown element). */
  skipContent(): void {
    if (this.selfClosing) return;
    const stack = [this.nameStart, this.nameEnd];
    while (stack.length > 0) {
      const n = stack.length;
      if (!this.nextChild(stack[n - 2] as number, stack[n - 1] as number)) stack.length = n - 2;
      else if (!this.selfClosing) stack.push(this.nameStart, this.nameEnd);
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
    this.nameStart = start + 1;
    this.nameEnd = pos;
    this.localStart = start + 1;
    if (colon >= 0) {
      if (colon === pos - 1) this.fail(`element name "${this.qname}" has an empty local part`, colon);
      if (colon - start - 1 === 5 && src.startsWith('xmlns', start + 1))
        this.fail(`"${this.qname}" is not an element name`, start);
      this.localStart = colon + 1;
    }
    this.attrStart = pos;
    if (c === GT) {
      this.attrEnd = pos;
      this.selfClosing = false;
      this.pos = pos + 1;
      return;
    }
    if (c === SLASH) {
      if (src.charCodeAt(pos + 1) !== GT) this.fail(`expected ">" after "/" in <${this.qname}>`, pos + 1);
      this.attrEnd = pos;
      this.selfClosing = true;
      this.pos = pos + 2;
      return;
    }
    if (!isXmlWhitespace(c)) {
      if (pos >= src.length) this.fail(`the document ends inside the start tag <${this.qname}>`, pos);
      this.fail(`unexpected character in the start tag <${this.qname}>`, pos);
    }
    this.scanAttributes(pos, this.qname);
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
      if (src.slice(pos + 1, end).indexOf('&') >= 0) this.decode(src.slice(pos + 1, end), pos + 1);
      pos = end + 1;
    }
  }

  /** Reads the end tag at `lt` of the element named [parentStart, parentEnd) (whitespace allowed before `>`). */
  readEndTag(parentStart: number, parentEnd: number, lt: number): void {
    const src = this.src;
    const length = parentEnd - parentStart;
    let pos = lt + 2;
    for (let i = 0; i < length; i++)
      if (src.charCodeAt(pos + i) !== src.charCodeAt(parentStart + i))
        this.failEndTag(parentStart, parentEnd, lt);
    pos += length;
    let c = src.charCodeAt(pos);
    while (isXmlWhitespace(c)) c = src.charCodeAt(++pos);
    if (c !== GT) this.failEndTag(parentStart, parentEnd, lt);
    this.pos = pos + 1;
  }

  private failEndTag(parentStart: number, parentEnd: number, lt: number): never {
    const src = this.src;
    const parent = src.slice(parentStart, parentEnd);
    if (lt + 2 + parent.length >= src.length) this.fail(`the document ends inside </${parent}>`, lt);
    let end = lt + 2;
    while (isNameChar(src.charCodeAt(end))) end++;
    this.fail(`expected </${parent}> but found </${src.slice(lt + 2, Math.min(end, lt + 60))}`, lt);
  }

  private failEnd(parentStart: number, parentEnd: number): never {
    this.fail(`the document ends inside <${this.src.slice(parentStart, parentEnd)}>`, this.src.length);
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

  /**
   * A processing instruction at `lt`, ending at the first `?>`. The XML declaration (`<?xml ...?>`) is
   * allowed only at the start. Quotes in the instruction must be balanced (the XML declaration's values
   * are quoted, and a stray quote means a damaged document).
   */
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
    let quote = 0;
    for (let i = pos; i < end; i++) {
      const c = src.charCodeAt(i);
      if (c === DQUOTE || c === SQUOTE) quote = quote === 0 ? c : quote === c ? 0 : quote;
    }
    if (quote !== 0) this.fail('unbalanced quotes in a processing instruction', lt);
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
    if (this.nextAmp >= to && this.nextAmp >= from) return;
    if (this.needsDecoding(from, to) && this.nextAmp < to) this.decode(this.src.slice(from, to), from);
  }

  private decode(raw: string, at: number): string {
    return decodeCharacterData(raw, (message) => this.fail(message, at));
  }
}
