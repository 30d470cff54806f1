import { describe, expect, it } from 'vitest';
import { canonicalUri, normalizePath } from './canonical-uri.js';

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['/a/b', '/a/b'],
    ['/a/b/', '/a/b/'],
    ['//example//', '/example/'],
    ['/./example', '/example'],
    ['/example/..', '/'],
    ['/example1/example2/../..', '/'],
    ['/a/b/..', '/a'],
    ['/a/.', '/a'],
    ['/a/./b/../c//', '/a/c/'],
    ['/../a', '/a'],
  ])('%s -> %s', (path, expected) => {
    expect(normalizePath(path)).toBe(expected);
  });

  it('returns the same string when there is nothing to remove', () => {
    const path = '/already/normal/';
    expect(normalizePath(path)).toBe(path);
  });
});

describe('canonicalUri', () => {
  it('normalizes and encodes once more by default (every service but S3)', () => {
    expect(canonicalUri('/a/../b c/%20')).toBe('/b%20c/%2520');
  });

  it('keeps dot segments and double slashes with normalizePath: false', () => {
    expect(canonicalUri('//a/./b/..', { normalizePath: false })).toBe('//a/./b/..');
  });

  it('signs an S3 path in its single-encoded canonical form with doubleEscapePath: false', () => {
    expect(canonicalUri('/my%20key/a b/%7e/%2F', { normalizePath: false, doubleEscapePath: false })).toBe(
      '/my%20key/a%20b/~/%2F',
    );
  });

  it('encodes raw UTF-8 and spaces once, as the AWS suite expects', () => {
    expect(canonicalUri('/ሴ')).toBe('/%E1%88%B4');
    expect(canonicalUri('/example space/')).toBe('/example%20space/');
  });
});
