// The two STS calls the chain makes (AssumeRole, AssumeRoleWithWebIdentity), as a narrow port: the
// sources depend on this interface, and sts-client-calls.ts implements it with the generated STS
// client on the SDK's own request pipeline. Tests may pass another implementation.

import type { Logger, RetryMode } from '../client/types.js';
import type { Transport } from '../http/types.js';
import type { Credentials, CredentialsProvider } from './types.js';

/** Where and how to call STS: the session's region and configured endpoint. */
export interface StsTarget {
  readonly region: string;
  readonly endpointUrl?: string | undefined;
  readonly retryMode?: RetryMode | undefined;
  readonly maxAttempts?: number | undefined;
  readonly useFipsEndpoint?: boolean | undefined;
  readonly useDualstackEndpoint?: boolean | undefined;
  /** Transport for the STS request; default the pipeline's. */
  readonly transport?: Transport | undefined;
  /** Receives the STS client's trace events (redacted by the pipeline). */
  readonly logger?: Logger | undefined;
}

export interface AssumeRoleParams {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly externalId?: string | undefined;
  readonly durationSeconds?: number | undefined;
  readonly serialNumber?: string | undefined;
  readonly tokenCode?: string | undefined;
}

export interface WebIdentityParams {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly webIdentityToken: string;
  readonly durationSeconds?: number | undefined;
}

export interface StsCalls {
  /** Signed with `credentials`; resolves to the role's temporary credentials. */
  assumeRole(
    params: AssumeRoleParams,
    credentials: CredentialsProvider,
    target: StsTarget,
  ): Promise<Credentials>;
  /** Unsigned (the token is the proof). */
  assumeRoleWithWebIdentity(params: WebIdentityParams, target: StsTarget): Promise<Credentials>;
}
