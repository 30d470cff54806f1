// Loads the default chain (its sources, the STS calls, and the node: builtins they use) on the first
// lookup that reaches it, so a process whose credentials come from code never loads any of it.

import type { CredentialsProvider } from './types.js';

export interface DefaultChainModules {
  readonly defaultChainSources: typeof import('./default-chain.js').defaultChainSources;
  readonly defaultStsCalls: typeof import('./sts-client-calls.js').defaultStsCalls;
}

let loading: Promise<DefaultChainModules> | undefined;

export function loadDefaultChain(): Promise<DefaultChainModules> {
  loading ??= Promise.all([import('./default-chain.js'), import('./sts-client-calls.js')]).then(
    ([chain, sts]) => ({
      defaultChainSources: chain.defaultChainSources,
      defaultStsCalls: sts.defaultStsCalls,
    }),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/**
 * A provider that builds the real one on its first call (once, however many callers are waiting) and
 * then delegates to it. A failed build is not remembered: the next call builds again.
 */
export function lazyProvider(build: () => Promise<CredentialsProvider>): CredentialsProvider {
  let built: Promise<CredentialsProvider> | undefined;
  return async () => {
    if (built === undefined) {
      const pending = build();
      built = pending;
      pending.catch(() => {
        if (built === pending) built = undefined;
      });
    }
    return (await built)();
  };
}
