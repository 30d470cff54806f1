// @boto-ts/sigv4: AWS Signature Version 4, in headers (signRequest) or in the URL (presignUrl),
// plus each pure step on its own for those who want to see how a signature is made.

export {
  type CanonicalHeaders,
  foldHeaderValue,
  formatCanonicalHeaders,
  isSignableHeader,
  UNSIGNABLE_HEADERS,
} from './canonical-headers.js';
export { canonicalQueryString } from './canonical-query.js';
export {
  type CanonicalRequestOptions,
  canonicalRequest,
  payloadHash,
  type StringToSignParts,
  stringToSign,
  UNSIGNED_PAYLOAD,
} from './canonical-request.js';
export { type CanonicalUriOptions, canonicalUri, normalizePath } from './canonical-uri.js';
export { amzDate } from './date.js';
export { uriEncode } from './encoding.js';
export { SigningError } from './errors.js';
export { clearSigningKeyCache } from './key-cache.js';
export { presignUrl, presignUrlWithDetails } from './presign.js';
export { signRequest, signRequestWithDetails } from './sign.js';
export { credentialScope, signature, signingKey } from './signing-key.js';
export type {
  HeaderValue,
  PresignOptions,
  SignableRequest,
  SignedRequest,
  SigningCredentials,
  SigningDetails,
  SigningOptions,
} from './types.js';
