// XML 1.0 name characters (the `Name` production of the XML specification, fifth edition), as lookup
// tables for ASCII and range checks beyond it. Characters outside the Basic Multilingual Plane are not
// accepted in names (no AWS response uses them).

/** 1 = may start a name, 2 = may continue a name, for ASCII code units. `:` is handled by the scanner. */
const ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
  const other = (c >= 48 && c <= 57) || c === 45 || c === 46;
  ASCII[c] = letter ? 3 : other ? 2 : 0;
}

function isWideNameStart(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** May `c` (a UTF-16 code unit) start an XML name? */
export function isNameStartChar(c: number): boolean {
  return c < 128 ? ((ASCII[c] as number) & 1) === 1 : isWideNameStart(c);
}

/** May `c` continue an XML name? (False for NaN, i.e. past the end of the text.) */
export function isNameChar(c: number): boolean {
  if (c < 128) return ASCII[c] !== 0;
  return isWideNameStart(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || c === 0x203f || c === 0x2040;
}

export function isXmlWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}
