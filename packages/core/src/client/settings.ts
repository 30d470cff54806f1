// A client's settings, resolved once on its first call: code options first, then the session's
// defaults (config.session, or the process-wide default session, loaded only when the code leaves
// something out), then the SDK's defaults. Nothing here touches the network.

import type { Credentials, CredentialsProvider } from '../credentials/types.js';
import { type ResolvedEndpoint, resolveEndpoint } from '../endpoints/resolve.js';
import { CredentialsError } from '../errors/errors.js';
import { createNodeTransport } from '../http/node-transport.js';
import type { HttpTimeouts, Transport } from '../http/types.js';
import type { ServiceSchema } from '../protocol/schema.js';
import { RetryPolicy } from '../retry/policy.js';
import type { Sleep } from '../retry/rate-limiter.js';
import type { OutputDecoder } from '../xml/output-types.js';
import type { ClientConfig, ClientDefaults } from './types.js';
import { buildUserAgent } from './user-agent.js';

/** The SDKs' `standard` defaults-mode connect timeout, and botocore's read timeout. */
export const DEFAULT_CONNECT_TIMEOUT_MS = 3_100;
export const DEFAULT_FIRST_BYTE_TIMEOUT_MS = 60_000;

export interface ClientSettings {
  readonly endpoint: ResolvedEndpoint;
  readonly credentials: CredentialsProvider | undefined;
  readonly retry: RetryPolicy;
  readonly transport: Transport;
  /** The client created the transport, so `destroy()` closes it. */
  readonly ownsTransport: boolean;
  readonly userAgent: string;
  readonly timeouts: HttpTimeouts;
  /** The XML protocols' decoder of successful bodies, when the client chose one (`xmlDecoder`). */
  readonly xmlDecoder: OutputDecoder | undefined;
}

/** Static credentials as a provider, checked once; a provider is taken as it is. */
export function credentialsProvider(credentials: Credentials | CredentialsProvider): CredentialsProvider {
  if (typeof credentials === 'function') return credentials;
  checkCredentials(credentials, 'the credentials option');
  const resolved = Promise.resolve(credentials);
  return () => resolved;
}

/** Throws CredentialsError (naming the field, never showing a value) unless both keys are non-empty strings. */
export function checkCredentials(credentials: unknown, source: string): asserts credentials is Credentials {
  const c = credentials as Partial<Credentials> | null | undefined;
  for (const field of ['accessKeyId', 'secretAccessKey'] as const) {
    const value = c?.[field];
    if (typeof value !== 'string' || value === '') {
      throw new CredentialsError(
        `${source} gave no ${field}: pass { accessKeyId, secretAccessKey, sessionToken? }`,
      );
    }
  }
}

async function sessionDefaults(config: ClientConfig, configKey: string): Promise<ClientDefaults | undefined> {
  if (config.session !== undefined) return config.session.clientDefaults(configKey);
  if (config.region !== undefined && config.credentials !== undefined && config.endpointUrl !== undefined) {
    return undefined;
  }
  // Loaded only now: a client whose code gives everything never reads a config file.
  const { defaultSession } = await import('../session/index.js');
  return defaultSession().clientDefaults(configKey);
}

export async function resolveClientSettings(
  service: ServiceSchema,
  config: ClientConfig,
  effects: { readonly now: () => number; readonly random: () => number; readonly sleep: Sleep },
): Promise<ClientSettings> {
  const defaults = await sessionDefaults(config, service.configKey);
  const endpoint = resolveEndpoint(service, {
    region: config.region ?? defaults?.region,
    useFipsEndpoint: config.useFipsEndpoint ?? defaults?.useFipsEndpoint,
    useDualstackEndpoint: config.useDualstackEndpoint ?? defaults?.useDualstackEndpoint,
    endpointUrl: config.endpointUrl ?? defaults?.endpointUrl,
  });
  const given = config.credentials ?? defaults?.credentials;
  const retry = new RetryPolicy({
    mode: config.retryMode ?? defaults?.retryMode,
    maxAttempts: config.maxAttempts ?? defaults?.maxAttempts,
    configKey: service.configKey,
    now: effects.now,
    random: effects.random,
    sleep: effects.sleep,
  });
  const userAgent = buildUserAgent({
    serviceId: service.serviceId,
    apiVersion: service.apiVersion,
    retryMode: retry.mode,
    appId: config.appId ?? defaults?.appId,
  });
  return {
    endpoint,
    credentials: given === undefined ? undefined : credentialsProvider(given),
    retry,
    transport: config.transport ?? createNodeTransport(),
    ownsTransport: config.transport === undefined,
    userAgent,
    timeouts: {
      connectMs: config.timeouts?.connectMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      firstByteMs: config.timeouts?.firstByteMs ?? DEFAULT_FIRST_BYTE_TIMEOUT_MS,
      totalMs: config.timeouts?.totalMs,
    },
    xmlDecoder: config.xmlDecoder,
  };
}
