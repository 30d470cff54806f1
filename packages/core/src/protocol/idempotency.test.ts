import { describe, expect, it } from 'vitest';
import { fillIdempotencyTokens } from './idempotency.js';
import { runInstances } from './test-support/input-schemas.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('fillIdempotencyTokens', () => {
  it('fills a missing token with a random UUID v4 by default, a different one per call', () => {
    const input: { MinCount: number; MaxCount: number; ClientToken?: string } = { MinCount: 1, MaxCount: 1 };
    const a = fillIdempotencyTokens(runInstances, input);
    const b = fillIdempotencyTokens(runInstances, input);
    expect(a.ClientToken).toMatch(UUID_V4);
    expect(b.ClientToken).toMatch(UUID_V4);
    expect(a.ClientToken).not.toBe(b.ClientToken);
  });

  it('returns a copy and never mutates the caller', () => {
    const input = Object.freeze({ MinCount: 1, MaxCount: 1 });
    const filled = fillIdempotencyTokens(runInstances, input, () => 'fixed');
    expect(filled).toEqual({ MinCount: 1, MaxCount: 1, ClientToken: 'fixed' });
    expect(filled).not.toBe(input);
    expect(input).not.toHaveProperty('ClientToken');
  });

  it('keeps a token the caller gave (even an empty one) and returns the same object', () => {
    const input = { MinCount: 1, MaxCount: 1, ClientToken: '' };
    let calls = 0;
    expect(fillIdempotencyTokens(runInstances, input, () => `${++calls}`)).toBe(input);
    expect(calls).toBe(0);
  });

  it('fills a token the caller set to undefined or null', () => {
    expect(fillIdempotencyTokens(runInstances, { ClientToken: undefined }, () => 't').ClientToken).toBe('t');
    expect(fillIdempotencyTokens(runInstances, { ClientToken: null }, () => 't').ClientToken).toBe('t');
  });

  it('leaves operations without tokens or without input alone', () => {
    const input = { A: 1 };
    expect(fillIdempotencyTokens({ name: 'NoInput' }, input)).toBe(input);
  });
});
