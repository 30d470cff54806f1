// Parses the raw HTTP request text of AWS's SigV4 test suite into the verifier's request shape.

import type { SignedRequest } from '../auth/verifier.js';

export function parseRawRequest(text: string): SignedRequest {
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const body = split < 0 ? '' : text.slice(split + 2);
  const [requestLine = '', ...lines] = head.split('\n');
  const first = requestLine.indexOf(' ');
  const last = requestLine.lastIndexOf(' ');
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    if (line === '') continue;
    if ((line.startsWith(' ') || line.startsWith('\t')) && headers.length > 0) {
      const previous = headers[headers.length - 1]!;
      previous[1] = `${previous[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    headers.push([line.slice(0, colon), line.slice(colon + 1)]);
  }
  return {
    method: requestLine.slice(0, first),
    target: requestLine.slice(first + 1, last),
    headers,
    body: Buffer.from(body, 'utf8'),
  };
}
