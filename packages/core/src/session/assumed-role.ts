// `session.assumeRole(...)`: the parameters checked before anything is sent, and the role's credentials
// as a provider in the SDK's refreshing cache (single flight, the usual refresh windows), fetched
// through STS with the parent session's credentials, so chains (a role assumed from a role) work.

import type { Logger } from '../client/types.js';
import { cacheCredentials } from '../credentials/refreshing-cache.js';
import { defaultRoleSessionName } from '../credentials/sources/role-settings.js';
import type { StsCalls, StsTarget } from '../credentials/sts-calls.js';
import type { CredentialsProvider } from '../credentials/types.js';
import { ValidationError, type ValidationProblem } from '../errors/errors.js';

/** AssumeRole's parameters, named as STS names them (boto3's `assume_role` keywords). */
export interface AssumeRoleOptions {
  readonly RoleArn: string;
  /** Default `boto-ts-session-<seconds since the epoch>`. */
  readonly RoleSessionName?: string | undefined;
  readonly ExternalId?: string | undefined;
  /** 900 to 43200; the role's default (one hour) when left out. A role assumed from a role: at most 3600. */
  readonly DurationSeconds?: number | undefined;
}

const ROLE_ARN = /^arn:[a-z0-9-]+:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
const EXTERNAL_ID = /^[\w+=,.@:/-]{2,1224}$/;

/** Every problem with `options`, as AssumeRole would refuse them (empty when there is none). */
export function assumeRoleProblems(options: AssumeRoleOptions): ValidationProblem[] {
  const problems: ValidationProblem[] = [];
  if (typeof options.RoleArn !== 'string' || !ROLE_ARN.test(options.RoleArn)) {
    problems.push({
      path: 'RoleArn',
      message: `expected a role ARN such as arn:aws:iam::111122223333:role/Name, got ${JSON.stringify(options.RoleArn)}`,
    });
  }
  const name = options.RoleSessionName;
  if (name !== undefined && (typeof name !== 'string' || !SESSION_NAME.test(name))) {
    problems.push({
      path: 'RoleSessionName',
      message: 'expected 2 to 64 letters, digits or any of _+=,.@-',
    });
  }
  const externalId = options.ExternalId;
  if (externalId !== undefined && (typeof externalId !== 'string' || !EXTERNAL_ID.test(externalId))) {
    problems.push({ path: 'ExternalId', message: 'expected 2 to 1224 letters, digits or any of _+=,.@:/-' });
  }
  const duration = options.DurationSeconds;
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 900 || duration > 43200)) {
    problems.push({
      path: 'DurationSeconds',
      message: `expected a whole number from 900 to 43200, got ${duration}`,
    });
  }
  return problems;
}

/** Throws ValidationError (nothing sent) when `options` cannot be an AssumeRole request. */
export function checkAssumeRoleOptions(options: AssumeRoleOptions): void {
  const problems = assumeRoleProblems(options);
  if (problems.length > 0) throw new ValidationError('AssumeRole', problems);
}

/** One role of one source: the same options from the same session share one credentials cache. */
export function assumedRoleKey(options: AssumeRoleOptions): string {
  return JSON.stringify([
    options.RoleArn,
    options.RoleSessionName,
    options.ExternalId,
    options.DurationSeconds,
  ]);
}

export interface AssumedRoleDeps {
  /** The parent session's credentials: what AssumeRole is signed with. */
  readonly source: CredentialsProvider;
  /** The STS calls (the session's `sts` option, else the generated STS client), loaded on first use. */
  readonly sts: () => Promise<StsCalls>;
  /** Where STS is called: the parent session's region and configured STS endpoint. */
  readonly target: () => StsTarget;
  readonly now: () => number;
  readonly random: () => number;
  readonly logger?: Logger | undefined;
}

/** The role's credentials, cached and refreshed on their own. */
export function assumedRoleProvider(options: AssumeRoleOptions, deps: AssumedRoleDeps): CredentialsProvider {
  const roleSessionName = options.RoleSessionName ?? defaultRoleSessionName(deps.now());
  const fetch: CredentialsProvider = async () =>
    (await deps.sts()).assumeRole(
      {
        roleArn: options.RoleArn,
        roleSessionName,
        externalId: options.ExternalId,
        durationSeconds: options.DurationSeconds,
      },
      deps.source,
      deps.target(),
    );
  return cacheCredentials(fetch, {
    source: `assumed role ${options.RoleArn}`,
    now: deps.now,
    random: deps.random,
    logger: deps.logger,
  });
}
