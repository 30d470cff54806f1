// The credential value and provider contracts shared by the chain, the session and the pipeline.

export interface Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  /** When the credentials stop working; absent for long-lived keys. */
  readonly expiration?: Date | undefined;
  /** The AWS account the credentials belong to, when the source says so. */
  readonly accountId?: string | undefined;
}

/**
 * Anything that yields credentials: our cached chain, or a v3-style provider such as
 * `fromIni()` from `@aws-sdk/credential-providers`. Called once per attempt, so it must cache.
 */
export type CredentialsProvider = () => Promise<Credentials>;
