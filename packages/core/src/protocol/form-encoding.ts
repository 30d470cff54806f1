// The form body of ec2/query requests: `key=value` pairs joined by `&`, each side percent-encoded the
// RFC 3986 way (unreserved `A-Z a-z 0-9 - _ . ~` kept, every other UTF-8 byte as %XX, space as %20).

export const FORM_CONTENT_TYPE = 'application/x-www-form-urlencoded; charset=utf-8';

const UNRESERVED = /^[A-Za-z0-9\-_.~]*$/;

/** Percent-encodes one key or value. Throws URIError for a string with an unpaired surrogate. */
export function encodeFormComponent(text: string): string {
  if (UNRESERVED.test(text)) return text;
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
