// A transport that records, for every request it sends, which access key signed it and when (the
// X-Amz-Date), then hands the request to the real node:http transport. Tests use it to check which
// credentials went over the wire; the caller destroys it (a client does not own a transport it is given).

import { createNodeTransport, type Transport } from '@boto-ts/core';

export interface SignedRequestRecord {
  readonly accessKeyId: string;
  /** The signing time, from X-Amz-Date (whole seconds), in ms since the epoch. */
  readonly signedAt: number;
  readonly hasSessionToken: boolean;
}

export interface RecordingTransport extends Transport {
  readonly sent: SignedRequestRecord[];
}

function amzDateMs(value: string): number {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value);
  if (!m) throw new Error(`not an X-Amz-Date: ${value}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
}

export function recordingTransport(inner: Transport = createNodeTransport()): RecordingTransport {
  const sent: SignedRequestRecord[] = [];
  return {
    sent,
    send(request, options) {
      const authorization = request.headers['authorization'] ?? '';
      const accessKeyId = /Credential=([^/]+)\//.exec(authorization)?.[1] ?? '';
      sent.push({
        accessKeyId,
        signedAt: amzDateMs(request.headers['x-amz-date'] ?? ''),
        hasSessionToken: request.headers['x-amz-security-token'] !== undefined,
      });
      return inner.send(request, options);
    },
    destroy: () => inner.destroy(),
  };
}
