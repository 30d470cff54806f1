// Turns whatever a provider returned (ours, a v3-style provider, a JSON document) into a checked
// Credentials value. Messages name the fields that are wrong, never their values.

import { CredentialsError } from '../errors/errors.js';
import type { Credentials, CredentialsProvider } from './types.js';

function readDate(value: unknown): Date | undefined | 'invalid' {
  if (value === undefined || value === null) return undefined;
  const date =
    value instanceof Date
      ? value
      : typeof value === 'string' || typeof value === 'number'
        ? new Date(value)
        : undefined;
  return date && !Number.isNaN(date.getTime()) ? date : 'invalid';
}

/**
 * Checks a provider's answer: `accessKeyId` and `secretAccessKey` non-empty strings, optional
 * `sessionToken`, `expiration` (Date, ISO string or epoch ms), `accountId`. `origin` names the
 * provider in the error.
 */
export function checkCredentials(value: unknown, origin: string): Credentials {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) {
    throw new CredentialsError(
      `${origin} returned ${value === null ? 'null' : typeof value}, not credentials.`,
      {
        code: 'InvalidCredentials',
      },
    );
  }
  const record = value as Record<string, unknown>;
  const text = (key: string, required: boolean): string | undefined => {
    const field = record[key];
    if (field === undefined || field === null || (field === '' && !required)) {
      if (required) problems.push(`${key} is missing`);
      return undefined;
    }
    if (typeof field !== 'string' || field === '') {
      problems.push(`${key} must be a non-empty string`);
      return undefined;
    }
    return field;
  };
  const accessKeyId = text('accessKeyId', true);
  const secretAccessKey = text('secretAccessKey', true);
  const sessionToken = text('sessionToken', false);
  const accountId = text('accountId', false);
  const expiration = readDate(record.expiration);
  if (expiration === 'invalid') problems.push('expiration is not a valid date');
  if (problems.length > 0 || !accessKeyId || !secretAccessKey) {
    throw new CredentialsError(`${origin} gave unusable credentials: ${problems.join('; ')}.`, {
      code: 'InvalidCredentials',
    });
  }
  return Object.freeze({
    accessKeyId,
    secretAccessKey,
    ...(sessionToken ? { sessionToken } : {}),
    ...(expiration && expiration !== 'invalid' ? { expiration } : {}),
    ...(accountId ? { accountId } : {}),
  });
}

/** A provider that checks each answer of `provider` (v3-style providers plug in through this). */
export function checkedProvider(provider: () => Promise<unknown>, origin: string): CredentialsProvider {
  return async () => checkCredentials(await provider(), origin);
}

/** The account id inside an STS role ARN (`arn:aws:sts::123456789012:assumed-role/...`). */
export function accountIdFromArn(arn: string | undefined): string | undefined {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : undefined;
}
