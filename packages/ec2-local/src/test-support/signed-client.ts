// A minimal EC2 query client for tests, signed by @smithy/signature-v4 (an independent signer):
// sends Action + parameters as a POST form or a GET query (header-signed or presigned) and returns
// the raw status, headers and body.

import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';

export interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

export interface CallOptions {
  readonly method?: 'GET' | 'POST';
  readonly presign?: boolean;
  readonly credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  readonly region?: string;
  readonly signingDate?: Date;
}

function escapeUri(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function encode(params: Record<string, string>): string {
  return Object.entries(params)
    .map(([k, v]) => `${escapeUri(k)}=${escapeUri(v)}`)
    .join('&');
}

export async function callEc2(
  endpoint: string,
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string },
  action: string,
  params: Record<string, string | number | boolean> = {},
  options: CallOptions = {},
): Promise<RawResponse> {
  const url = new URL(endpoint);
  const all: Record<string, string> = { Action: action, Version: '2016-11-15' };
  for (const [k, v] of Object.entries(params)) all[k] = String(v);
  const method = options.method ?? 'POST';
  const body = method === 'POST' ? encode(all) : undefined;
  const request = new HttpRequest({
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: Number(url.port),
    path: '/',
    query: method === 'GET' ? all : {},
    headers: {
      host: url.host,
      ...(body !== undefined ? { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' } : {}),
    },
    body,
  });
  const signer = new SignatureV4({
    credentials: options.credentials ?? credentials,
    region: options.region ?? 'us-east-1',
    service: 'ec2',
    sha256: Hash.bind(null, 'sha256'),
  });
  const signingDate = options.signingDate ?? new Date();
  const signed = (
    options.presign
      ? await signer.presign(request, { signingDate, expiresIn: 300 })
      : await signer.sign(request, { signingDate })
  ) as HttpRequest;
  const query = encode(Object.fromEntries(Object.entries(signed.query).map(([k, v]) => [k, String(v)])));
  const headers = Object.fromEntries(Object.entries(signed.headers).filter(([k]) => k !== 'host'));
  const response = await fetch(`${endpoint}/${query ? `?${query}` : ''}`, { method, headers, body });
  return { status: response.status, headers: response.headers, body: await response.text() };
}
