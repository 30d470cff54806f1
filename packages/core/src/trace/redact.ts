// The one place that decides what a trace, a log event or an error message may show. Secrets go:
// signatures, session tokens and secret keys (by header, by name, and by value when the pipeline
// knows them), and every member the schema marks sensitive (MEMBER_SENSITIVE, sensitive shapes).

import {
  MEMBER_SENSITIVE,
  memberHas,
  memberSchema,
  resolveSchema,
  type Schema,
  type StructureSchema,
  serializedName,
  xmlName,
} from '../protocol/schema.js';

export const REDACTED = '***';

/** Names that always hold secrets, wherever they appear (form keys, XML elements), case-insensitive. */
const SECRET_NAMES = new Set([
  'secretaccesskey',
  'sessiontoken',
  'x-amz-security-token',
  'x-amz-signature',
  'webidentitytoken',
  'samlassertion',
  'accesstoken',
  'password',
]);

/** Headers whose whole value is secret. */
const SECRET_HEADERS = new Set(['x-amz-security-token', 'cookie', 'set-cookie', 'proxy-authorization']);

/** Known secret values shorter than this are not scrubbed by value (they would match ordinary text). */
const MIN_SECRET_LENGTH = 8;

/** Replaces every occurrence of each known secret value in `text`. */
export function scrubSecrets(text: string, secrets: Iterable<string | undefined>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= MIN_SECRET_LENGTH && out.includes(secret)) {
      out = out.split(secret).join(REDACTED);
    }
  }
  return out;
}

/** `Authorization: AWS4-HMAC-SHA256 Credential=AKID/scope, SignedHeaders=..., Signature=***`. */
export function redactAuthorization(value: string): string {
  return value.replace(/Signature=[0-9a-fA-F]*/g, `Signature=${REDACTED}`);
}

/** The signature inside an Authorization header value, if any (so callers can scrub it by value). */
export function signatureOf(authorization: string | undefined): string | undefined {
  return authorization === undefined ? undefined : /Signature=([0-9a-fA-F]+)/.exec(authorization)?.[1];
}

export function redactHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    const lower = name.toLowerCase();
    out[name] =
      lower === 'authorization' ? redactAuthorization(value) : SECRET_HEADERS.has(lower) ? REDACTED : value;
  }
  return out;
}

/** A canonical request with the security token's line (and any secret query value) blanked. */
export function redactCanonicalRequest(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const colon = line.indexOf(':');
      if (colon > 0 && SECRET_HEADERS.has(line.slice(0, colon).toLowerCase()))
        return `${line.slice(0, colon)}:${REDACTED}`;
      return line.includes('=') && !line.includes(' ') ? redactQueryLike(line) : line;
    })
    .join('\n');
}

function redactQueryLike(text: string): string {
  return text
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const key = safeDecode(pair.slice(0, eq));
      const last = key.slice(key.lastIndexOf('.') + 1).toLowerCase();
      return SECRET_NAMES.has(last) ? `${pair.slice(0, eq + 1)}${REDACTED}` : pair;
    })
    .join('&');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isSensitiveSchema(schema: Schema): boolean {
  return 'sensitive' in schema && schema.sensitive === true;
}

/** Whether the form key `segments` (`LaunchSpecification`, `UserData`) reaches a sensitive value. */
function sensitiveKey(segments: readonly string[], i: number, schema: Schema): boolean {
  if (isSensitiveSchema(schema)) return true;
  if (i >= segments.length) return false;
  const segment = segments[i]!;
  switch (schema.kind) {
    case 'structure': {
      const member = schema.members.find((m) => serializedName(m) === segment || m[0] === segment);
      if (member === undefined) return false;
      if (memberHas(member, MEMBER_SENSITIVE)) return true;
      return sensitiveKey(segments, i + 1, memberSchema(member));
    }
    case 'list': {
      const item = resolveSchema(schema.member);
      // ec2 and flattened query lists: `Name.1`; query lists: `Name.member.1`.
      if (/^\d+$/.test(segment)) return sensitiveKey(segments, i + 1, item);
      return sensitiveKey(segments, i + 2, item);
    }
    case 'map': {
      // `Name.entry.1.key` or, flattened, `Name.1.key`.
      const part = /^\d+$/.test(segment) ? segments[i + 1] : segments[i + 2];
      const next = /^\d+$/.test(segment) ? i + 2 : i + 3;
      const target = part === (schema.valueName ?? 'value') ? schema.value : schema.key;
      return sensitiveKey(segments, next, resolveSchema(target));
    }
    default:
      return false;
  }
}

/** A form body (`Action=...&Version=...&...`) with sensitive and secret values replaced by `***`. */
export function redactFormBody(body: string, input: StructureSchema | undefined): string {
  return body
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq === -1) return pair;
      const segments = safeDecode(pair.slice(0, eq)).split('.');
      const last = segments[segments.length - 1]!.toLowerCase();
      const secret = SECRET_NAMES.has(last) || (input !== undefined && sensitiveKey(segments, 0, input));
      return secret ? `${pair.slice(0, eq + 1)}${REDACTED}` : pair;
    })
    .join('&');
}

const sensitiveElementCache = new WeakMap<StructureSchema, readonly string[]>();

/** Element names under `output` whose content is sensitive. */
function sensitiveElements(output: StructureSchema): readonly string[] {
  let names = sensitiveElementCache.get(output);
  if (names !== undefined) return names;
  const found = new Set<string>();
  const seen = new Set<Schema>();
  const visit = (schema: Schema) => {
    if (seen.has(schema)) return;
    seen.add(schema);
    if (schema.kind === 'structure') {
      for (const member of schema.members) {
        const child = memberSchema(member);
        if (memberHas(member, MEMBER_SENSITIVE) || isSensitiveSchema(child)) found.add(xmlName(member));
        else visit(child);
      }
    } else if (schema.kind === 'list') {
      visit(resolveSchema(schema.member));
    } else if (schema.kind === 'map') {
      visit(resolveSchema(schema.key));
      visit(resolveSchema(schema.value));
    }
  };
  visit(output);
  names = [...found];
  sensitiveElementCache.set(output, names);
  return names;
}

/** XML elements whose name ends like this hold secrets (`SecretAccessKey`, `SessionToken`...; not `NextToken`). */
const SECRET_ELEMENT_SUFFIXES =
  'SecretAccessKey|SessionToken|AccessToken|WebIdentityToken|SAMLAssertion|Password';
const SECRET_ELEMENT = new RegExp(`(?:${SECRET_ELEMENT_SUFFIXES})$`, 'i');

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An XML body with the content of sensitive and secret elements replaced by `***`. */
export function redactXmlBody(body: string, output: StructureSchema | undefined): string {
  const names = output === undefined ? [] : sensitiveElements(output);
  const alternatives = [...names.map(escapeRegExp), `[A-Za-z]*(?:${SECRET_ELEMENT_SUFFIXES})`];
  const pattern = new RegExp(
    `<((?:[A-Za-z_][\\w.-]*:)?(?:${alternatives.join('|')}))(\\s[^>]*)?>[\\s\\S]*?</\\1>`,
    'gi',
  );
  return body.replace(pattern, (whole, name: string, attributes: string | undefined) => {
    const local = name.slice(name.indexOf(':') + 1).toLowerCase();
    const secret = names.some((n) => n.toLowerCase() === local) || SECRET_ELEMENT.test(local);
    return secret ? `<${name}${attributes ?? ''}>${REDACTED}</${name}>` : whole;
  });
}

/** Keeps the first `max` characters and says how many were left out. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}... (${text.length - max} more characters)`;
}

/**
 * `redactXmlBody` for the first bytes of a body, which may stop inside a secret element: an element
 * left open at the end loses its content too.
 */
export function redactXmlFragment(fragment: string, output: StructureSchema | undefined): string {
  const redacted = redactXmlBody(fragment, output);
  const names = output === undefined ? [] : sensitiveElements(output);
  const open = /<((?:[A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*))(\s[^>]*)?>([^<]*)$/.exec(redacted);
  if (open === null || open[4] === '') return redacted;
  const local = open[2]!.toLowerCase();
  if (!names.some((n) => n.toLowerCase() === local) && !SECRET_ELEMENT.test(local)) return redacted;
  return `${redacted.slice(0, open.index)}<${open[1]}${open[3] ?? ''}>${REDACTED}`;
}
