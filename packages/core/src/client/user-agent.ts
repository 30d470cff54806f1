// The User-Agent header: `boto-ts/<version> ua/2.1 os/<platform> lang/js md/nodejs#<node>
// api/<service>#<apiVersion> cfg/retry-mode#<mode> [app/<appId>]`, built once per client.

import { ConfigError } from '../errors/errors.js';
import { SDK_VERSION } from './version.js';

/** Characters allowed in a User-Agent token value; anything else becomes `-`. */
const UNSAFE = /[^A-Za-z0-9!#$%&'*+\-.^_`|~]/g;

const MAX_APP_ID_LENGTH = 50;

function token(value: string): string {
  return value.replace(UNSAFE, '-');
}

export function buildUserAgent(input: {
  readonly serviceId: string;
  readonly apiVersion: string;
  readonly retryMode: string;
  readonly appId?: string | undefined;
  readonly platform?: string;
  readonly nodeVersion?: string;
}): string {
  const parts = [
    `boto-ts/${SDK_VERSION}`,
    'ua/2.1',
    `os/${token(input.platform ?? process.platform)}`,
    'lang/js',
    `md/nodejs#${token(input.nodeVersion ?? process.versions.node)}`,
    `api/${token(input.serviceId.toLowerCase().replace(/ /g, '-'))}#${token(input.apiVersion)}`,
    `cfg/retry-mode#${token(input.retryMode)}`,
  ];
  if (input.appId !== undefined && input.appId !== '') {
    if (input.appId.length > MAX_APP_ID_LENGTH) {
      throw new ConfigError(
        `appId is ${input.appId.length} characters long; the AWS SDKs allow at most ${MAX_APP_ID_LENGTH}: shorten it`,
      );
    }
    parts.push(`app/${token(input.appId)}`);
  }
  return parts.join(' ');
}
