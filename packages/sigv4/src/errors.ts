// The one error this package throws: SigningError, for input that cannot be signed. It names the
// field at fault and never carries a secret, a session token, a signature or a header value.

/**
 * The request or the options cannot be signed (nothing was signed). `field` names the culprit:
 * `credentials.secretAccessKey`, `region`, `url`, `headers["x-é"]`, `expiresIn`, ...
 */
export class SigningError extends Error {
  override readonly name = 'SigningError';
  /** Stable, machine-readable code: always `SigningError`. */
  readonly code = 'SigningError';
  /** The input field at fault, as a path into `request` or `options`. */
  readonly field: string;

  constructor(field: string, problem: string, options?: { cause?: unknown }) {
    super(`Cannot sign the request: ${field} ${problem}`, options);
    this.field = field;
  }
}
