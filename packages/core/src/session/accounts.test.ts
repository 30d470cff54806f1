import { describe, expect, it } from 'vitest';
import type { AccountLister, OrganizationAccount } from './accounts.js';
import { Session } from './session.js';

/** A lister that answers ListAccounts from pages, recording each input. */
function scriptedLister(
  pages: readonly (readonly OrganizationAccount[])[],
  tokens?: readonly (string | undefined)[],
) {
  const inputs: { NextToken?: string; MaxResults?: number }[] = [];
  const signals: (AbortSignal | undefined)[] = [];
  const lister: AccountLister = {
    async listAccounts(input, options) {
      inputs.push(input);
      signals.push(options?.signal);
      const at = input.NextToken === undefined ? 0 : Number(input.NextToken.slice(5));
      const next = tokens ? tokens[at] : at + 1 < pages.length ? `page-${at + 1}` : undefined;
      return { Accounts: pages[at] ?? [], ...(next !== undefined ? { NextToken: next } : {}) };
    },
  };
  return { lister, inputs, signals };
}

const account = (id: string, state = 'ACTIVE'): OrganizationAccount => ({
  Id: id,
  Name: `acct-${id}`,
  State: state,
});
const session = new Session({
  region: 'us-east-1',
  env: {},
  credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
});

describe('session.accounts', () => {
  it('follows NextToken through every page, in order, passing the page size and signal', async () => {
    const { lister, inputs, signals } = scriptedLister([
      [account('1'), account('2')],
      [account('3')],
      [account('4', 'SUSPENDED')],
    ]);
    const signal = new AbortController().signal;
    const accounts = await session.accounts(lister, { pageSize: 2, signal });
    expect(accounts.map((a) => a.Id)).toEqual(['1', '2', '3', '4']);
    expect(inputs).toEqual([
      { MaxResults: 2 },
      { NextToken: 'page-1', MaxResults: 2 },
      { NextToken: 'page-2', MaxResults: 2 },
    ]);
    expect(signals.every((s) => s === signal)).toBe(true);
  });

  it('keeps only active accounts with activeOnly, reading State, else the older Status', async () => {
    const { lister } = scriptedLister([
      [
        account('1'),
        account('2', 'SUSPENDED'),
        { Id: '3', Status: 'ACTIVE' },
        { Id: '4', Status: 'PENDING_CLOSURE' },
      ],
    ]);
    expect((await session.accounts(lister, { activeOnly: true })).map((a) => a.Id)).toEqual(['1', '3']);
  });

  it('stops with an error when the service repeats a token, instead of looping', async () => {
    const { lister } = scriptedLister([[account('1')], [account('2')]], ['page-1', 'page-1']);
    await expect(session.accounts(lister)).rejects.toMatchObject({ code: 'PaginationTokenCycle' });
  });

  it('passes service errors through, and refuses something that is not a lister', async () => {
    const denied = Object.assign(new Error('not in an organization'), {
      code: 'AWSOrganizationsNotInUseException',
    });
    await expect(session.accounts({ listAccounts: () => Promise.reject(denied) })).rejects.toBe(denied);
    await expect(session.accounts({} as AccountLister)).rejects.toThrow(/needs an Organizations client/);
  });
});
