// The leak guard itself must catch leaks, or the "no secret ever leaks" tests prove nothing.

import { describe, expect, it } from 'vitest';
import { LeakGuard, TEST_CREDENTIALS } from './test-support/leak-guard.js';

describe('leak guard', () => {
  it('fails when any collected text holds the secret key, the token, or a signature seen on the wire', () => {
    const signature = 'a'.repeat(64);
    for (const leaked of [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken, signature]) {
      const guard = new LeakGuard();
      guard.watch({
        received: [
          {
            method: 'POST',
            url: '/',
            body: '',
            rawBody: Buffer.alloc(0),
            connection: 0,
            headers: { authorization: `... Signature=${signature}` },
          },
        ],
      });
      guard.writeTrace(`harmless\n${leaked}\n`);
      expect(() => guard.assertClean()).toThrow(/a secret leaked/);
    }
  });
  it('looks through an error\u2019s message, stack, fields and cause chain', () => {
    const guard = new LeakGuard();
    const inner = Object.assign(new Error('inner'), { detail: `token ${TEST_CREDENTIALS.sessionToken}` });
    guard.record(new Error('outer', { cause: inner }));
    expect(() => guard.assertClean()).toThrow(/a secret leaked/);
    const clean = new LeakGuard();
    clean.record(new Error('nothing secret here'));
    expect(() => clean.assertClean()).not.toThrow();
  });
});
