// `session.accounts(organizations)`: every account of the organization, through Organizations
// ListAccounts, page by page. The Organizations client is a parameter (any object with
// `listAccounts(input, options)`, such as a generated OrganizationsClient), so core imports no client.

import { BotoError } from '../errors/errors.js';

/** An account as ListAccounts returns it (the members a sweep reads; others pass through). */
export interface OrganizationAccount {
  readonly Id?: string | undefined;
  readonly Arn?: string | undefined;
  readonly Name?: string | undefined;
  readonly Email?: string | undefined;
  /** `ACTIVE`, `SUSPENDED`, `PENDING_CLOSURE` (deprecated by AWS in favour of `State`). */
  readonly Status?: string | undefined;
  /** `ACTIVE`, `SUSPENDED`, `PENDING_ACTIVATION`, `PENDING_CLOSURE`, `CLOSED`. */
  readonly State?: string | undefined;
  readonly [member: string]: unknown;
}

/** What `accounts()` calls: Organizations ListAccounts (the generated client's method has this shape). */
export interface AccountLister {
  listAccounts(
    input: { NextToken?: string; MaxResults?: number },
    options?: { signal?: AbortSignal | undefined },
  ): Promise<{ readonly Accounts?: readonly OrganizationAccount[]; readonly NextToken?: string | undefined }>;
}

export interface AccountsOptions {
  /** Only accounts whose State (or, without one, Status) is ACTIVE. Default false: every account. */
  readonly activeOnly?: boolean | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Asked of Organizations per page (1 to 20). Default: the service's. */
  readonly pageSize?: number | undefined;
}

/** Pages stop after this many, a guard against a service that never ends its token chain. */
const MAX_PAGES = 10_000;

function isActive(account: OrganizationAccount): boolean {
  return (account.State ?? account.Status) === 'ACTIVE';
}

/** Every account of the organization, in the order Organizations lists them. */
export async function listOrganizationAccounts(
  organizations: AccountLister,
  options: AccountsOptions = {},
): Promise<OrganizationAccount[]> {
  if (typeof (organizations as Partial<AccountLister> | undefined)?.listAccounts !== 'function') {
    throw new BotoError(
      'InvalidAccountLister',
      'accounts() needs an Organizations client (or any object with listAccounts(input, options)); pass one, for example new OrganizationsClient({ session }).',
    );
  }
  const accounts: OrganizationAccount[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const input = {
      ...(token !== undefined ? { NextToken: token } : {}),
      ...(options.pageSize !== undefined ? { MaxResults: options.pageSize } : {}),
    };
    const output = await organizations.listAccounts(input, { signal: options.signal });
    for (const account of output.Accounts ?? []) {
      if (options.activeOnly !== true || isActive(account)) accounts.push(account);
    }
    token = output.NextToken || undefined;
    if (token === undefined) return accounts;
    if (seen.has(token)) {
      throw new BotoError(
        'PaginationTokenCycle',
        `ListAccounts returned the NextToken of an earlier page again (page ${page + 1}); stopping instead of looping forever.`,
      );
    }
    seen.add(token);
  }
  throw new BotoError('PaginationTokenCycle', `ListAccounts did not finish within ${MAX_PAGES} pages.`);
}
