// The default credential chain's source names in botocore's order, apart from the sources themselves
// so that exporting the list loads none of them.

/** The names of the default chain's sources, in order (for documentation and tests). */
export const DEFAULT_CHAIN_ORDER = [
  'environment',
  'assume-role',
  'web-identity',
  'sso',
  'credentials-file',
  'credential-process',
  'config-file',
  'container',
  'imds',
] as const;
