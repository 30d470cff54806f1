// The shapes that go in and out of the signer: a plain request, credentials and the options.
// No transport type leaks in: any HTTP client can send a SignedRequest.

/** The keys to sign with. Structurally the same as `@boto-ts/core`'s `Credentials`. */
export interface SigningCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials only (STS, SSO, IMDS...). */
  readonly sessionToken?: string | undefined;
}

/**
 * A header value. A list is one header sent several times; it is signed (and returned) as its
 * values joined with `,`, in order. `undefined` means "no such header".
 */
export type HeaderValue = string | readonly string[] | undefined;

/** The request to sign: nothing but what goes on the wire. */
export interface SignableRequest {
  /** `GET`, `POST`, ... used as given (HTTP methods are case-sensitive). */
  readonly method: string;
  /**
   * Absolute `http(s)` URL, query included, as it will be sent (percent-encoded). Its path and
   * query are signed exactly as written: nothing re-encodes them first.
   */
  readonly url: string;
  /** Header names in any case; signed and returned in lower case. */
  readonly headers?: Readonly<Record<string, HeaderValue>> | undefined;
  readonly body?: string | Uint8Array | undefined;
}

/**
 * The signed request: the caller's request with its header names in lower case (names that
 * differed only in case merged, values joined with `,`), plus `authorization`, `x-amz-date`, and
 * `x-amz-security-token` / `x-amz-content-sha256` when they apply. `host` is signed from the URL
 * but not added: every HTTP client sends it from the URL.
 */
export interface SignedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array | undefined;
}

/** The options SigV4 and SigV4a share: everything but where the signature is good (region or region set). */
export interface CommonSigningOptions {
  readonly credentials: SigningCredentials;
  /** Signing name of the service: `ec2`, `sts`, `s3`, ... */
  readonly service: string;
  /** The signing time; default: now. `clockOffsetMs` is added to it either way. */
  readonly signingDate?: Date | number | undefined;
  /** Sign the payload as `UNSIGNED-PAYLOAD` instead of hashing the body. Default false. */
  readonly unsignedPayload?: boolean | undefined;
  /** Add and sign `x-amz-content-sha256` (S3 needs it). Header signing only. Default false. */
  readonly contentSha256Header?: boolean | undefined;
  /** Remove `.`/`..` segments and repeated `/` from the path before signing. Default true (S3: false). */
  readonly normalizePath?: boolean | undefined;
  /** URI-encode the (already encoded) path once more. Default true (S3: false). */
  readonly doubleEscapePath?: boolean | undefined;
  /** Include the session token in what is signed. Default true; false for the few services that want it added after signing. */
  readonly signSessionToken?: boolean | undefined;
  /** Milliseconds to add to the signing time: the server's clock minus ours (clock-skew correction). Default 0. */
  readonly clockOffsetMs?: number | undefined;
}

/** Options of `signRequest` (and the base of `presignUrl`'s). */
export interface SigningOptions extends CommonSigningOptions {
  /** Signing region: `us-east-1`, ... */
  readonly region: string;
}

/** Options of `presignUrl`. */
export interface PresignOptions extends SigningOptions {
  /** Seconds the URL stays valid, an integer from 1 to 604800 (7 days). Default 3600. */
  readonly expiresIn?: number | undefined;
}

/**
 * The regions a SigV4a signature is good for: `'*'` (any region, what S3 multi-region access
 * points use), one region, or several (`['us-east-1', 'us-west-2']` or `'us-east-1,us-west-2'`).
 */
export type RegionSet = string | readonly string[];

/** Options of `signRequestV4a` (and the base of `presignUrlV4a`'s): SigV4's, with a region set instead of a region. */
export interface SigningOptionsV4a extends CommonSigningOptions {
  /** Where the signature is good: sent as `x-amz-region-set` (`X-Amz-Region-Set` in a presigned URL). */
  readonly regionSet: RegionSet;
}

/** Options of `presignUrlV4a`. */
export interface PresignOptionsV4a extends SigningOptionsV4a {
  /** Seconds the URL stays valid, an integer from 1 to 604800 (7 days). Default 3600. */
  readonly expiresIn?: number | undefined;
}

/** What went into a signature, for traces and for learning. Holds no secret and no signature. */
export interface SigningDetails {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
  /** `20150830/us-east-1/service/aws4_request` */
  readonly credentialScope: string;
  /** `host;x-amz-date` */
  readonly signedHeaders: string;
  /** `20150830T123600Z` */
  readonly amzDate: string;
  /** Hex SHA-256 of the body, or `UNSIGNED-PAYLOAD`. */
  readonly payloadHash: string;
}

/** What went into a SigV4a signature: SigV4's details plus the region set, as signed. */
export interface SigningDetailsV4a extends SigningDetails {
  /** `*`, `us-east-1,us-west-2`: the value of `x-amz-region-set`. */
  readonly regionSet: string;
}

/** A P-256 public key as its two coordinates, 64 lower-case hex digits each (the AWS suite's `public-key.json`). */
export interface EcdsaPublicKey {
  readonly x: string;
  readonly y: string;
}
