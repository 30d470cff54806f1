// The SigV4 conformance suites (fixtures/conformance/sigv4: one JSON file per suite, a case per
// upstream folder with each file's text under its name), run against
// @boto-ts/sigv4: botocore's copy of the AWS test suite (34 cases, all run, including the four
// botocore itself skips), aws-c-auth's newer suite in its header and query variants (38 + 38), and
// aws-c-auth's SigV4a suite (40 cases, header and query each; see sigv4a.ts).

import {
  canonicalRequest,
  presignUrlWithDetails,
  type SigningOptions,
  signRequestWithDetails,
} from '@boto-ts/sigv4';
import { readConformanceJson } from '../lib/repo-data.js';
import {
  type AwsCCase,
  type AwsCContext,
  awsCCommonOptions,
  diff,
  diffHeaders,
  headerSet,
  headerValue,
  parseRawRequest,
  runCase,
  tally,
  targetParts,
  text,
  toSignable,
} from './sigv4-cases.js';
import { runV4aSet } from './sigv4a.js';
import type { ConformanceSuite } from './types.js';

// botocore's copy: fixed inputs; the session token, when there is one, is read from the expected files.
const BOTOCORE_BASE = {
  region: 'us-east-1',
  service: 'service',
  signingDate: Date.UTC(2015, 7, 30, 12, 36, 0),
} as const;
const BOTOCORE_KEYS = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

/** A case of botocore's copy: the text of its `.req`, `.creq`, `.sts`, `.authz` and `.sreq` files. */
interface BotocoreCase {
  readonly name: string;
  readonly req: string;
  readonly creq: string;
  readonly sts: string;
  readonly authz: string;
  readonly sreq: string;
}

function botocoreCase(suiteCase: BotocoreCase): string[] {
  const file = (ext: 'req' | 'creq' | 'sts' | 'authz' | 'sreq') => suiteCase[ext];
  const raw = parseRawRequest(file('req'));
  const creq = file('creq');
  const sreq = parseRawRequest(file('sreq'));
  const signedToken = /^x-amz-security-token:(.*)$/m.exec(creq)?.[1];
  const lateToken = signedToken === undefined ? headerValue(sreq, 'x-amz-security-token') : undefined;
  const options: SigningOptions = {
    ...BOTOCORE_BASE,
    credentials: { ...BOTOCORE_KEYS, sessionToken: signedToken ?? lateToken },
    signSessionToken: lateToken === undefined,
  };
  const { request, details } = signRequestWithDetails(toSignable(raw), options);
  // The pure function sees the request as signed: with the token header when the token is signed.
  const withToken =
    signedToken === undefined ? raw.headers : { ...raw.headers, 'X-Amz-Security-Token': signedToken };
  // `.authz` is the reference for Authorization: one upstream `.sreq` (get-vanilla-with-session-token)
  // carries a garbled signature, so the other headers are compared against `.sreq`.
  const { authorization, ...otherHeaders } = request.headers;
  const expectedHeaders = headerSet(sreq.headers);
  expectedHeaders.delete('authorization');
  return [
    diff('canonical request', creq, details.canonicalRequest),
    diff('pure canonicalRequest()', creq, canonicalRequest({ ...toSignable(raw), headers: withToken })),
    diff('string to sign', file('sts'), details.stringToSign),
    diff('authorization', file('authz'), authorization ?? ''),
    diffHeaders(expectedHeaders, headerSet(otherHeaders)),
  ];
}

function awsCOptions(context: AwsCContext): SigningOptions {
  return { ...awsCCommonOptions(context), region: context.region };
}

function awsCHeaderCase(suiteCase: AwsCCase): string[] {
  const context = suiteCase.context;
  const raw = parseRawRequest(text(suiteCase, 'request'));
  const expected = parseRawRequest(text(suiteCase, 'header-signed-request'));
  const { request, details } = signRequestWithDetails(toSignable(raw), awsCOptions(context));
  const signature = /Signature=([0-9a-f]+)/.exec(request.headers['authorization'] ?? '')?.[1] ?? '';
  return [
    diff('canonical request', text(suiteCase, 'header-canonical-request'), details.canonicalRequest),
    diff('string to sign', text(suiteCase, 'header-string-to-sign'), details.stringToSign),
    diff('signature', text(suiteCase, 'header-signature'), signature),
    diffHeaders(headerSet(expected.headers), headerSet(request.headers)),
  ];
}

function awsCQueryCase(suiteCase: AwsCCase): string[] {
  const context = suiteCase.context;
  const raw = parseRawRequest(text(suiteCase, 'request'));
  const expected = parseRawRequest(text(suiteCase, 'query-signed-request'));
  const { url, details } = presignUrlWithDetails(toSignable(raw), {
    ...awsCOptions(context),
    contentSha256Header: false,
    expiresIn: context.expiration_in_seconds,
  });
  const target = url.slice(url.indexOf('/', 'https://'.length));
  const ours = targetParts(target);
  const theirs = targetParts(expected.target);
  const signature = /[?&]X-Amz-Signature=([0-9a-f]+)/.exec(url)?.[1] ?? '';
  return [
    diff('canonical request', text(suiteCase, 'query-canonical-request'), details.canonicalRequest),
    diff('string to sign', text(suiteCase, 'query-string-to-sign'), details.stringToSign),
    diff('signature', text(suiteCase, 'query-signature'), signature),
    diff('signed path', theirs.path, ours.path),
    diff('signed query parameters', theirs.params.replaceAll('&', '\n'), ours.params.replaceAll('&', '\n')),
  ];
}

export const run: ConformanceSuite = async () => {
  const botocore = readConformanceJson<BotocoreCase[]>('sigv4/botocore/aws4_testsuite.json').map((c) =>
    runCase(c.name, () => botocoreCase(c)),
  );
  const awsC = readConformanceJson<AwsCCase[]>('sigv4/aws-c-auth/v4.json');
  const header = awsC.map((c) => runCase(c.name, () => awsCHeaderCase(c)));
  const query = awsC.map((c) => runCase(c.name, () => awsCQueryCase(c)));
  return [
    tally('sigv4/botocore', botocore),
    tally('sigv4/aws-c-auth-header', header),
    tally('sigv4/aws-c-auth-query', query),
    runV4aSet(),
  ];
};
