// Small builders shared by the tests: the AWS test suite's example keys, a request, options.

import type { PresignOptions, SignableRequest, SigningCredentials } from '../types.js';

/** The example keys of the AWS SigV4 test suite (not real credentials). */
export const EXAMPLE_KEYS: SigningCredentials = {
  accessKeyId: 'AKIDEXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
};

export const EXAMPLE_TOKEN = 'AQoDYXdzEPT//////////wEXAMPLEtc764bNrC9SAPBSM22wDOk4x4HIZ8j4FZTwdQ==';

/** 2015-08-30T12:36:00Z, the suite's signing time. */
export const EXAMPLE_DATE = new Date(Date.UTC(2015, 7, 30, 12, 36, 0));

export function exampleOptions(overrides: Partial<PresignOptions> = {}): PresignOptions {
  return {
    credentials: EXAMPLE_KEYS,
    region: 'us-east-1',
    service: 'service',
    signingDate: EXAMPLE_DATE,
    ...overrides,
  };
}

export function exampleRequest(overrides: Partial<SignableRequest> = {}): SignableRequest {
  return { method: 'GET', url: 'https://example.amazonaws.com/', headers: {}, ...overrides };
}

/** The `Signature=` part of an Authorization header. */
export function signatureOf(authorization: string | undefined): string {
  return /Signature=([0-9a-f]{64})$/.exec(authorization ?? '')?.[1] ?? '';
}

/** The `SignedHeaders=` part of an Authorization header. */
export function signedHeadersOf(authorization: string | undefined): string {
  return /SignedHeaders=([^,]*),/.exec(authorization ?? '')?.[1] ?? '';
}
