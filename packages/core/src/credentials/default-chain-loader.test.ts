import { describe, expect, it } from 'vitest';
import { lazyProvider, loadDefaultChain } from './default-chain-loader.js';
import type { Credentials, CredentialsProvider } from './types.js';

const KEYS: Credentials = { accessKeyId: 'AKIDLAZY', secretAccessKey: 'lazy-secret' };

describe('lazyProvider', () => {
  it('builds the real provider once for 100 concurrent first callers, then delegates every call', async () => {
    let builds = 0;
    let calls = 0;
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const provider = lazyProvider(async () => {
      builds++;
      await gate;
      return async () => {
        calls++;
        return KEYS;
      };
    });
    const pending = Array.from({ length: 100 }, () => provider());
    open();
    const answers = await Promise.all(pending);
    expect(answers.every((answer) => answer === KEYS)).toBe(true);
    await provider();
    expect(builds).toBe(1);
    expect(calls).toBe(101);
  });

  it('builds again after a failed build instead of remembering the failure', async () => {
    let attempt = 0;
    const provider = lazyProvider(async (): Promise<CredentialsProvider> => {
      attempt++;
      if (attempt === 1) throw new Error('cannot load the chain');
      return async () => KEYS;
    });
    await expect(provider()).rejects.toThrow('cannot load the chain');
    await expect(provider()).resolves.toBe(KEYS);
    expect(attempt).toBe(2);
  });

  it('passes on what the real provider rejects with, every time', async () => {
    let calls = 0;
    const provider = lazyProvider(async () => async () => {
      calls++;
      throw new Error(`no credentials (${calls})`);
    });
    await expect(provider()).rejects.toThrow('no credentials (1)');
    await expect(provider()).rejects.toThrow('no credentials (2)');
  });
});

describe('loadDefaultChain', () => {
  it('loads the chain sources and the STS calls once', async () => {
    const first = loadDefaultChain();
    expect(loadDefaultChain()).toBe(first);
    const modules = await first;
    expect(typeof modules.defaultChainSources).toBe('function');
    expect(typeof modules.defaultStsCalls().assumeRole).toBe('function');
  });
});
