// Verifies a request's SigV4 signature the way AWS does: finds the caller's secret key from the
// access key id, rebuilds the canonical request from exactly the headers the client signed, checks
// the time, and compares signatures in constant time. Failures are EC2 errors whose messages teach:
// a mismatch shows the canonical request and string to sign the server computed.

import { timingSafeEqual } from 'node:crypto';
import { Ec2Error } from '../protocol/errors.js';
import {
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  credentialScope,
  hmacHex,
  sha256Hex,
  signingKey,
  stringToSign,
  uriEncode,
} from './canonical.js';
import { headerValue, readClaim, type SignatureClaim } from './claim.js';

/** A request as it arrived: the raw request-target and raw header pairs, nothing re-encoded. */
export interface SignedRequest {
  readonly method: string;
  /** Path plus `?query`, exactly as on the request line. */
  readonly target: string;
  /** Raw header pairs in arrival order (repeats kept). */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Uint8Array;
}

export interface SigningIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** When set, requests must carry this X-Amz-Security-Token. */
  readonly sessionToken?: string | undefined;
}

export interface VerifyOptions<A extends SigningIdentity> {
  readonly findIdentity: (accessKeyId: string) => A | undefined;
  /** The region and service the credential scope must name. */
  readonly region: string;
  readonly service: string;
  /** The server's clock, ms since the epoch. */
  readonly now: number;
  /** Allowed distance between the signing time and the server clock; AWS allows 5 minutes. */
  readonly maxSkewMs?: number;
}

export interface Verified<A> {
  readonly identity: A;
  readonly kind: 'header' | 'query';
}

/** What the server computed for a claim: exposed so a mismatch can be explained. */
export interface ComputedSignature {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  readonly signature: string;
}

const MAX_PRESIGN_SECONDS = 604_800;
const HEX64 = /^[0-9a-f]{64}$/;

function splitTarget(target: string): { path: string; query: string } {
  const q = target.indexOf('?');
  return q < 0 ? { path: target, query: '' } : { path: target.slice(0, q), query: target.slice(q + 1) };
}

function amzDateToMs(amzDate: string): number {
  const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  return Date.parse(iso);
}

function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The payload hash: the client's declared X-Amz-Content-SHA256 if any (checked against the body), else the body's hash. */
function payloadHash(request: SignedRequest): string {
  const declared = headerValue(request.headers, 'x-amz-content-sha256');
  const actual = sha256Hex(request.body);
  if (declared === undefined) return actual;
  if (HEX64.test(declared) && declared !== actual) {
    throw new Ec2Error(
      'SignatureDoesNotMatch',
      `The X-Amz-Content-SHA256 header (${declared}) does not match the SHA-256 of the body the server received (${actual}). ` +
        'Hash the exact bytes you send.',
    );
  }
  return declared;
}

/** Rebuilds the canonical request, string to sign and signature for `claim` with `secretAccessKey`. */
export function computeSignature(
  request: SignedRequest,
  claim: SignatureClaim,
  secretAccessKey: string,
): ComputedSignature {
  const { path, query } = splitTarget(request.target);
  const canonical = canonicalRequest({
    method: request.method.toUpperCase(),
    uri: canonicalUri(path),
    query: canonicalQuery(query, claim.kind === 'query' ? ['X-Amz-Signature'] : []),
    headers: canonicalHeaders(request.headers, claim.signedHeaders),
    signedHeaders: claim.signedHeaders,
    payloadHash: payloadHash(request),
  });
  const scope = credentialScope(claim.scopeDate, claim.scopeRegion, claim.scopeService);
  const toSign = stringToSign(claim.amzDate, scope, canonical);
  const key = signingKey(secretAccessKey, claim.scopeDate, claim.scopeRegion, claim.scopeService);
  return { canonicalRequest: canonical, stringToSign: toSign, signature: hmacHex(key, toSign) };
}

function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  return text.split(secret).join('<session token>').split(uriEncode(secret, false)).join('<session token>');
}

function mismatch(computed: ComputedSignature, claim: SignatureClaim): Ec2Error {
  return new Ec2Error(
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. ' +
      'Compare the canonical request and string to sign below with the ones your signer built: ' +
      'if they are identical, the secret access key is wrong; if they differ, the first difference is the bug.' +
      `\n\nThe canonical request ec2-local computed:\n'${redact(computed.canonicalRequest, claim.sessionToken)}'` +
      `\n\nThe string to sign ec2-local computed:\n'${computed.stringToSign}'` +
      (claim.sessionToken
        ? '\n\n(The session token is redacted above; the hash covers its real value.)'
        : ''),
  );
}

function checkScope(claim: SignatureClaim, options: VerifyOptions<SigningIdentity>): void {
  if (claim.scopeDate !== claim.amzDate.slice(0, 8)) {
    throw new Ec2Error(
      'SignatureDoesNotMatch',
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${claim.scopeDate}' != '${claim.amzDate.slice(0, 8)}', from '${claim.amzDate}'.`,
    );
  }
  if (claim.scopeRegion !== options.region) {
    throw new Ec2Error(
      'SignatureDoesNotMatch',
      `Credential should be scoped to a valid region: this endpoint serves '${options.region}', the request was signed for '${claim.scopeRegion}'. Configure the client with region ${options.region}.`,
    );
  }
  if (claim.scopeService !== options.service) {
    throw new Ec2Error(
      'SignatureDoesNotMatch',
      `Credential should be scoped to correct service: '${options.service}', not '${claim.scopeService}'.`,
    );
  }
  if (claim.scopeTerminator !== 'aws4_request') {
    throw new Ec2Error(
      'SignatureDoesNotMatch',
      `Credential should be scoped with a valid terminator: 'aws4_request', not '${claim.scopeTerminator}'.`,
    );
  }
  if (!claim.signedHeaders.includes('host')) {
    throw new Ec2Error(
      'IncompleteSignature',
      "SignedHeaders must include 'host': SigV4 always signs the Host header.",
    );
  }
}

function checkTime(claim: SignatureClaim, now: number, maxSkewMs: number): void {
  const signedAt = amzDateToMs(claim.amzDate);
  if (Number.isNaN(signedAt)) {
    throw new Ec2Error('IncompleteSignature', `X-Amz-Date '${claim.amzDate}' is not a valid date.`);
  }
  if (claim.kind === 'header') {
    if (Math.abs(now - signedAt) > maxSkewMs) {
      throw new Ec2Error(
        'RequestExpired',
        `Request has expired: it was signed at ${isoSeconds(signedAt)} and the server time is ${isoSeconds(now)} ` +
          `(more than ${maxSkewMs / 60_000} minutes apart). Fix the client clock, or correct for skew using the Date response header.`,
      );
    }
    return;
  }
  const expires = claim.expiresSeconds ?? 0;
  if (expires < 1 || expires > MAX_PRESIGN_SECONDS) {
    throw new Ec2Error(
      'AuthFailure',
      `X-Amz-Expires must be between 1 and ${MAX_PRESIGN_SECONDS} seconds (one week); it is ${expires}.`,
    );
  }
  if (signedAt - now > maxSkewMs) {
    throw new Ec2Error(
      'RequestExpired',
      `Request is not yet valid: it was signed at ${isoSeconds(signedAt)}, in the future of the server time ${isoSeconds(now)}.`,
    );
  }
  if (now > signedAt + expires * 1000) {
    throw new Ec2Error(
      'RequestExpired',
      `Request has expired: the presigned URL was valid until ${isoSeconds(signedAt + expires * 1000)} and the server time is ${isoSeconds(now)}.`,
    );
  }
}

/** Verifies `request` or throws the EC2 error a real endpoint would answer with. */
export function verifySigV4<A extends SigningIdentity>(
  request: SignedRequest,
  options: VerifyOptions<A>,
): Verified<A> {
  const claim = readClaim(request.headers, splitTarget(request.target).query);
  if (claim === undefined) {
    throw new Ec2Error(
      'AuthFailure',
      'The request is not signed. Sign it with SigV4 (Authorization header or presigned query) using the ' +
        'credentials ec2-local printed at start-up.',
    );
  }
  const identity = options.findIdentity(claim.accessKeyId);
  if (identity === undefined) {
    throw new Ec2Error(
      'AuthFailure',
      `AWS was not able to validate the provided access credentials: the access key id '${claim.accessKeyId}' is not known to this endpoint. Use the credentials it printed at start-up.`,
    );
  }
  if ((identity.sessionToken ?? undefined) !== claim.sessionToken) {
    throw new Ec2Error(
      'AuthFailure',
      identity.sessionToken
        ? 'The security token included in the request is invalid: these credentials are temporary, send their session token as X-Amz-Security-Token.'
        : 'The security token included in the request is invalid: these credentials are long-term, send no X-Amz-Security-Token.',
    );
  }
  checkScope(claim, options);
  checkTime(claim, options.now, options.maxSkewMs ?? 300_000);
  const computed = computeSignature(request, claim, identity.secretAccessKey);
  const expected = Buffer.from(computed.signature, 'utf8');
  const given = Buffer.from(claim.signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) throw mismatch(computed, claim);
  return { identity, kind: claim.kind };
}
