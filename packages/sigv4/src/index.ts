// @boto-ts/sigv4: AWS Signature Version 4, in headers (signRequest) or in the URL (presignUrl),
// SigV4a likewise (signRequestV4a, presignUrlV4a), plus each pure step on its own for those who
// want to see how a signature is made.

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
export { clearSigningKeyCache } from './clear-key-caches.js';
export { amzDate } from './date.js';
export { uriEncode } from './encoding.js';
export { SigningError } from './errors.js';
export { presignUrl, presignUrlWithDetails } from './presign.js';
export { signRequest, signRequestWithDetails } from './sign.js';
export { credentialScope, signature, signingKey } from './signing-key.js';
export {
  credentialScopeV4a,
  publicKeyV4a,
  type StringToSignV4aParts,
  signatureV4a,
  signingKeyV4a,
  stringToSignV4a,
  verifySignatureV4a,
} from './signing-key-v4a.js';
export {
  presignUrlV4a,
  presignUrlV4aWithDetails,
  signRequestV4a,
  signRequestV4aWithDetails,
} from './sigv4a.js';
export type {
  CommonSigningOptions,
  EcdsaPublicKey,
  HeaderValue,
  PresignOptions,
  PresignOptionsV4a,
  RegionSet,
  SignableRequest,
  SignedRequest,
  SigningCredentials,
  SigningDetails,
  SigningDetailsV4a,
  SigningOptions,
  SigningOptionsV4a,
} from './types.js';
export { formatRegionSet } from './validate.js';
