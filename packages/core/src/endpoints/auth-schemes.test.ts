import { describe, expect, it } from 'vitest';
import { EndpointError } from '../errors/errors.js';
import { readAuthSchemes } from './auth-schemes.js';

describe('readAuthSchemes', () => {
  it('reads SigV4 and SigV4a entries in their order, keeping only the fields they set', () => {
    expect(
      readAuthSchemes({
        authSchemes: [
          { name: 'sigv4a', signingName: 's3', signingRegionSet: ['*'], disableDoubleEncoding: true },
          { name: 'sigv4', signingName: 's3', signingRegion: 'us-east-1' },
        ],
        backend: 'S3Express',
      }),
    ).toEqual([
      { name: 'sigv4a', signingName: 's3', signingRegionSet: ['*'], disableDoubleEncoding: true },
      { name: 'sigv4', signingName: 's3', signingRegion: 'us-east-1' },
    ]);
  });

  it('is empty when the endpoint names no scheme', () => {
    expect(readAuthSchemes({})).toEqual([]);
  });

  it.each([
    ['not a list', { authSchemes: { name: 'sigv4' } }],
    ['an entry without a name', { authSchemes: [{ signingName: 's3' }] }],
    ['a signingRegion that is not a string', { authSchemes: [{ name: 'sigv4', signingRegion: 1 }] }],
    ['a region set that is not strings', { authSchemes: [{ name: 'sigv4a', signingRegionSet: 'us-*' }] }],
    [
      'disableDoubleEncoding not a boolean',
      { authSchemes: [{ name: 'sigv4', disableDoubleEncoding: 'yes' }] },
    ],
  ])('refuses %s with an EndpointError', (_what, properties) => {
    expect(() => readAuthSchemes(properties)).toThrow(EndpointError);
  });
});
