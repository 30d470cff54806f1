// Test support: one loopback server answering the credential endpoints a chain may call: IMDSv2
// (token, role, credentials), container credentials, and SSO GetRoleCredentials; plus a recording
// StsCalls. Each source answers with its own access key id, so tests can tell which source won.

import type { StsCalls } from '../sts-calls.js';
import { type Handler, type LoopbackServer, SECRET, startLoopback } from './loopback.js';

export interface FakeAwsOptions {
  /** `v2` (default), `v1-only` (token PUT answers 403), `no-role`, `hang` (never answers IMDS). */
  readonly imds?: 'v2' | 'v1-only' | 'no-role' | 'hang' | 'error';
  /** Expected container Authorization header; others get 401. */
  readonly containerToken?: string;
  /** Expected SSO bearer token; others get 401. */
  readonly ssoToken?: string;
  readonly expiration?: Date;
}

export const IMDS_ROLE = 'fixture-instance-role';
export const IMDS_TOKEN = 'imds-session-token-value';

export async function startFakeAws(options: FakeAwsOptions = {}): Promise<LoopbackServer> {
  const expiration = (options.expiration ?? new Date(Date.now() + 6 * 3600_000)).toISOString();
  const handler: Handler = (request) => {
    const url = new URL(request.url, 'http://x');
    if (url.pathname.startsWith('/latest/')) {
      if (options.imds === 'hang') return 'hang';
      if (options.imds === 'error') return { status: 500 };
      if (url.pathname === '/latest/api/token') {
        if (request.method !== 'PUT') return { status: 405 };
        if (options.imds === 'v1-only') return { status: 403 };
        if (request.headers['x-aws-ec2-metadata-token-ttl-seconds'] !== '21600') return { status: 400 };
        return { body: IMDS_TOKEN };
      }
      const v1 = options.imds === 'v1-only';
      if (!v1 && request.headers['x-aws-ec2-metadata-token'] !== IMDS_TOKEN) return { status: 401 };
      if (url.pathname === '/latest/meta-data/iam/security-credentials/') {
        return options.imds === 'no-role' ? { status: 404 } : { body: `${IMDS_ROLE}\n` };
      }
      if (url.pathname === `/latest/meta-data/iam/security-credentials/${IMDS_ROLE}`) {
        return {
          body: {
            Code: 'Success',
            Type: 'AWS-HMAC',
            AccessKeyId: v1 ? 'ASIAIMDSV1' : 'ASIAIMDS',
            SecretAccessKey: SECRET.key,
            Token: SECRET.token,
            Expiration: expiration,
          },
        };
      }
      return { status: 404 };
    }
    if (url.pathname.startsWith('/container/')) {
      if (options.containerToken !== undefined && request.headers.authorization !== options.containerToken) {
        return { status: 401, body: { code: 'Unauthorized' } };
      }
      return {
        body: {
          AccessKeyId: 'ASIACONTAINER',
          SecretAccessKey: SECRET.key,
          Token: SECRET.token,
          Expiration: expiration,
          AccountId: '123456789012',
        },
      };
    }
    if (url.pathname === '/federation/credentials') {
      if (options.ssoToken !== undefined && request.headers['x-amz-sso_bearer_token'] !== options.ssoToken) {
        return {
          status: 401,
          headers: { 'x-amzn-errortype': 'UnauthorizedException:' },
          body: { message: 'Session token not found or invalid' },
        };
      }
      return {
        body: {
          roleCredentials: {
            accessKeyId: 'ASIASSO',
            secretAccessKey: SECRET.key,
            sessionToken: SECRET.token,
            expiration: Date.parse(expiration),
          },
        },
      };
    }
    return { status: 404 };
  };
  return startLoopback(handler);
}

export interface RecordedStsCall {
  readonly operation: 'AssumeRole' | 'AssumeRoleWithWebIdentity';
  readonly params: Record<string, unknown>;
  readonly sourceAccessKeyId?: string;
  readonly region: string;
  readonly endpointUrl?: string | undefined;
}

/** A StsCalls that records each call and answers with `ASIA<ROLE NAME>` keys. */
export function recordingSts(): StsCalls & { calls: RecordedStsCall[] } {
  const calls: RecordedStsCall[] = [];
  const answer = (roleArn: string) => ({
    accessKeyId: `ASIA${(roleArn.split('/').pop() ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '')}`,
    secretAccessKey: SECRET.other,
    sessionToken: SECRET.token,
    expiration: new Date(Date.now() + 3600_000),
  });
  return {
    calls,
    async assumeRole(params, credentials, target) {
      const source = await credentials();
      calls.push({
        operation: 'AssumeRole',
        params: { ...params },
        sourceAccessKeyId: source.accessKeyId,
        region: target.region,
        endpointUrl: target.endpointUrl,
      });
      return answer(params.roleArn);
    },
    async assumeRoleWithWebIdentity(params, target) {
      calls.push({
        operation: 'AssumeRoleWithWebIdentity',
        params: { ...params },
        region: target.region,
        endpointUrl: target.endpointUrl,
      });
      return answer(params.roleArn);
    },
  };
}
