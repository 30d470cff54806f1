// The SigV4a set of aws-c-auth's suite (fixtures/conformance/sigv4/aws-c-auth/v4a.json, 40 cases),
// run against @boto-ts/sigv4 in its header and query variants. ECDSA signatures are random, so a
// case checks the canonical request and string to sign byte for byte, the key pair derived from the
// credentials against the suite's public key, and, with node:crypto's ECDSA directly (not through
// the package), that our signature and the suite's own signatures verify under the suite's key.

import { createHash, createPublicKey, type KeyObject, verify } from 'node:crypto';
import {
  presignUrlV4aWithDetails,
  publicKeyV4a,
  type SigningOptionsV4a,
  signingKeyV4a,
  signRequestV4aWithDetails,
} from '@boto-ts/sigv4';
import { readConformanceJson } from '../lib/repo-data.js';
import {
  type AwsCCase,
  type AwsCContext,
  awsCCommonOptions,
  diff,
  diffHeaders,
  headerSet,
  parseRawRequest,
  runCase,
  tally,
  targetParts,
  text,
  toSignable,
} from './sigv4-cases.js';
import type { SetResult } from './types.js';

/** The suite's `public-key.json`: the P-256 point of the case's credentials, as hex. */
export interface SuitePublicKey {
  readonly X: string;
  readonly Y: string;
}

/** The SigV4a cases: the one place that says where the suite is read from. */
export function loadV4aSuite(): AwsCCase[] {
  return readConformanceJson<AwsCCase[]>('sigv4/aws-c-auth/v4a.json');
}

/** botocore's SigV4 cases: two of them stand in for the SigV4a cases that ship without expectations. */
export function loadBotocoreSuite(): BotocoreCase[] {
  return readConformanceJson<BotocoreCase[]>('sigv4/botocore/aws4_testsuite.json');
}

/**
 * ECDSA P-256/SHA-256 verification with node:crypto alone: the check that owes nothing to the
 * signer. False for a wrong signature and for a key that is no point of the curve.
 */
export function ecdsaVerifies(key: SuitePublicKey, message: string, signatureHex: string): boolean {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey({
      key: {
        kty: 'EC',
        crv: 'P-256',
        x: Buffer.from(key.X, 'hex').toString('base64url'),
        y: Buffer.from(key.Y, 'hex').toString('base64url'),
      },
      format: 'jwk',
    });
  } catch {
    return false;
  }
  return verify(
    'sha256',
    Buffer.from(message),
    { key: publicKey, dsaEncoding: 'der' },
    Buffer.from(signatureHex, 'hex'),
  );
}

export function v4aOptions(context: AwsCContext): SigningOptionsV4a {
  return { ...awsCCommonOptions(context), regionSet: context.region };
}

const SIGNATURE_IN_HEADER = /Signature=([0-9a-f]+)$/;
const SIGNATURE_IN_QUERY = /[?&]X-Amz-Signature=([0-9a-f]+)/;

/**
 * What a variant of a case is checked against: the suite's own files, or for a case without any,
 * expectations put together from the other suites (see `borrowedExpectations`).
 */
interface Expected {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  /** The suite's signed request (header variant: its headers; query variant: its target). */
  readonly signedRequest: string;
  /** The suite's own signatures of `stringToSign`: the `*-signature.txt` one and the signed request's. */
  readonly signatures: readonly string[];
  /** Put together from the other suites: `signedRequest` is botocore's SigV4 one. */
  readonly borrowed: boolean;
}

type Variant = 'header' | 'query';

function expectedFromSuite(suiteCase: AwsCCase, variant: Variant): Expected {
  const signedRequest = text(suiteCase, `${variant}-signed-request`);
  const inRequest = (variant === 'header' ? SIGNATURE_IN_HEADER : SIGNATURE_IN_QUERY).exec(
    variant === 'header'
      ? (/^Authorization:(.*)$/m.exec(signedRequest)?.[1] ?? '')
      : (signedRequest.split('\n')[0] ?? ''),
  )?.[1];
  return {
    canonicalRequest: text(suiteCase, `${variant}-canonical-request`),
    stringToSign: text(suiteCase, `${variant}-string-to-sign`),
    signedRequest,
    signatures: [text(suiteCase, `${variant}-signature`), ...(inRequest === undefined ? [] : [inRequest])],
    borrowed: false,
  };
}

/** Byte order, the order SigV4 sorts by. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The request line's target without its query, and the rest of a raw request. */
function withoutQuery(rawRequest: string): string {
  return rawRequest.replace(/^(\S+ [^?\s]*)\?\S*/, '$1');
}

/** A case of botocore's copy of the AWS SigV4 suite (same request, date, keys, region, service). */
export interface BotocoreCase {
  readonly name: string;
  readonly creq: string;
  readonly sreq: string;
}

/**
 * Expectations for a case the suite ships without any (two upstream folders hold only context.json
 * and request.txt: get-vanilla-query-order-key and -value, whose point is the order of repeated
 * query names and values), put together from facts of the other suites:
 * - header variant: botocore's SigV4 canonical request of the same request, plus the
 *   `x-amz-region-set` line and signed-header name every SigV4a header case has;
 * - query variant: the SigV4a suite's own `get-vanilla` query canonical request (the same request
 *   without a query: checked), with botocore's canonical query parameters merged in.
 * The strings to sign are rebuilt from those (hash of the canonical request under the SigV4a scope).
 */
function borrowedExpectations(
  suiteCase: AwsCCase,
  variant: Variant,
  others: { readonly botocore: readonly BotocoreCase[]; readonly v4a: readonly AwsCCase[] },
): Expected | string {
  const botocore = others.botocore.find((c) => c.name === suiteCase.name);
  const vanilla = others.v4a.find((c) => c.name === 'get-vanilla');
  if (botocore === undefined || vanilla === undefined) return 'no expected files, and no case to borrow from';
  const { region, service, timestamp } = suiteCase.context;
  const sigV4 = botocore.creq.split('\n');
  const blank = sigV4.indexOf('', 3);
  let canonicalRequest: string;
  if (variant === 'header') {
    const headerLines = [...sigV4.slice(3, blank), `x-amz-region-set:${region}`].sort(byteOrder);
    const signedHeaders = [...sigV4[blank + 1]!.split(';'), 'x-amz-region-set'].sort(byteOrder).join(';');
    canonicalRequest = [...sigV4.slice(0, 3), ...headerLines, '', signedHeaders, sigV4[blank + 2]!].join(
      '\n',
    );
  } else {
    if (withoutQuery(text(suiteCase, 'request')) !== text(vanilla, 'request')) {
      return 'no expected files, and the request differs from get-vanilla beyond its query';
    }
    const template = text(vanilla, 'query-canonical-request').split('\n');
    const params = [...template[2]!.split('&'), ...sigV4[2]!.split('&')].sort(byteOrder);
    canonicalRequest = [template[0]!, template[1]!, params.join('&'), ...template.slice(3)].join('\n');
  }
  const amzDate = timestamp.replace(/[-:]/g, '').replace(/\.\d+/, '');
  const stringToSign = [
    'AWS4-ECDSA-P256-SHA256',
    amzDate,
    `${amzDate.slice(0, 8)}/${service}/aws4_request`,
    createHash('sha256').update(canonicalRequest).digest('hex'),
  ].join('\n');
  return { canonicalRequest, stringToSign, signedRequest: botocore.sreq, signatures: [], borrowed: true };
}

/** The checks that hold for both variants: the texts, and every signature verifying under the suite's key. */
function commonChecks(
  expected: Expected,
  ours: { canonicalRequest: string; stringToSign: string; signature: string },
  publicKey: SuitePublicKey,
): string[] {
  const problems = [
    diff('canonical request', expected.canonicalRequest, ours.canonicalRequest),
    diff('string to sign', expected.stringToSign, ours.stringToSign),
  ];
  if (!ecdsaVerifies(publicKey, ours.stringToSign, ours.signature)) {
    problems.push('our signature does not verify under the suite public key');
  }
  for (const signature of expected.signatures) {
    if (!ecdsaVerifies(publicKey, expected.stringToSign, signature)) {
      problems.push(
        `the suite signature ${signature.slice(0, 12)}... does not verify under the suite public key`,
      );
    }
  }
  return problems;
}

function headerVariant(suiteCase: AwsCCase, expected: Expected, publicKey: SuitePublicKey): string[] {
  const raw = parseRawRequest(text(suiteCase, 'request'));
  const { request, details } = signRequestV4aWithDetails(toSignable(raw), v4aOptions(suiteCase.context));
  const { authorization = '', ...otherHeaders } = request.headers;
  const signature = SIGNATURE_IN_HEADER.exec(authorization)?.[1] ?? '';
  const expectedHeaders = headerSet(parseRawRequest(expected.signedRequest).headers);
  const expectedAuthorization = expectedHeaders.get('authorization');
  expectedHeaders.delete('authorization');
  if (expected.borrowed) {
    // botocore's SigV4 signed request: its other headers are right, the region set it lacks.
    expectedHeaders.set('x-amz-region-set', suiteCase.context.region);
  }
  const problems = commonChecks(
    expected,
    { canonicalRequest: details.canonicalRequest, stringToSign: details.stringToSign, signature },
    publicKey,
  );
  problems.push(diffHeaders(expectedHeaders, headerSet(otherHeaders)));
  if (expectedAuthorization !== undefined && !expected.borrowed) {
    // Everything up to the random signature is the same text.
    const cut = (value: string) => value.slice(0, value.lastIndexOf('Signature=') + 'Signature='.length);
    problems.push(diff('authorization', cut(expectedAuthorization), cut(authorization)));
  }
  return problems;
}

function queryVariant(suiteCase: AwsCCase, expected: Expected, publicKey: SuitePublicKey): string[] {
  const raw = parseRawRequest(text(suiteCase, 'request'));
  const { url, details } = presignUrlV4aWithDetails(toSignable(raw), {
    ...v4aOptions(suiteCase.context),
    contentSha256Header: false,
    expiresIn: suiteCase.context.expiration_in_seconds,
  });
  const signature = SIGNATURE_IN_QUERY.exec(url)?.[1] ?? '';
  const problems = commonChecks(
    expected,
    { canonicalRequest: details.canonicalRequest, stringToSign: details.stringToSign, signature },
    publicKey,
  );
  // The signed URL: the same path and parameters, but for the (random) signature's value.
  const ours = targetParts(url.slice(url.indexOf('/', 'https://'.length)));
  const theirs = targetParts(parseRawRequest(expected.signedRequest).target);
  problems.push(diff('signed path', theirs.path, ours.path));
  if (!expected.borrowed) {
    const unsigned = (params: string) =>
      params
        .split('&')
        .map((p) => (p.startsWith('X-Amz-Signature=') ? 'X-Amz-Signature=' : p))
        .join('\n');
    problems.push(diff('signed query parameters', unsigned(theirs.params), unsigned(ours.params)));
  }
  return problems;
}

/** The problems of one case, both variants (an empty list: it passes). */
export function checkV4aCase(
  suiteCase: AwsCCase,
  publicKey: SuitePublicKey,
  others: { readonly botocore: readonly BotocoreCase[]; readonly v4a: readonly AwsCCase[] },
): string[] {
  const hasExpectations = typeof suiteCase['header-canonical-request'] === 'string';
  const { access_key_id, secret_access_key } = suiteCase.context.credentials;
  const derived = publicKeyV4a(signingKeyV4a(access_key_id, secret_access_key));
  const problems: string[] = [
    diff('public key x', publicKey.X.toLowerCase(), derived.x),
    diff('public key y', publicKey.Y.toLowerCase(), derived.y),
  ];
  for (const variant of ['header', 'query'] as const) {
    const expected = hasExpectations
      ? expectedFromSuite(suiteCase, variant)
      : borrowedExpectations(suiteCase, variant, others);
    if (typeof expected === 'string') {
      problems.push(`${variant}: ${expected}`);
      continue;
    }
    const check = variant === 'header' ? headerVariant : queryVariant;
    for (const problem of check(suiteCase, expected, publicKey)) {
      if (problem !== '') problems.push(`${variant}: ${problem}`);
    }
  }
  return problems.filter((p) => p !== '');
}

/**
 * The suite's public key for a case: its own `public-key`, or for a case without one, that of a
 * case with the same credentials (the key depends on the credentials alone).
 */
export function suitePublicKey(suiteCase: AwsCCase, suite: readonly AwsCCase[]): SuitePublicKey | undefined {
  const same = (c: AwsCCase) =>
    c.context.credentials.access_key_id === suiteCase.context.credentials.access_key_id &&
    c.context.credentials.secret_access_key === suiteCase.context.credentials.secret_access_key;
  const own = suiteCase['public-key'] as SuitePublicKey | undefined;
  return (
    own ?? (suite.find((c) => same(c) && c['public-key'] !== undefined)?.['public-key'] as SuitePublicKey)
  );
}

/** `sigv4/aws-c-auth-v4a`: a case passes when both its header and query variants do. */
export function runV4aSet(): SetResult {
  const suite = loadV4aSuite();
  const others = { botocore: loadBotocoreSuite(), v4a: suite };
  return tally(
    'sigv4/aws-c-auth-v4a',
    suite.map((suiteCase) =>
      runCase(suiteCase.name, () => {
        const publicKey = suitePublicKey(suiteCase, suite);
        if (publicKey === undefined) return ['no public key in the suite for these credentials'];
        return checkV4aCase(suiteCase, publicKey, others);
      }),
    ),
  );
}
