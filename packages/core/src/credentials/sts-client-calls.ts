// StsCalls on the generated STS client and the SDK's own request pipeline (query protocol, SigV4,
// retries). The STS code is loaded on the first role assumption, so sessions that never assume a
// role never load it. Every setting is given explicitly: these clients never fall back to the
// default session, which could otherwise ask this very chain for credentials. A client made here is
// destroyed after its one call, unless it runs on a transport the caller owns.

import type { ClientConfig, ClientDefaults, SessionLike } from '../client/types.js';
import { BotoError, CredentialsError } from '../errors/errors.js';
import { accountIdFromArn, checkCredentials } from './normalize.js';
import type { StsCalls, StsTarget } from './sts-calls.js';
import type { Credentials, CredentialsProvider } from './types.js';

// The per-operation functions and the bare client only (not the STSClient class): what a bundle
// that includes the chain carries.
type StsModule = typeof import('../generated/sts/functions.js');
let stsModule: Promise<StsModule> | undefined;

function loadSts(): Promise<StsModule> {
  stsModule ??= import('../generated/sts/functions.js');
  return stsModule;
}

const noCredentials: CredentialsProvider = () =>
  Promise.reject(
    new CredentialsError('AssumeRoleWithWebIdentity is unsigned; no credentials are used for it.', {
      code: 'UnsignedOperation',
    }),
  );

function clientConfig(target: StsTarget, credentials: CredentialsProvider): ClientConfig {
  const defaults: ClientDefaults = {
    region: target.region,
    credentials,
    endpointUrl: target.endpointUrl,
    retryMode: target.retryMode,
    maxAttempts: target.maxAttempts,
    useFipsEndpoint: target.useFipsEndpoint,
    useDualstackEndpoint: target.useDualstackEndpoint,
  };
  const session: SessionLike = { clientDefaults: () => defaults };
  return {
    session,
    region: target.region,
    credentials,
    endpointUrl: target.endpointUrl,
    retryMode: target.retryMode,
    maxAttempts: target.maxAttempts,
    useFipsEndpoint: target.useFipsEndpoint,
    useDualstackEndpoint: target.useDualstackEndpoint,
    ...(target.transport ? { transport: target.transport } : {}),
    ...(target.logger ? { logger: target.logger } : {}),
  };
}

interface StsOutput {
  readonly Credentials?: {
    readonly AccessKeyId?: string;
    readonly SecretAccessKey?: string;
    readonly SessionToken?: string;
    readonly Expiration?: Date;
  };
  readonly AssumedRoleUser?: { readonly Arn?: string };
}

function toCredentials(output: StsOutput, what: string): Credentials {
  const c = output.Credentials;
  return checkCredentials(
    {
      accessKeyId: c?.AccessKeyId,
      secretAccessKey: c?.SecretAccessKey,
      sessionToken: c?.SessionToken,
      expiration: c?.Expiration,
      accountId: accountIdFromArn(output.AssumedRoleUser?.Arn),
    },
    what,
  );
}

function failed(what: string, error: unknown): CredentialsError {
  if (error instanceof CredentialsError) return error;
  const detail = error instanceof BotoError ? `${error.code}: ${error.message}` : String(error);
  return new CredentialsError(`${what} failed (${detail}).`, {
    code: error instanceof BotoError ? error.code : 'StsError',
    cause: error,
  });
}

/** The STS calls of the chain, made with the generated STS client. */
export function defaultStsCalls(): StsCalls {
  return {
    async assumeRole(params, credentials, target) {
      const what = `AssumeRole of ${params.roleArn}`;
      const sts = await loadSts();
      const client = sts.createSTSBareClient(clientConfig(target, credentials));
      try {
        const output = await sts.assumeRole(client, {
          RoleArn: params.roleArn,
          RoleSessionName: params.roleSessionName,
          ...(params.externalId !== undefined ? { ExternalId: params.externalId } : {}),
          ...(params.durationSeconds !== undefined ? { DurationSeconds: params.durationSeconds } : {}),
          ...(params.serialNumber !== undefined ? { SerialNumber: params.serialNumber } : {}),
          ...(params.tokenCode !== undefined ? { TokenCode: params.tokenCode } : {}),
        });
        return toCredentials(output, what);
      } catch (error) {
        throw failed(what, error);
      } finally {
        if (!target.transport) await client.destroy();
      }
    },
    async assumeRoleWithWebIdentity(params, target) {
      const what = `AssumeRoleWithWebIdentity of ${params.roleArn}`;
      const sts = await loadSts();
      const client = sts.createSTSBareClient(clientConfig(target, noCredentials));
      try {
        const output = await sts.assumeRoleWithWebIdentity(client, {
          RoleArn: params.roleArn,
          RoleSessionName: params.roleSessionName,
          WebIdentityToken: params.webIdentityToken,
          ...(params.durationSeconds !== undefined ? { DurationSeconds: params.durationSeconds } : {}),
        });
        return toCredentials(output, what);
      } catch (error) {
        throw failed(what, error);
      } finally {
        if (!target.transport) await client.destroy();
      }
    },
  };
}
