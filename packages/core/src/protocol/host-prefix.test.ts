import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors/errors.js';
import { resolveHostPrefix } from './host-prefix.js';
import { hostLabel } from './test-support/input-schemas.js';

describe('resolveHostPrefix', () => {
  it('is undefined for an operation without a host prefix', () => {
    expect(resolveHostPrefix({ name: 'Plain' }, {})).toBeUndefined();
  });

  it('returns a fixed prefix as it is', () => {
    expect(resolveHostPrefix({ name: 'Static', hostPrefix: 'data-' }, { Name: 'x' })).toBe('data-');
  });

  it('fills labels from host-label members', () => {
    expect(resolveHostPrefix(hostLabel, { Label: 'bar' })).toBe('foo.bar.');
  });

  it('refuses a label that would change the host name into something else', () => {
    for (const Label of ['', 'a.b', 'evil.com/x', '-a', 'a'.repeat(64), undefined])
      expect(() => resolveHostPrefix(hostLabel, { Label })).toThrow(ValidationError);
  });
});
