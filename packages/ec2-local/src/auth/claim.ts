// Reads what a request claims about its signature, from the Authorization header or from the
// presigned-URL query parameters, without judging it yet. Malformed claims are `IncompleteSignature`.

import { Ec2Error } from '../protocol/errors.js';
import { decodeComponent } from '../protocol/form.js';
import { ALGORITHM } from './canonical.js';

export interface SignatureClaim {
  /** `header`: Authorization header; `query`: presigned URL (`X-Amz-Signature` in the query). */
  readonly kind: 'header' | 'query';
  readonly accessKeyId: string;
  /** Credential scope parts. */
  readonly scopeDate: string;
  readonly scopeRegion: string;
  readonly scopeService: string;
  readonly scopeTerminator: string;
  /** `YYYYMMDDTHHMMSSZ` */
  readonly amzDate: string;
  readonly signedHeaders: readonly string[];
  readonly signature: string;
  /** Presigned URLs only: `X-Amz-Expires`, in seconds. */
  readonly expiresSeconds: number | undefined;
  /** `X-Amz-Security-Token`, from the header or the query. */
  readonly sessionToken: string | undefined;
}

const AMZ_DATE = /^\d{8}T\d{6}Z$/;

function incomplete(message: string): Ec2Error {
  return new Ec2Error('IncompleteSignature', message);
}

export function headerValue(
  headers: ReadonlyArray<readonly [string, string]>,
  name: string,
): string | undefined {
  for (const [key, value] of headers) if (key.toLowerCase() === name) return value;
  return undefined;
}

function parseCredential(
  credential: string,
): Pick<SignatureClaim, 'accessKeyId' | 'scopeDate' | 'scopeRegion' | 'scopeService' | 'scopeTerminator'> {
  const parts = credential.split('/');
  if (parts.length !== 5 || parts.some((p) => p === '')) {
    throw incomplete(
      `Credential "${credential}" is malformed: expected <access key id>/<YYYYMMDD>/<region>/<service>/aws4_request.`,
    );
  }
  const [accessKeyId, scopeDate, scopeRegion, scopeService, scopeTerminator] = parts as [
    string,
    string,
    string,
    string,
    string,
  ];
  return { accessKeyId, scopeDate, scopeRegion, scopeService, scopeTerminator };
}

/** The HTTP `Date` header turned into SigV4's basic ISO 8601 form, for signers that do not send X-Amz-Date. */
function amzDateFromHttpDate(value: string): string | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) return undefined;
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseHeaderClaim(
  authorization: string,
  headers: ReadonlyArray<readonly [string, string]>,
): SignatureClaim {
  const space = authorization.indexOf(' ');
  const algorithm = space < 0 ? authorization : authorization.slice(0, space);
  if (algorithm !== ALGORITHM) {
    throw incomplete(
      `Unsupported Authorization algorithm "${algorithm}": ec2-local verifies ${ALGORITHM} (SigV4) only.`,
    );
  }
  const fields = new Map<string, string>();
  for (const part of authorization.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) {
    throw incomplete(
      'Authorization header requires Credential, SignedHeaders and Signature parameters. ' +
        `Authorization=${authorization.replace(/Signature=[0-9a-fA-F]*/, 'Signature=<redacted>')}`,
    );
  }
  const amzDate =
    headerValue(headers, 'x-amz-date') ?? amzDateFromHttpDate(headerValue(headers, 'date') ?? '');
  if (!amzDate || !AMZ_DATE.test(amzDate)) {
    throw incomplete(
      'The request must carry its signing time in X-Amz-Date (YYYYMMDDTHHMMSSZ) or a Date header.',
    );
  }
  return {
    kind: 'header',
    ...parseCredential(credential),
    amzDate,
    signedHeaders: signedHeaders.split(';'),
    signature,
    expiresSeconds: undefined,
    sessionToken: headerValue(headers, 'x-amz-security-token'),
  };
}

function parseQueryClaim(query: ReadonlyMap<string, string>): SignatureClaim {
  const need = (name: string): string => {
    const value = query.get(name);
    if (value === undefined || value === '') {
      throw incomplete(`A presigned request must contain the query parameter ${name}.`);
    }
    return value;
  };
  const algorithm = need('X-Amz-Algorithm');
  if (algorithm !== ALGORITHM) {
    throw incomplete(`Unsupported X-Amz-Algorithm "${algorithm}": ec2-local verifies ${ALGORITHM} only.`);
  }
  const amzDate = need('X-Amz-Date');
  if (!AMZ_DATE.test(amzDate))
    throw incomplete(`X-Amz-Date "${amzDate}" is not in the form YYYYMMDDTHHMMSSZ.`);
  const expires = need('X-Amz-Expires');
  if (!/^\d+$/.test(expires))
    throw incomplete(`X-Amz-Expires "${expires}" must be a whole number of seconds.`);
  return {
    kind: 'query',
    ...parseCredential(need('X-Amz-Credential')),
    amzDate,
    signedHeaders: need('X-Amz-SignedHeaders').split(';'),
    signature: need('X-Amz-Signature'),
    expiresSeconds: Number(expires),
    sessionToken: query.get('X-Amz-Security-Token'),
  };
}

/** Decodes the raw query into a first-value-wins map (signature parameters only need that). */
export function queryMap(rawQuery: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const segment of rawQuery.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const name = decodeComponent(eq < 0 ? segment : segment.slice(0, eq), false);
    if (!map.has(name)) map.set(name, eq < 0 ? '' : decodeComponent(segment.slice(eq + 1), false));
  }
  return map;
}

/**
 * The signature claim of a request, or undefined when it carries none. A request may not use both the
 * Authorization header and a presigned query.
 */
export function readClaim(
  headers: ReadonlyArray<readonly [string, string]>,
  rawQuery: string,
): SignatureClaim | undefined {
  const authorization = headerValue(headers, 'authorization');
  const query = queryMap(rawQuery);
  const presigned =
    query.has('X-Amz-Signature') || query.has('X-Amz-Credential') || query.has('X-Amz-Algorithm');
  if (authorization !== undefined && presigned) {
    throw incomplete(
      'Only one authentication mechanism is allowed: the Authorization header or a presigned query, not both.',
    );
  }
  if (authorization !== undefined) return parseHeaderClaim(authorization, headers);
  if (presigned) return parseQueryClaim(query);
  return undefined;
}
