// Where the shared files live: `~/.aws/config`, `~/.aws/credentials`, the SSO token cache, with the
// `AWS_CONFIG_FILE` / `AWS_SHARED_CREDENTIALS_FILE` overrides and `~` expansion. Pure given env and home.
// node:os is loaded only when the environment names no home directory.

import { join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

/** The operating system's idea of the home directory (node:os, loaded on this first use). */
function osHomedir(): string {
  return process.getBuiltinModule('node:os').homedir();
}

/** The user's home directory as the AWS CLI finds it: `HOME`, then `USERPROFILE`, then the OS. */
export function homeDirectory(env: Env, fallback: () => string = osHomedir): string {
  if (env.HOME) return env.HOME;
  if (env.USERPROFILE) return env.USERPROFILE;
  if (env.HOMEDRIVE && env.HOMEPATH) return `${env.HOMEDRIVE}${env.HOMEPATH}`;
  return fallback();
}

/** Expands a leading `~` or `~/` to `home`. */
export function expandHome(path: string, home: string): string {
  if (path === '~') return home;
  if (path.startsWith('~/') || path.startsWith('~\\')) return join(home, path.slice(2));
  return path;
}

/** The config file: the code's choice, else `AWS_CONFIG_FILE`, else `~/.aws/config`. */
export function configFilePath(env: Env, home: string, override?: string): string {
  return expandHome(override ?? env.AWS_CONFIG_FILE ?? join(home, '.aws', 'config'), home);
}

/** The credentials file: the code's choice, else `AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`. */
export function credentialsFilePath(env: Env, home: string, override?: string): string {
  return expandHome(override ?? env.AWS_SHARED_CREDENTIALS_FILE ?? join(home, '.aws', 'credentials'), home);
}

/** The folder where `aws sso login` caches tokens. */
export function ssoCacheDirectory(home: string): string {
  return join(home, '.aws', 'sso', 'cache');
}
