import { describe, expect, it } from 'vitest';
import { SigningError } from './errors.js';
import { splitUrl } from './url.js';

describe('splitUrl', () => {
  it('keeps the raw path and query as written', () => {
    expect(splitUrl('https://example.amazonaws.com/example space/ሴ?a=b c&d#frag')).toEqual({
      host: 'example.amazonaws.com',
      path: '/example space/ሴ',
      query: 'a=b c&d',
      base: 'https://example.amazonaws.com/example space/ሴ',
    });
  });

  it('gives / for a URL without a path, and no query after a fragment', () => {
    expect(splitUrl('https://h.example')).toMatchObject({ host: 'h.example', path: '/', query: '' });
    expect(splitUrl('https://h.example?x=1')).toMatchObject({ path: '/', query: 'x=1' });
    expect(splitUrl('https://h.example/p#a?b')).toMatchObject({ path: '/p', query: '' });
  });

  it('drops the default port and keeps any other', () => {
    expect(splitUrl('https://h.example:443/').host).toBe('h.example');
    expect(splitUrl('http://h.example:80/').host).toBe('h.example');
    expect(splitUrl('http://127.0.0.1:8080/').host).toBe('127.0.0.1:8080');
    expect(splitUrl('https://h.example:80/').host).toBe('h.example:80');
  });

  it('sends the host as an HTTP client would: lower case, IDN in ASCII, IPv6 in brackets', () => {
    expect(splitUrl('HTTPS://EC2.US-EAST-1.AmazonAWS.com/').host).toBe('ec2.us-east-1.amazonaws.com');
    expect(splitUrl('https://bücher.example/').host).toBe('xn--bcher-kva.example');
    expect(splitUrl('http://[::1]:8080/x').host).toBe('[::1]:8080');
    expect(splitUrl('https://user:pw@h.example/').host).toBe('h.example');
    expect(splitUrl('http://127.1:8080/').host).toBe('127.0.0.1:8080');
  });

  it.each([
    'example.com/path',
    'ftp://example.com/',
    'https:///path',
    'https://:443/',
    'https://exa mple.com/',
    'https://h.example:99999/',
    'https://a.0/',
    '',
  ])('rejects %j as field url, without quoting it', (url) => {
    let error: unknown;
    try {
      splitUrl(url);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SigningError);
    expect((error as SigningError).field).toBe('url');
    if (url.length > 0) expect((error as SigningError).message).not.toContain(url);
  });
});
