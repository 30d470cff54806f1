// The accounts a server accepts: access key pairs (long-term, or temporary with a session token), the
// account id each belongs to, and actions denied to it (UnauthorizedOperation, as an IAM policy would).

import type { SigningIdentity } from './verifier.js';

/** One set of credentials the server accepts (the `accounts` option). */
export interface AccountOptions {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  /** Temporary credentials: requests must then carry this X-Amz-Security-Token. */
  readonly sessionToken?: string;
  /** 12 digits; default 123456789012. Keys with the same account id share resources. */
  readonly accountId?: string;
  /** Actions this key may not call, e.g. `['TerminateInstances']`: they answer UnauthorizedOperation. */
  readonly deny?: readonly string[];
}

export interface Account extends SigningIdentity {
  readonly accountId: string;
  readonly deny: ReadonlySet<string>;
}

/** The fixed credentials of a default server, printed by the `ec2-local` command. */
export const DEFAULT_CREDENTIALS = {
  accessKeyId: 'AKIAEC2LOCALEXAMPLE1',
  secretAccessKey: 'ec2-local/EXAMPLE/secret/access/key/0000',
} as const;

export const DEFAULT_ACCOUNT_ID = '123456789012';

export function resolveAccounts(options: readonly AccountOptions[] | undefined): Account[] {
  const list = options === undefined || options.length === 0 ? [DEFAULT_CREDENTIALS] : options;
  const seen = new Set<string>();
  return list.map((entry: AccountOptions) => {
    if (!entry.accessKeyId || !entry.secretAccessKey) {
      throw new TypeError('each entry of the accounts option needs accessKeyId and secretAccessKey');
    }
    if (seen.has(entry.accessKeyId))
      throw new TypeError(`access key id ${entry.accessKeyId} is listed twice in accounts`);
    seen.add(entry.accessKeyId);
    const accountId = entry.accountId ?? DEFAULT_ACCOUNT_ID;
    if (!/^\d{12}$/.test(accountId))
      throw new TypeError(`accountId must be 12 digits, got ${JSON.stringify(accountId)}`);
    return {
      accessKeyId: entry.accessKeyId,
      secretAccessKey: entry.secretAccessKey,
      sessionToken: entry.sessionToken,
      accountId,
      deny: new Set(entry.deny ?? []),
    };
  });
}
