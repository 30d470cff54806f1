// Test support for "no secret ever leaks": every pipeline test file installs this guard, routes its
// clients' trace output and logger through it, records every error it sees, and lets it watch the
// loopback servers (to learn every signature that went over the wire). After the file's tests, the
// guard asserts that no collected text contains the test secret key, the session token, or any of
// those signatures, and that it did collect something (a guard that saw nothing proves nothing).

import { afterAll, beforeAll, expect, vi } from 'vitest';
import type { ReceivedRequest } from '../../http/test-support/loopback-server.js';
import type { ClientConfig, ClientEffects, Logger, TraceEvent } from '../types.js';

/** Distinctive values: any occurrence in output is a leak, never a coincidence. */
export const TEST_CREDENTIALS = {
  accessKeyId: 'AKIDLEAKGUARD000001',
  secretAccessKey: 'LeakGuardSecret/wJalrXUtnFEMI/K7MDENG+bPxRfiCYzz',
  sessionToken: 'LeakGuardSessionToken//FwoGZXIvYXdzEBYaDHqa0AP1/Example+Token==',
} as const;

interface Watched {
  readonly received: readonly ReceivedRequest[];
}

export class LeakGuard {
  /** Everything collected: trace text, logger events as JSON, error texts, stderr writes. */
  readonly texts: string[] = [];
  readonly events: TraceEvent[] = [];
  readonly #servers: Watched[] = [];
  readonly #extraSecrets = new Set<string>();
  errorsSeen = 0;

  readonly writeTrace = (text: string): void => {
    this.texts.push(text);
  };

  readonly logger: Logger = {
    debug: (event) => this.#event(event),
    info: (event) => this.#event(event),
    warn: (event) => this.#event(event),
    error: (event) => this.#event(event),
  };

  #event(event: TraceEvent): void {
    this.events.push(event);
    this.texts.push(JSON.stringify(event));
  }

  /** Effects that send trace output here (tests add their own clock, random and sleep). */
  effects(extra: ClientEffects = {}): ClientEffects {
    return { writeTrace: this.writeTrace, env: {}, ...extra };
  }

  /** Client options with trace and logger wired to the guard and the test credentials. */
  clientConfig(extra: ClientConfig = {}): ClientConfig {
    return {
      credentials: TEST_CREDENTIALS,
      region: 'us-east-1',
      trace: true,
      logger: this.logger,
      ...extra,
      effects: this.effects(extra.effects),
    };
  }

  /** Collects the signatures of every request this server receives. */
  watch(server: Watched): void {
    this.#servers.push(server);
  }

  /** A value that must not appear either (e.g. credentials a fake STS hands out). */
  forbid(secret: string): void {
    this.#extraSecrets.add(secret);
  }

  /** Records everything an error can show: message, stack, cause chain, own fields. Returns it. */
  record<E>(error: E): E {
    this.errorsSeen++;
    const seen = new Set<unknown>();
    let current: unknown = error;
    while (current !== undefined && current !== null && !seen.has(current)) {
      seen.add(current);
      if (current instanceof Error) {
        this.texts.push(String(current), current.stack ?? '');
      }
      try {
        this.texts.push(
          JSON.stringify(current, (_k, v) => (v instanceof Uint8Array ? Buffer.from(v).toString() : v)),
        );
      } catch {
        this.texts.push(String(current));
      }
      if (typeof current === 'object') {
        for (const value of Object.values(current as Record<string, unknown>)) {
          if (typeof value === 'string') this.texts.push(value);
        }
      }
      current = (current as { cause?: unknown }).cause;
    }
    return error;
  }

  /** Awaits a promise that must reject; records and returns the error. */
  async rejection(promise: Promise<unknown>): Promise<Error> {
    try {
      await promise;
    } catch (error) {
      return this.record(error as Error);
    }
    throw new Error('expected the call to reject');
  }

  signatures(): string[] {
    const out = new Set<string>();
    for (const server of this.#servers) {
      for (const request of server.received) {
        const match = /Signature=([0-9a-f]{64})/.exec(String(request.headers['authorization'] ?? ''));
        if (match) out.add(match[1]!);
      }
    }
    return [...out];
  }

  /** Throws (via expect) if any collected text holds a secret. */
  assertClean(): void {
    const secrets = [
      TEST_CREDENTIALS.secretAccessKey,
      TEST_CREDENTIALS.sessionToken,
      ...this.#extraSecrets,
      ...this.signatures(),
    ];
    for (const text of this.texts) {
      for (const secret of secrets) {
        if (text.includes(secret)) {
          const at = text.indexOf(secret);
          expect.fail(
            `a secret leaked into test output: ...${text.slice(Math.max(0, at - 80), at)}<SECRET>...`,
          );
        }
      }
    }
  }
}

/**
 * Installs a guard for the current test file: stderr is captured too (BOTO_TS_TRACE prints there),
 * and after all tests the guard checks that it saw trace output, signatures and errors, and no secret.
 */
export function installLeakGuard(options: { expectErrors?: boolean } = {}): LeakGuard {
  const guard = new LeakGuard();
  let restore: (() => void) | undefined;
  beforeAll(() => {
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      guard.texts.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString());
      return true;
    });
    restore = () => spy.mockRestore();
  });
  afterAll(() => {
    restore?.();
    expect(guard.texts.some((t) => t.includes('canonical request') || t.includes('canonicalRequest'))).toBe(
      true,
    );
    expect(guard.signatures().length).toBeGreaterThan(0);
    if (options.expectErrors !== false) expect(guard.errorsSeen).toBeGreaterThan(0);
    guard.assertClean();
  });
  return guard;
}
