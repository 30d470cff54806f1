// Writes EC2-style XML from plain objects: element names are object keys, arrays become `<item>` lists.
// Owns escaping (text that is not valid XML 1.0 is replaced, never emitted); knows nothing of EC2 shapes.

/** A value the writer can render. `undefined` and `null` members are left out. */
export type XmlValue = string | number | boolean | Date | XmlObject | readonly XmlValue[] | undefined | null;

/** Element name -> value, rendered in insertion order. */
export interface XmlObject {
  readonly [element: string]: XmlValue;
}

// Characters XML 1.0 forbids even as references (C0 controls except tab, LF, CR; U+FFFE/FFFF) and
// lone surrogates: they become U+FFFD so a client's parser never sees an ill-formed document.
const FORBIDDEN =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 forbids these characters; finding them is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const SPECIAL = /[&<>"'\r]/g;
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // A raw CR would be normalized to LF by every XML parser; the reference keeps it.
  '\r': '&#xD;',
};

// biome-ignore lint/suspicious/noControlCharactersInRegex: a fast check for text that needs escaping
const NEEDS_WORK = /[&<>"'\r\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Escapes text for element content or attribute values. */
export function escapeXml(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return text.replace(FORBIDDEN, '\uFFFD').replace(SPECIAL, (c) => ENTITIES[c] ?? c);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const checkedNames = new Set<string>();

function checkName(name: string): void {
  if (checkedNames.has(name)) return;
  if (!NAME.test(name)) throw new RangeError(`not an XML element name: ${JSON.stringify(name)}`);
  if (checkedNames.size < 10_000) checkedNames.add(name);
}

function scalarText(value: string | number | boolean | Date): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`cannot write the number ${value} as XML text`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return escapeXml(value);
}

/** Accumulates the document text (string concatenation is V8's fastest builder for this). */
interface Out {
  text: string;
}

function writeElement(name: string, value: XmlValue, out: Out): void {
  if (value === undefined || value === null) return;
  checkName(name);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.text += `<${name}/>`;
      return;
    }
    out.text += `<${name}>`;
    for (const item of value as readonly XmlValue[]) writeElement('item', item, out);
    out.text += `</${name}>`;
    return;
  }
  if (typeof value === 'object' && !(value instanceof Date)) {
    out.text += `<${name}>`;
    writeMembers(value as XmlObject, out);
    out.text += `</${name}>`;
    return;
  }
  out.text += `<${name}>${scalarText(value as string | number | boolean | Date)}</${name}>`;
}

function writeMembers(object: XmlObject, out: Out): void {
  for (const name in object) writeElement(name, object[name], out);
}

/** Renders `members` as the children of `<root xmlns="namespace">`, with the XML declaration. */
export function xmlDocument(root: string, members: XmlObject, namespace?: string): string {
  const out: Out = { text: '<?xml version="1.0" encoding="UTF-8"?>\n' };
  out.text += namespace === undefined ? `<${root}>` : `<${root} xmlns="${escapeXml(namespace)}">`;
  writeMembers(members, out);
  out.text += `</${root}>`;
  return out.text;
}
