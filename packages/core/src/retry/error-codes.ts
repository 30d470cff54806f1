// The error codes and HTTP statuses the retry policies recognise (the same lists botocore's
// standard mode and the v3 SDK use; checked against fixtures/conformance/retries in tests).

/** Throttling: the service asks the client to slow down. */
export const THROTTLING_ERROR_CODES: ReadonlySet<string> = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestThrottledException',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'TransactionInProgressException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded',
  'LimitExceededException',
  'RequestThrottled',
  'SlowDown',
  'PriorRequestNotComplete',
  'EC2ThrottledException',
]);

/** Transient service-side failures named by code. */
export const TRANSIENT_ERROR_CODES: ReadonlySet<string> = new Set([
  'RequestTimeout',
  'RequestTimeoutException',
  'PriorRequestNotComplete',
]);

/** Transient HTTP statuses. */
export const TRANSIENT_STATUS_CODES: ReadonlySet<number> = new Set([500, 502, 503, 504]);

/** Errors that, with a server Date far from ours, mean our clock is off rather than our keys. */
export const CLOCK_SKEW_ERROR_CODES: ReadonlySet<string> = new Set([
  'RequestTimeTooSkewed',
  'RequestExpired',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'AuthFailure',
  'RequestInTheFuture',
]);
