// Instance metadata (IMDSv2): PUT /latest/api/token (TTL 21600 s), then the role name and the role's
// credentials with that token. IMDSv1 (no token) only when the token call is refused (403/404/405) and
// v1 is not disabled. Off EC2 nothing answers: the first lookup gives up after one timeout (1 s by
// default) and the process remembers that endpoint as absent, so later sessions skip it at once.

import { readBoolean, readPositiveInteger, readString, type SettingsSource } from '../../config/settings.js';
import { ConfigError, NetworkError, TimeoutError } from '../../errors/errors.js';
import type { HttpResponse } from '../../http/types.js';
import type { CredentialEffects } from '../effects.js';
import { checkCredentials } from '../normalize.js';
import { type CredentialSource, skip } from '../source.js';

export const IMDS_IPV4_ENDPOINT = 'http://169.254.169.254';
export const IMDS_IPV6_ENDPOINT = 'http://[fd00:ec2::254]';
export const IMDS_TOKEN_TTL_SECONDS = 21600;
const CREDENTIALS_PATH = '/latest/meta-data/iam/security-credentials/';

export interface ImdsSettings {
  readonly disabled: boolean;
  readonly endpoint: string;
  readonly v1Disabled: boolean;
  readonly timeoutMs: number;
  readonly attempts: number;
}

/** IMDS settings from the environment and profile, botocore's names and defaults. */
export function readImdsSettings(source: SettingsSource): ImdsSettings {
  const disabled = (source.env.AWS_EC2_METADATA_DISABLED ?? '').trim().toLowerCase() === 'true';
  const configured = readString(source, {
    env: 'AWS_EC2_METADATA_SERVICE_ENDPOINT',
    key: 'ec2_metadata_service_endpoint',
  });
  const mode = readString(source, {
    env: 'AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE',
    key: 'ec2_metadata_service_endpoint_mode',
  })?.toLowerCase();
  if (mode !== undefined && mode !== 'ipv4' && mode !== 'ipv6') {
    throw new ConfigError(`The IMDS endpoint mode must be IPv4 or IPv6, not "${mode}".`, {
      code: 'InvalidConfigValue',
    });
  }
  const timeoutSeconds = readPositiveInteger(source, {
    env: 'AWS_METADATA_SERVICE_TIMEOUT',
    key: 'metadata_service_timeout',
  });
  return {
    disabled,
    endpoint: (configured ?? (mode === 'ipv6' ? IMDS_IPV6_ENDPOINT : IMDS_IPV4_ENDPOINT)).replace(/\/+$/, ''),
    v1Disabled:
      readBoolean(source, { env: 'AWS_EC2_METADATA_V1_DISABLED', key: 'ec2_metadata_v1_disabled' }) ?? false,
    timeoutMs: (timeoutSeconds ?? 1) * 1000,
    attempts:
      readPositiveInteger(source, {
        env: 'AWS_METADATA_SERVICE_NUM_ATTEMPTS',
        key: 'metadata_service_num_attempts',
      }) ?? 1,
  };
}

/** Endpoints found silent in this process, with why. Shared on purpose: off EC2, ask once. */
const absentEndpoints = new Map<string, string>();

/** Whether an earlier lookup in this process found nothing at `endpoint`. */
export function imdsKnownAbsent(endpoint: string): boolean {
  return absentEndpoints.has(endpoint);
}

class Unreachable extends Error {}

export function imdsSource(effects: CredentialEffects, settings: () => ImdsSettings): CredentialSource {
  let token: { value: string; expiresAt: number } | undefined;

  const send = async (
    config: ImdsSettings,
    method: string,
    path: string,
    headers: Record<string, string>,
  ): Promise<HttpResponse> => {
    let last: HttpResponse | undefined;
    for (let attempt = 1; attempt <= config.attempts; attempt++) {
      try {
        last = await effects.transport.send(
          { method, url: `${config.endpoint}${path}`, headers },
          { timeouts: { totalMs: config.timeoutMs } },
        );
      } catch (error) {
        if (error instanceof NetworkError || error instanceof TimeoutError)
          throw new Unreachable(error.message);
        throw error;
      }
      if (last.statusCode < 500) return last;
    }
    return last as HttpResponse;
  };

  /** The session token, or undefined for IMDSv1; a string result means skip with that reason. */
  const fetchToken = async (config: ImdsSettings): Promise<{ token?: string } | string> => {
    if (token && token.expiresAt > effects.now()) return { token: token.value };
    const response = await send(config, 'PUT', '/latest/api/token', {
      'x-aws-ec2-metadata-token-ttl-seconds': String(IMDS_TOKEN_TTL_SECONDS),
    });
    if (response.statusCode === 200) {
      const value = Buffer.from(response.body).toString('utf8').trim();
      token = { value, expiresAt: effects.now() + (IMDS_TOKEN_TTL_SECONDS - 60) * 1000 };
      return { token: value };
    }
    if ([403, 404, 405].includes(response.statusCode)) {
      if (config.v1Disabled) {
        return `the IMDSv2 token request was refused (HTTP ${response.statusCode}) and IMDSv1 is disabled`;
      }
      return {};
    }
    return `the IMDSv2 token request failed with HTTP ${response.statusCode}`;
  };

  const load = async (config: ImdsSettings) => {
    const got = await fetchToken(config);
    if (typeof got === 'string') return skip(got);
    const headers: Record<string, string> = got.token ? { 'x-aws-ec2-metadata-token': got.token } : {};
    const roleResponse = await send(config, 'GET', CREDENTIALS_PATH, headers);
    if (roleResponse.statusCode === 401) token = undefined;
    if (roleResponse.statusCode === 404)
      return skip('the instance has no IAM role (instance profile) attached');
    if (roleResponse.statusCode !== 200)
      return skip(`listing the instance role failed with HTTP ${roleResponse.statusCode}`);
    const role = Buffer.from(roleResponse.body).toString('utf8').split('\n')[0]?.trim();
    if (!role) return skip('the instance has no IAM role (instance profile) attached');
    const credsResponse = await send(
      config,
      'GET',
      `${CREDENTIALS_PATH}${encodeURIComponent(role)}`,
      headers,
    );
    if (credsResponse.statusCode !== 200) {
      return skip(`reading the credentials of role ${role} failed with HTTP ${credsResponse.statusCode}`);
    }
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(Buffer.from(credsResponse.body).toString('utf8')) as Record<string, unknown>;
    } catch {
      return skip(`the credentials of role ${role} are not valid JSON`);
    }
    if (body.Code !== undefined && body.Code !== 'Success')
      return skip(`IMDS answered Code ${String(body.Code)}`);
    return checkCredentials(
      {
        accessKeyId: body.AccessKeyId,
        secretAccessKey: body.SecretAccessKey,
        sessionToken: body.Token,
        expiration: body.Expiration,
        accountId: body.AccountId,
      },
      `IMDS role ${role}`,
    );
  };

  return {
    name: 'imds',
    async load() {
      const config = settings();
      if (config.disabled) return skip('AWS_EC2_METADATA_DISABLED is true');
      const known = absentEndpoints.get(config.endpoint);
      if (known) return skip(`${known} (found earlier in this process; not asked again)`);
      try {
        return await load(config);
      } catch (error) {
        if (!(error instanceof Unreachable)) throw error;
        const reason = `no instance metadata service at ${config.endpoint}: ${error.message}`;
        absentEndpoints.set(config.endpoint, reason);
        return skip(reason);
      }
    },
  };
}
