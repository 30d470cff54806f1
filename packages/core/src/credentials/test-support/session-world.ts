// Test support: sessions over temporary files and a controlled environment. The environment never
// comes from process.env, and IMDS is disabled unless a test points it at a loopback server, so no
// test can reach a real metadata address.

import { Session, type SessionOptions } from '../../session/session.js';
import { type TempHome, tempHome } from './loopback.js';

export interface WorldSessionOptions
  extends Omit<SessionOptions, 'env' | 'configFile' | 'credentialsFile' | 'credentials'> {
  readonly config?: string;
  /** Text of the credentials file (fixed credentials go through `new Session` directly). */
  readonly credentials?: string;
  readonly env?: Record<string, string | undefined>;
}

export interface World {
  readonly home: TempHome;
  session(options?: WorldSessionOptions): Session;
  /** The env a session of this world gets, merged with `extra`. */
  env(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  remove(): void;
}

export function createWorld(): World {
  const home = tempHome();
  let files = 0;
  const env = (extra: Record<string, string | undefined> = {}) => ({
    HOME: home.path,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...extra,
  });
  return {
    home,
    env,
    session(options = {}) {
      const { config, credentials, env: extra, ...rest } = options;
      const n = files++;
      return new Session({
        configFile: home.write(`config-${n}`, config ?? ''),
        credentialsFile: home.write(`credentials-${n}`, credentials ?? ''),
        env: env(extra),
        ...rest,
      });
    },
    remove: () => home.remove(),
  };
}
