// "No secret ever leaks", end to end: each reliability test file routes its clients' trace output and
// logger through one LeakGuard (core's test support), records every error it sees, and learns every
// signature from the proxies it watches. After the file's tests, the guard checks that it saw trace
// text, signatures and errors (a guard that saw nothing proves nothing) and that no collected text
// holds a secret key, a session token or one of those signatures. The scan is linear in the text
// collected (signatures are looked up by value), so files with thousands of calls stay fast.

import { afterAll, beforeAll, expect, vi } from 'vitest';
import { LeakGuard, TEST_CREDENTIALS } from '../../../../core/src/client/test-support/leak-guard.js';

const HEX_RUN = /[0-9a-f]{64,}/g;

export interface SecretGuard {
  readonly guard: LeakGuard;
  /** Signatures seen on the wire by these sources count as secrets. */
  watch(source: { readonly signatures: ReadonlySet<string> }): void;
  /** Another value that must never appear (other credentials a test uses). */
  forbid(secret: string): void;
}

/** The first leak found in `texts`, as a short excerpt with the secret masked; undefined when clean. */
export function findLeak(
  texts: readonly string[],
  secrets: readonly string[],
  signatures: ReadonlySet<string>,
): string | undefined {
  const excerpt = (text: string, at: number) => `...${text.slice(Math.max(0, at - 80), at)}<SECRET>...`;
  for (const text of texts) {
    for (const secret of secrets) {
      const at = text.indexOf(secret);
      if (at >= 0) return excerpt(text, at);
    }
    for (const match of text.matchAll(HEX_RUN)) {
      const run = match[0];
      for (let i = 0; i + 64 <= run.length; i++) {
        if (signatures.has(run.slice(i, i + 64))) return excerpt(text, match.index + i);
      }
    }
  }
  return undefined;
}

export function installSecretGuard(options: { expectErrors?: boolean } = {}): SecretGuard {
  const guard = new LeakGuard();
  const sources: Array<{ readonly signatures: ReadonlySet<string> }> = [];
  const extra: string[] = [];
  let restore: (() => void) | undefined;
  beforeAll(() => {
    // BOTO_TS_TRACE output and anything else printed to stderr is checked too.
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      guard.texts.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return true;
    });
    restore = () => spy.mockRestore();
  });
  afterAll(() => {
    restore?.();
    const signatures = new Set<string>();
    for (const source of sources) for (const signature of source.signatures) signatures.add(signature);
    expect(guard.texts.some((t) => t.includes('canonicalRequest') || t.includes('canonical request'))).toBe(
      true,
    );
    expect(signatures.size).toBeGreaterThan(0);
    if (options.expectErrors !== false) expect(guard.errorsSeen).toBeGreaterThan(0);
    const secrets = [TEST_CREDENTIALS.secretAccessKey, TEST_CREDENTIALS.sessionToken, ...extra];
    const leak = findLeak(guard.texts, secrets, signatures);
    if (leak !== undefined) expect.fail(`a secret leaked into test output: ${leak}`);
  });
  return {
    guard,
    watch: (source) => sources.push(source),
    forbid: (secret) => extra.push(secret),
  };
}
