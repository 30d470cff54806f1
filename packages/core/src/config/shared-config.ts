// The profiles, `[sso-session]` and `[services]` sections of one config file plus one credentials file,
// as the AWS CLI names them: `[default]` and `[profile x]` in config, `[x]` in credentials (which wins
// a key both files set). Built once from two parsed files; immutable afterwards.

import type { ParsedFile } from './file-cache.js';
import type { IniSection } from './ini-parser.js';

/** One profile, merged from both files. Keys are lower-case; an empty value reads as absent. */
export interface Profile {
  readonly name: string;
  get(key: string): string | undefined;
  /** A nested sub-section (`s3 =` followed by indented keys). */
  nested(key: string): ReadonlyMap<string, string> | undefined;
  /** The profile's section in the config file, if any. */
  readonly configSection: IniSection | undefined;
  /** The profile's section in the credentials file, if any. */
  readonly credentialsSection: IniSection | undefined;
}

/** A value from one section; empty strings read as absent, like the CLI's `region =`. */
export function sectionValue(section: IniSection | undefined, key: string): string | undefined {
  const value = section?.values.get(key);
  return value === undefined || value === '' ? undefined : value;
}

function splitHeader(name: string): { kind: string; rest: string } | undefined {
  const match = /^(\S+)\s+(.+)$/.exec(name);
  return match ? { kind: match[1] as string, rest: (match[2] as string).trim() } : undefined;
}

function makeProfile(
  name: string,
  configSection: IniSection | undefined,
  credentialsSection: IniSection | undefined,
): Profile {
  return Object.freeze({
    name,
    configSection,
    credentialsSection,
    get: (key: string) => sectionValue(credentialsSection, key) ?? sectionValue(configSection, key),
    nested: (key: string) => credentialsSection?.nested.get(key) ?? configSection?.nested.get(key),
  });
}

export class SharedConfig {
  readonly configFile: ParsedFile;
  readonly credentialsFile: ParsedFile;
  readonly #profiles = new Map<string, Profile>();
  readonly #ssoSessions = new Map<string, IniSection>();
  readonly #services = new Map<string, IniSection>();

  constructor(configFile: ParsedFile, credentialsFile: ParsedFile) {
    this.configFile = configFile;
    this.credentialsFile = credentialsFile;
    const fromConfig = new Map<string, IniSection>();
    let plainDefault: IniSection | undefined;
    for (const section of configFile.sections) {
      if (section.name === 'default') {
        plainDefault = section;
        continue;
      }
      const header = splitHeader(section.name);
      if (header?.kind === 'profile') fromConfig.set(header.rest, section);
      else if (header?.kind === 'sso-session') this.#ssoSessions.set(header.rest, section);
      else if (header?.kind === 'services') this.#services.set(header.rest, section);
    }
    // `[profile default]` wins over `[default]` when a config file has both.
    if (plainDefault && !fromConfig.has('default')) fromConfig.set('default', plainDefault);
    const fromCredentials = new Map(credentialsFile.sections.map((s) => [s.name, s] as const));
    for (const name of new Set([...fromConfig.keys(), ...fromCredentials.keys()])) {
      this.#profiles.set(name, makeProfile(name, fromConfig.get(name), fromCredentials.get(name)));
    }
  }

  /** Every profile either file defines, config file order first. */
  profileNames(): string[] {
    return [...this.#profiles.keys()];
  }

  profile(name: string): Profile | undefined {
    return this.#profiles.get(name);
  }

  ssoSession(name: string): IniSection | undefined {
    return this.#ssoSessions.get(name);
  }

  services(name: string): IniSection | undefined {
    return this.#services.get(name);
  }
}

/** An empty profile, for `default` when no file defines it. */
export function emptyProfile(name: string): Profile {
  return makeProfile(name, undefined, undefined);
}
