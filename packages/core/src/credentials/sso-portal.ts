// SSO GetRoleCredentials (rest-json, unsigned): one GET to
// `https://portal.sso.<region>.amazonaws.com/federation/credentials?role_name=..&account_id=..` with the
// cached access token in `x-amz-sso_bearer_token`. Written directly on the Transport: one operation
// does not need the query/ec2 pipeline. Errors never include the token.

import { CredentialsError, NetworkError, TimeoutError } from '../errors/errors.js';
import type { HttpResponse, Transport } from '../http/types.js';
import { checkCredentials } from './normalize.js';
import type { Credentials } from './types.js';

export interface RoleCredentialsRequest {
  /** `https://portal.sso.<region>.amazonaws.com`, or a configured endpoint URL. */
  readonly endpoint: string;
  readonly roleName: string;
  readonly accountId: string;
  readonly accessToken: string;
  /** Named in "run aws sso login" advice: `--profile dev` or `--sso-session corp`. */
  readonly loginHint: string;
}

export function ssoPortalEndpoint(region: string): string {
  return `https://portal.sso.${region}.amazonaws.com`;
}

/** The URL of the call (no secret in it: the token travels in a header). */
export function roleCredentialsUrl(
  request: Pick<RoleCredentialsRequest, 'endpoint' | 'roleName' | 'accountId'>,
): string {
  const query = `role_name=${encodeURIComponent(request.roleName)}&account_id=${encodeURIComponent(request.accountId)}`;
  return `${request.endpoint.replace(/\/+$/, '')}/federation/credentials?${query}`;
}

function errorType(response: HttpResponse): string {
  const header = response.headers['x-amzn-errortype'];
  if (header) return header.split(':')[0] as string;
  try {
    const body = JSON.parse(Buffer.from(response.body).toString('utf8')) as Record<string, unknown>;
    const type = body.__type ?? body.code ?? body.Code;
    if (typeof type === 'string') return type.split('#').pop() as string;
  } catch {}
  return `Http${response.statusCode}`;
}

export async function getRoleCredentials(
  transport: Transport,
  request: RoleCredentialsRequest,
  options: {
    readonly attempts?: number;
    readonly sleep?: (ms: number) => Promise<void>;
    readonly timeoutMs?: number;
  } = {},
): Promise<Credentials> {
  const url = roleCredentialsUrl(request);
  const attempts = options.attempts ?? 3;
  let problem = '';
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (attempt > 1)
      await (options.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(100 * 2 ** attempt);
    let response: HttpResponse;
    try {
      response = await transport.send(
        {
          method: 'GET',
          url,
          headers: { accept: 'application/json', 'x-amz-sso_bearer_token': request.accessToken },
        },
        { timeouts: { connectMs: 5000, totalMs: options.timeoutMs ?? 10_000 } },
      );
    } catch (error) {
      if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
      problem = error.message;
      continue;
    }
    if (response.statusCode === 200) {
      let body: { roleCredentials?: Record<string, unknown> };
      try {
        body = JSON.parse(Buffer.from(response.body).toString('utf8')) as typeof body;
      } catch (error) {
        throw new CredentialsError('SSO GetRoleCredentials answered with invalid JSON.', {
          cause: error,
          code: 'SsoError',
        });
      }
      const role = body.roleCredentials ?? {};
      return checkCredentials(
        {
          accessKeyId: role.accessKeyId,
          secretAccessKey: role.secretAccessKey,
          sessionToken: role.sessionToken,
          expiration: role.expiration,
          accountId: request.accountId,
        },
        'SSO GetRoleCredentials',
      );
    }
    const type = errorType(response);
    if (response.statusCode === 401 || type === 'UnauthorizedException') {
      throw new CredentialsError(
        `The SSO portal rejected the cached token (${type}); run \`aws sso login ${request.loginHint}\` and try again.`,
        { code: 'SsoTokenRejected' },
      );
    }
    if (
      response.statusCode === 403 ||
      type === 'ForbiddenException' ||
      type === 'ResourceNotFoundException'
    ) {
      throw new CredentialsError(
        `The SSO portal refused role ${request.roleName} in account ${request.accountId} (${type}); check sso_role_name and sso_account_id.`,
        { code: 'SsoRoleRefused' },
      );
    }
    problem = `HTTP ${response.statusCode} ${type}`;
    if (response.statusCode < 500 && response.statusCode !== 429) break;
  }
  throw new CredentialsError(`SSO GetRoleCredentials failed (${problem}).`, { code: 'SsoError' });
}
