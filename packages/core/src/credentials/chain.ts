// The credential chain: tries each source in order and remembers the first that gives credentials,
// so refreshes go straight back to it. When none applies, a CredentialsError lists every source
// and why it was skipped; when one applies but fails, the chain stops with that source's error.

import { BotoError, ConfigError, type CredentialSourceAttempt, CredentialsError } from '../errors/errors.js';
import { type CredentialSource, isSkipped } from './source.js';
import type { Credentials, CredentialsProvider } from './types.js';

export interface CredentialChainOptions {
  /** Added to the "no credentials" message: `profile "dev"`. */
  readonly context?: string;
  /** Told which source won (for traces). */
  readonly onResolved?: (source: string) => void;
}

/** A provider that walks `sources` until one answers; not cached (wrap it in the refreshing cache). */
export function createCredentialChain(
  sources: readonly CredentialSource[],
  options: CredentialChainOptions = {},
): CredentialsProvider {
  let winner: CredentialSource | undefined;
  return async (): Promise<Credentials> => {
    if (winner) {
      const outcome = await winner.load();
      if (!isSkipped(outcome)) return outcome;
      throw new CredentialsError(
        `The ${winner.name} credentials source gave credentials before but not now (${outcome.skipped}).`,
        { tried: [{ source: winner.name, reason: outcome.skipped }], code: 'CredentialsUnavailable' },
      );
    }
    const tried: CredentialSourceAttempt[] = [];
    for (const source of sources) {
      let outcome: Awaited<ReturnType<CredentialSource['load']>>;
      try {
        outcome = await source.load();
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        tried.push({ source: source.name, reason });
        throw new CredentialsError(`Credentials from the ${source.name} source failed: ${reason}`, {
          tried,
          cause: error,
          code: error instanceof BotoError ? error.code : 'CredentialsError',
        });
      }
      if (isSkipped(outcome)) {
        tried.push({ source: source.name, reason: outcome.skipped });
        continue;
      }
      winner = source;
      options.onResolved?.(source.name);
      return outcome;
    }
    const lines = tried.map((t) => `  - ${t.source}: ${t.reason}`).join('\n');
    throw new CredentialsError(
      `No AWS credentials found${options.context ? ` for ${options.context}` : ''}. Sources tried, in order:\n${lines}\n` +
        'Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, run `aws configure` or `aws sso login`, or pass `credentials` in code.',
      { tried, code: 'CredentialsNotFound' },
    );
  };
}
