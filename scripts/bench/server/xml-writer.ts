// A tiny indented XML writer for the benchmark's canned EC2 responses. It only writes: elements,
// escaped text and two-space indentation. Reading XML is the SDKs' job, not this file's.

/** A child value: text, a nested element list, or nothing (the element is left out). */
export type XmlValue = string | number | boolean | XmlNode[] | undefined;

/** One element: its name and its value. */
export type XmlNode = readonly [name: string, value: XmlValue];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

export function escapeXmlText(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ESCAPES[c] ?? c);
}

function writeNode(out: string[], node: XmlNode, depth: number): void {
  const [name, value] = node;
  if (value === undefined) return;
  const pad = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) {
      out.push(`${pad}<${name}/>`);
      return;
    }
    out.push(`${pad}<${name}>`);
    for (const child of value) writeNode(out, child, depth + 1);
    out.push(`${pad}</${name}>`);
    return;
  }
  out.push(`${pad}<${name}>${escapeXmlText(String(value))}</${name}>`);
}

/** A whole document: declaration, a root element in the EC2 namespace, children indented by two spaces. */
export function xmlDocument(root: string, namespace: string, children: readonly XmlNode[]): string {
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<${root} xmlns="${namespace}">`];
  for (const child of children) writeNode(out, child, 1);
  out.push(`</${root}>`);
  return out.join('\n') + '\n';
}

/** `<item>` wrappers for an EC2 list: one per entry. */
export function items<T>(entries: readonly T[], toNodes: (entry: T, index: number) => XmlNode[]): XmlNode[] {
  return entries.map((entry, index) => ['item', toNodes(entry, index)] as const);
}
