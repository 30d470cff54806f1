// Character data decoding: the five predefined XML entities, numeric character references, and
// line-end normalization (CR LF and lone CR become LF). Nothing else: no DTD, so no other entity exists,
// and any other `&name;` is an error rather than something to look up or fetch.

const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** The XML 1.0 `Char` production: which code points a character reference may produce. */
function isXmlChar(cp: number): boolean {
  return (
    cp === 0x9 ||
    cp === 0xa ||
    cp === 0xd ||
    (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) ||
    (cp >= 0x10000 && cp <= 0x10ffff)
  );
}

const DECIMAL = /^#[0-9]+$/;
const HEX = /^#x[0-9A-Fa-f]+$/;

/**
 * Decodes raw character data from a document: normalizes line ends, then replaces entity and character
 * references. `fail` is called (and must throw) for a malformed or unknown reference.
 */
export function decodeCharacterData(raw: string, fail: (message: string) => never): string {
  let text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  let amp = text.indexOf('&');
  if (amp < 0) return text;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const semi = text.indexOf(';', amp + 1);
    if (semi < 0) fail(`'&' must start an entity reference such as &amp; (found "${preview(text, amp)}")`);
    const name = text.slice(amp + 1, semi);
    let replacement = PREDEFINED[name];
    if (replacement === undefined || !Object.hasOwn(PREDEFINED, name)) {
      let cp = Number.NaN;
      if (DECIMAL.test(name)) cp = Number.parseInt(name.slice(1), 10);
      else if (HEX.test(name)) cp = Number.parseInt(name.slice(2), 16);
      else
        fail(`unknown entity &${name.slice(0, 20)}; (only &amp; &lt; &gt; &quot; &apos; and &#...; exist)`);
      if (!isXmlChar(cp)) fail(`character reference &${name.slice(0, 20)}; is not an XML character`);
      replacement = String.fromCodePoint(cp);
    }
    out += text.slice(from, amp) + replacement;
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  text = out + text.slice(from);
  return text;
}

function preview(text: string, at: number): string {
  return text.slice(at, at + 12);
}
