import { describe, expect, it } from 'vitest';
import { defaultAccountOf, defaultTargetKey } from './target-key.js';

describe('defaultTargetKey', () => {
  it('keys strings as themselves and plain objects by their fields in name order', () => {
    expect(defaultTargetKey('us-east-1')).toBe('us-east-1');
    expect(defaultTargetKey({ region: 'us-east-1', accountId: '111111111111' })).toBe(
      'accountId=111111111111/region=us-east-1',
    );
    expect(defaultTargetKey({ accountId: '111111111111', region: 'us-east-1' })).toBe(
      defaultTargetKey({ region: 'us-east-1', accountId: '111111111111' }),
    );
  });
  it('asks for a targetKey when it cannot name the target', () => {
    for (const target of [{}, { session: {} }, [1], null, new Map()])
      expect(() => defaultTargetKey(target)).toThrow(/pass targetKey/);
  });
});

describe('defaultAccountOf', () => {
  it('reads accountId, and nothing else', () => {
    expect(defaultAccountOf({ accountId: '1', region: 'r' })).toBe('1');
    expect(defaultAccountOf({ account: '1' })).toBeUndefined();
    expect(defaultAccountOf('us-east-1')).toBeUndefined();
  });
});
