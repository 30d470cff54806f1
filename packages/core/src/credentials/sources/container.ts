// Container credentials (ECS task roles, EKS Pod Identity): `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
// under http://169.254.170.2, or `AWS_CONTAINER_CREDENTIALS_FULL_URI` to a loopback address or one of
// the ECS/EKS link-local hosts only; `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` (re-read on every call,
// as EKS rotates it) or `AWS_CONTAINER_AUTHORIZATION_TOKEN` as the Authorization header.

import { isIP } from 'node:net';
import { CredentialsError, NetworkError, TimeoutError } from '../../errors/errors.js';
import type { CredentialEffects } from '../effects.js';
import { checkCredentials } from '../normalize.js';
import { type CredentialSource, skip } from '../source.js';

export const ECS_CREDENTIALS_HOST = 'http://169.254.170.2';
/** Hosts a full URI may name besides loopback: ECS, EKS Pod Identity (IPv4 and IPv6). */
const LINK_LOCAL_HOSTS = new Set(['169.254.170.2', '169.254.170.23', 'fd00:ec2::23']);

export interface ContainerOptions {
  /** Base for the relative URI; default http://169.254.170.2 (tests point it at loopback). */
  readonly relativeUriBase?: string;
  /** Per-attempt timeout; default 2000 ms. */
  readonly timeoutMs?: number;
  /** Attempts on network errors and 5xx; default 3. */
  readonly attempts?: number;
}

/** True for 127.0.0.0/8, ::1 and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return /^::ffff:127\./.test(bare);
}

/** Checks a full URI; throws CredentialsError when it points anywhere but the allowed hosts. */
export function checkFullUri(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch (error) {
    throw new CredentialsError('AWS_CONTAINER_CREDENTIALS_FULL_URI is not a valid URL.', {
      code: 'InvalidContainerUri',
      cause: error,
    });
  }
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (
    (url.protocol !== 'http:' && url.protocol !== 'https:') ||
    !(isLoopbackHost(host) || LINK_LOCAL_HOSTS.has(host))
  ) {
    throw new CredentialsError(
      `AWS_CONTAINER_CREDENTIALS_FULL_URI points at ${url.protocol}//${url.host}; only loopback addresses and the ECS/EKS hosts 169.254.170.2, 169.254.170.23 and [fd00:ec2::23] are allowed.`,
      { code: 'InvalidContainerUri' },
    );
  }
  return url;
}

async function authorizationHeader(effects: CredentialEffects): Promise<string | undefined> {
  const tokenFile = effects.env.AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE;
  let token: string | undefined;
  if (tokenFile) {
    try {
      token = (await effects.readFile(tokenFile)).trim();
    } catch (error) {
      throw new CredentialsError(
        `Cannot read AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE ${tokenFile} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`,
        { code: 'ContainerTokenUnreadable', cause: error },
      );
    }
  } else token = effects.env.AWS_CONTAINER_AUTHORIZATION_TOKEN || undefined;
  if (token !== undefined && /[\r\n]/.test(token)) {
    throw new CredentialsError(
      'The container authorization token contains a line break; it cannot be sent.',
      {
        code: 'InvalidContainerToken',
      },
    );
  }
  return token;
}

export function containerSource(
  effects: CredentialEffects,
  options: ContainerOptions = {},
): CredentialSource {
  return {
    name: 'container',
    async load() {
      const relative = effects.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI;
      const full = effects.env.AWS_CONTAINER_CREDENTIALS_FULL_URI;
      if (!relative && !full) {
        return skip(
          'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and AWS_CONTAINER_CREDENTIALS_FULL_URI are not set',
        );
      }
      const url = relative
        ? new URL(relative, options.relativeUriBase ?? ECS_CREDENTIALS_HOST)
        : checkFullUri(full as string);
      const token = await authorizationHeader(effects);
      const headers: Record<string, string> = { accept: 'application/json' };
      if (token !== undefined) headers.authorization = token;
      const attempts = options.attempts ?? 3;
      const where = `${url.origin}${url.pathname}`;
      let lastProblem = '';
      for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1) await effects.sleep(200 * (attempt - 1));
        let response: Awaited<ReturnType<CredentialEffects['transport']['send']>>;
        try {
          response = await effects.transport.send(
            { method: 'GET', url: url.href, headers },
            { timeouts: { totalMs: options.timeoutMs ?? 2000 } },
          );
        } catch (error) {
          if (!(error instanceof NetworkError || error instanceof TimeoutError)) throw error;
          lastProblem = error.message;
          continue;
        }
        if (response.statusCode === 200) {
          let body: Record<string, unknown>;
          try {
            body = JSON.parse(Buffer.from(response.body).toString('utf8')) as Record<string, unknown>;
          } catch (error) {
            throw new CredentialsError(
              `The container credentials endpoint ${where} answered with invalid JSON.`,
              {
                code: 'ContainerCredentialsError',
                cause: error,
              },
            );
          }
          return checkCredentials(
            {
              accessKeyId: body.AccessKeyId,
              secretAccessKey: body.SecretAccessKey,
              sessionToken: body.Token,
              expiration: body.Expiration,
              accountId: body.AccountId,
            },
            `The container credentials endpoint ${where}`,
          );
        }
        lastProblem = `HTTP ${response.statusCode}`;
        if (response.statusCode < 500 && response.statusCode !== 429) break;
      }
      throw new CredentialsError(
        `Container credentials from ${where} failed (${lastProblem}); check the task role or pod identity association.`,
        { code: 'ContainerCredentialsError' },
      );
    },
  };
}
