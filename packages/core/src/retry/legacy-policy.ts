// Legacy retry mode, for parity with boto3's default: the policies of botocore's `_retry.json`
// (`__default__` plus the EC2 and STS entries this SDK speaks), 5 attempts, `rand * 2^(n-1)` s delays.
// A test reads fixtures/conformance/retries/botocore/_retry.json and checks this table against it.

import type { AttemptOutcome } from './outcome.js';
import { isConnectionError, isTimeout } from './outcome.js';

export const LEGACY_MAX_ATTEMPTS = 5;

/** One `applies_when.response` rule: an error code and/or an HTTP status that must both match. */
export interface LegacyResponseRule {
  readonly code?: string;
  readonly status?: number;
}

/** `__default__` in _retry.json: statuses alone, and throttling codes only with HTTP 400. */
export const LEGACY_DEFAULT_RULES: readonly LegacyResponseRule[] = [
  { status: 500 },
  { status: 502 },
  { status: 503 },
  { status: 504 },
  { status: 509 },
  { status: 429 },
  { code: 'Throttling', status: 400 },
  { code: 'ThrottlingException', status: 400 },
  { code: 'ThrottledException', status: 400 },
  { code: 'RequestThrottledException', status: 400 },
  { code: 'ProvisionedThroughputExceededException', status: 400 },
];

/** Service entries, keyed by the service's config key. */
export const LEGACY_SERVICE_RULES: Readonly<Record<string, readonly LegacyResponseRule[]>> = {
  ec2: [
    { code: 'RequestLimitExceeded', status: 503 },
    { code: 'EC2ThrottledException', status: 503 },
  ],
  sts: [{ code: 'IDPCommunicationError', status: 400 }],
};

function matches(rule: LegacyResponseRule, outcome: AttemptOutcome): boolean {
  if (outcome.error !== undefined) return false;
  if (rule.status !== undefined && rule.status !== outcome.statusCode) return false;
  if (rule.code !== undefined && rule.code !== outcome.errorCode) return false;
  return true;
}

/** Whether legacy mode retries `outcome` for the service with `configKey`. */
export function isRetryableLegacy(outcome: AttemptOutcome, configKey: string): boolean {
  // `general_socket_errors`: connection errors and read/connect timeouts (not the caller's abort).
  if (isConnectionError(outcome) || isTimeout(outcome)) return true;
  if (LEGACY_DEFAULT_RULES.some((rule) => matches(rule, outcome))) return true;
  return (LEGACY_SERVICE_RULES[configKey] ?? []).some((rule) => matches(rule, outcome));
}
