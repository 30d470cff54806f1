// Web identity (EKS IRSA, GitHub OIDC...): a token file plus a role, from the environment
// (AWS_WEB_IDENTITY_TOKEN_FILE, AWS_ROLE_ARN, AWS_ROLE_SESSION_NAME, each winning over the profile)
// or the profile (`web_identity_token_file`, `role_arn`, `role_session_name`, `duration_seconds`).
// The token file is re-read on every refresh (it rotates); the STS call is unsigned.

import type { Env } from '../../config/paths.js';
import type { Profile } from '../../config/shared-config.js';
import { ConfigError, CredentialsError } from '../../errors/errors.js';
import { type CredentialSource, skip } from '../source.js';
import type { SourceContext } from '../source-context.js';
import { defaultRoleSessionName, readDurationSeconds } from './role-settings.js';

export function webIdentitySource(
  context: SourceContext,
  profile: () => Profile,
  options: { readonly useEnv: boolean },
): CredentialSource {
  return {
    name: 'web-identity',
    async load() {
      const selected = profile();
      const env: Env = options.useEnv ? context.effects.env : {};
      const tokenFile = env.AWS_WEB_IDENTITY_TOKEN_FILE || selected.get('web_identity_token_file');
      if (!tokenFile) {
        return skip(
          `${options.useEnv ? 'AWS_WEB_IDENTITY_TOKEN_FILE is not set and ' : ''}no web_identity_token_file in profile "${selected.name}"`,
        );
      }
      const roleArn = env.AWS_ROLE_ARN || selected.get('role_arn');
      if (!roleArn) {
        throw new ConfigError(
          `A web identity token file is configured but no role: set AWS_ROLE_ARN or role_arn in profile "${selected.name}".`,
          { code: 'InvalidWebIdentityConfig' },
        );
      }
      let webIdentityToken: string;
      try {
        webIdentityToken = (await context.effects.readFile(tokenFile)).trim();
      } catch (error) {
        throw new CredentialsError(
          `Cannot read the web identity token file ${tokenFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
          { code: 'WebIdentityTokenUnreadable', cause: error },
        );
      }
      return context.sts.assumeRoleWithWebIdentity(
        {
          roleArn,
          roleSessionName:
            env.AWS_ROLE_SESSION_NAME ||
            selected.get('role_session_name') ||
            defaultRoleSessionName(context.effects.now()),
          webIdentityToken,
          durationSeconds: readDurationSeconds(selected),
        },
        context.stsTarget(),
      );
    },
  };
}
