// StsCalls on the generated STS client and the SDK's own request pipeline.

import { CredentialsError } from '../errors/errors.js';
import type { StsCalls } from './sts-calls.js';

export function defaultStsCalls(): StsCalls {
  const unavailable = (): Promise<never> =>
    Promise.reject(
      new CredentialsError('The STS client is not available in this build.', { code: 'StsUnavailable' }),
    );
  return { assumeRole: unavailable, assumeRoleWithWebIdentity: unavailable };
}
