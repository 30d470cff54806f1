// Credentials from the environment: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and optionally
// AWS_SESSION_TOKEN (or the older AWS_SECURITY_TOKEN), AWS_CREDENTIAL_EXPIRATION, AWS_ACCOUNT_ID.

import type { Env } from '../../config/paths.js';
import { CredentialsError } from '../../errors/errors.js';
import { checkCredentials } from '../normalize.js';
import { type CredentialSource, skip } from '../source.js';

export function environmentSource(env: Env, name = 'environment'): CredentialSource {
  return {
    name,
    async load() {
      const accessKeyId = env.AWS_ACCESS_KEY_ID || undefined;
      const secretAccessKey = env.AWS_SECRET_ACCESS_KEY || undefined;
      if (!accessKeyId && !secretAccessKey) {
        return skip('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set');
      }
      if (!accessKeyId || !secretAccessKey) {
        const missing = accessKeyId ? 'AWS_SECRET_ACCESS_KEY' : 'AWS_ACCESS_KEY_ID';
        throw new CredentialsError(
          `${missing} is not set but its partner is; set both AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or neither.`,
          { code: 'PartialCredentials' },
        );
      }
      return checkCredentials(
        {
          accessKeyId,
          secretAccessKey,
          sessionToken: env.AWS_SESSION_TOKEN || env.AWS_SECURITY_TOKEN || undefined,
          expiration: env.AWS_CREDENTIAL_EXPIRATION || undefined,
          accountId: env.AWS_ACCOUNT_ID || undefined,
        },
        'the environment (AWS_CREDENTIAL_EXPIRATION)',
      );
    },
  };
}
