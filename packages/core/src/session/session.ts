// Session: one profile's view of the environment and the shared files, boto3's `Session`. It reads
// nothing until asked (region, credentials, client defaults), then reads each file once per process,
// and hands every client it serves the same cached credentials provider. `withRegion` and `assumeRole`
// derive sessions that share those caches (files read once, one credentials cache per identity).

import type { ClientDefaults, SessionLike } from '../client/types.js';
import { resolveConfiguredEndpointUrl } from '../config/endpoint-url.js';
import { ConfigFileCache, processConfigFileCache, type ReadFileSync } from '../config/file-cache.js';
import { configFilePath, credentialsFilePath, type Env, homeDirectory } from '../config/paths.js';
import { readCommonClientSettings, readRegion, type SettingsSource } from '../config/settings.js';
import { emptyProfile, type Profile, SharedConfig } from '../config/shared-config.js';
import { createCredentialChain } from '../credentials/chain.js';
import { lazyProvider, loadDefaultChain } from '../credentials/default-chain-loader.js';
import { type CredentialEffects, defaultCredentialEffects } from '../credentials/effects.js';
import { checkCredentials, checkedProvider } from '../credentials/normalize.js';
import { cacheCredentials } from '../credentials/refreshing-cache.js';
import type { MfaCodeProvider, SourceContext } from '../credentials/source-context.js';
import type { ContainerOptions } from '../credentials/sources/container.js';
import type { StsCalls, StsTarget } from '../credentials/sts-calls.js';
import type { Credentials, CredentialsProvider } from '../credentials/types.js';
import { ConfigError } from '../errors/errors.js';
import {
  type AccountLister,
  type AccountsOptions,
  listOrganizationAccounts,
  type OrganizationAccount,
} from './accounts.js';
import {
  type AssumeRoleOptions,
  assumedRoleKey,
  assumedRoleProvider,
  checkAssumeRoleOptions,
} from './assumed-role.js';
import { type AvailableRegionsOptions, availableRegions, type RegionalService } from './available-regions.js';
import { describeRegionStatuses, type EnabledRegionsOptions, isEnabledStatus } from './enabled-regions.js';

/** What a v3-style provider (`@aws-sdk/credential-providers`) resolves to. */
export interface ProviderCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
  readonly expiration?: Date | undefined;
  readonly accountId?: string | undefined;
}

/** The effects a session uses; each defaults to the real one. */
export interface SessionEffects extends CredentialEffects {
  /** Reads a config or credentials file; undefined when it does not exist. */
  readonly readFileSync: ReadFileSync;
  /** The home directory, when HOME / USERPROFILE are not set. */
  readonly homedir: () => string;
}

export interface SessionOptions {
  /** Profile name; default `AWS_PROFILE`, then `AWS_DEFAULT_PROFILE`, then `default`. */
  readonly profile?: string | undefined;
  /** Region; default `AWS_REGION`, `AWS_DEFAULT_REGION`, then the profile's `region`. */
  readonly region?: string | undefined;
  /** Fixed credentials, or a provider (ours or v3-style); skips the chain. */
  readonly credentials?: Credentials | CredentialsProvider | (() => Promise<ProviderCredentials>) | undefined;
  /** Config file path; default `AWS_CONFIG_FILE`, then `~/.aws/config`. */
  readonly configFile?: string | undefined;
  /** Credentials file path; default `AWS_SHARED_CREDENTIALS_FILE`, then `~/.aws/credentials`. */
  readonly credentialsFile?: string | undefined;
  /** Environment variables to read instead of `process.env`. */
  readonly env?: Env | undefined;
  /** Asked for a code when an assume-role profile sets `mfa_serial`. */
  readonly mfaCodeProvider?: MfaCodeProvider | undefined;
  /** How long `credential_process` may run; default 60,000 ms. */
  readonly credentialProcessTimeoutMs?: number | undefined;
  /** Replace effects (clock, files, HTTP, processes, logger) — for tests and special runtimes. */
  readonly effects?: Partial<SessionEffects> | undefined;
  /** How the chain calls STS; default the generated STS client on the SDK's pipeline. */
  readonly sts?: StsCalls | undefined;
  /** Container credential endpoint overrides. */
  readonly container?: ContainerOptions | undefined;
}

/**
 * What a session and the sessions derived from it share: assumed-role credential caches, by the
 * credentials they are assumed with (an identity) and the role's options.
 */
interface Identity {
  readonly roles: Map<string, { readonly provider: CredentialsProvider; readonly identity: Identity }>;
}

export class Session implements SessionLike {
  readonly #options: SessionOptions;
  readonly #env: Env;
  readonly #effects: CredentialEffects;
  #files: ConfigFileCache;
  #identity: Identity = { roles: new Map() };
  readonly #homedir: () => string;
  #shared: SharedConfig | undefined;
  #credentials: CredentialsProvider | undefined;
  #region: { value: string | undefined } | undefined;
  readonly #defaults = new Map<string, ClientDefaults>();

  constructor(options: SessionOptions = {}) {
    this.#options = options;
    const effects = options.effects ?? {};
    this.#env = options.env ?? effects.env ?? process.env;
    this.#effects = defaultCredentialEffects({ ...effects, env: this.#env });
    this.#files = effects.readFileSync ? new ConfigFileCache(effects.readFileSync) : processConfigFileCache();
    this.#homedir = effects.homedir ?? (() => homeDirectory({}));
  }

  /** A session like this one, in `region`: same profile, files and credentials cache. */
  withRegion(region: string): Session {
    if (typeof region !== 'string' || region === '') {
      throw new ConfigError('withRegion needs a region name such as us-east-1.', { code: 'InvalidRegion' });
    }
    return this.#derive({ region, credentials: () => this.getCredentials(), identity: this.#identity });
  }

  /**
   * A session whose credentials are the role's, assumed through STS with this session's credentials
   * (so `a.assumeRole(x).assumeRole(y)` is a role chain). Nothing is sent until credentials are needed;
   * they refresh on their own. The same options on sessions of one identity share one cache.
   */
  assumeRole(options: AssumeRoleOptions): Session {
    checkAssumeRoleOptions(options);
    const key = assumedRoleKey(options);
    let role = this.#identity.roles.get(key);
    if (role === undefined) {
      const provider = assumedRoleProvider(options, {
        source: () => this.getCredentials(),
        sts: async () => this.#options.sts ?? (await loadDefaultChain()).defaultStsCalls(),
        target: () => this.#stsTarget(),
        now: this.#effects.now,
        random: this.#effects.random,
        logger: this.#effects.logger,
      });
      role = { provider, identity: { roles: new Map() } };
      this.#identity.roles.set(key, role);
    }
    return this.#derive({ region: this.region, credentials: role.provider, identity: role.identity });
  }

  /**
   * The regions of a partition where `service` (a client, or its service schema) has an endpoint of
   * its own: boto3's `get_available_regions`, from the SDK's partitions and the service's rule set.
   * Opt-in regions only with `includeOptIn`; global services (IAM, Route 53) list none.
   */
  availableRegions(service: RegionalService, options?: AvailableRegionsOptions): string[] {
    return availableRegions(service, options);
  }

  /** The regions this session's account can call, from EC2 DescribeRegions (opt-in status). */
  async enabledRegions(options?: EnabledRegionsOptions): Promise<string[]> {
    const statuses = await describeRegionStatuses(
      { session: this, region: this.region ?? 'us-east-1' },
      options,
    );
    return statuses
      .filter((status) => isEnabledStatus(status.optInStatus))
      .map((status) => status.regionName);
  }

  /** Every account of the organization, through `organizations` (an Organizations client). */
  accounts(organizations: AccountLister, options?: AccountsOptions): Promise<OrganizationAccount[]> {
    return listOrganizationAccounts(organizations, options);
  }

  #derive(changes: {
    region: string | undefined;
    credentials: CredentialsProvider;
    identity: Identity;
  }): Session {
    const child = new Session({ ...this.#options, region: changes.region, credentials: undefined });
    child.#files = this.#files;
    child.#shared = this.#shared;
    child.#credentials = changes.credentials;
    child.#identity = changes.identity;
    return child;
  }

  /** The profile this session reads. */
  get profile(): string {
    return this.#options.profile || this.#env.AWS_PROFILE || this.#env.AWS_DEFAULT_PROFILE || 'default';
  }

  /** The region from code, environment or profile; undefined when none says. */
  get region(): string | undefined {
    if (this.#options.region) return this.#options.region;
    this.#region ??= { value: readRegion(this.#settings()) };
    return this.#region.value;
  }

  /** Every profile the config and credentials files define. */
  availableProfiles(): string[] {
    return this.#sharedConfig().profileNames();
  }

  /** Credentials from code, or the first source in the chain that has some; cached and refreshed. */
  getCredentials(): Promise<Credentials> {
    try {
      return this.#provider()();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** What a client for `configKey` (`ec2`, `sts`) takes from this session. */
  clientDefaults(configKey: string): ClientDefaults {
    const key = configKey.toLowerCase();
    let defaults = this.#defaults.get(key);
    if (!defaults) {
      const settings = this.#settings();
      const common = readCommonClientSettings(settings);
      defaults = Object.freeze({
        ...common,
        region: this.region,
        credentials: this.#provider(),
        endpointUrl: resolveConfiguredEndpointUrl(settings, this.#sharedConfig(), key),
      });
      this.#defaults.set(key, defaults);
    }
    return defaults;
  }

  #home(): string {
    return homeDirectory(this.#env, this.#homedir);
  }

  #sharedConfig(): SharedConfig {
    if (!this.#shared) {
      const home = this.#home();
      this.#shared = new SharedConfig(
        this.#files.load(configFilePath(this.#env, home, this.#options.configFile)),
        this.#files.load(credentialsFilePath(this.#env, home, this.#options.credentialsFile)),
      );
    }
    return this.#shared;
  }

  #profileNamed(name: string): Profile {
    const shared = this.#sharedConfig();
    const found = shared.profile(name);
    if (found) return found;
    if (name === 'default') return emptyProfile(name);
    const names = shared.profileNames();
    throw new ConfigError(
      `The profile "${name}" is not in ${shared.configFile.path} or ${shared.credentialsFile.path}. ` +
        (names.length > 0
          ? `Profiles that exist: ${names.join(', ')}.`
          : 'Neither file defines any profile.'),
      { code: 'ProfileNotFound' },
    );
  }

  #settings(): SettingsSource {
    return { env: this.#env, profile: this.#profileNamed(this.profile) };
  }

  #stsTarget(): StsTarget {
    const settings = this.#settings();
    const common = readCommonClientSettings(settings);
    return {
      region: this.region ?? 'us-east-1',
      endpointUrl: resolveConfiguredEndpointUrl(settings, this.#sharedConfig(), 'sts'),
      retryMode: common.retryMode,
      maxAttempts: common.maxAttempts,
      useFipsEndpoint: common.useFipsEndpoint,
      useDualstackEndpoint: common.useDualstackEndpoint,
      transport: this.#options.effects?.transport,
      logger: this.#effects.logger,
    };
  }

  #provider(): CredentialsProvider {
    if (this.#credentials) return this.#credentials;
    const given = this.#options.credentials;
    const cache = { now: this.#effects.now, random: this.#effects.random, logger: this.#effects.logger };
    if (typeof given === 'function') {
      this.#credentials = cacheCredentials(
        checkedProvider(given, 'The credentials provider given to Session'),
        {
          ...cache,
          source: 'code',
        },
      );
    } else if (given) {
      const fixed = checkCredentials(given, 'Session({ credentials })');
      this.#credentials = () => Promise.resolve(fixed);
    } else {
      const profile = this.profile;
      const home = this.#home();
      const useEnv = !this.#options.profile;
      // The chain's sources load on its first lookup (default-chain-loader.ts).
      const chain = lazyProvider(async () => {
        const { defaultChainSources, defaultStsCalls } = await loadDefaultChain();
        const context: SourceContext = {
          effects: this.#effects,
          home,
          sharedConfig: () => this.#sharedConfig(),
          profile: (name) => this.#profileNamed(name),
          settings: () => this.#settings(),
          stsTarget: () => this.#stsTarget(),
          ssoEndpointUrl: () => resolveConfiguredEndpointUrl(this.#settings(), this.#sharedConfig(), 'sso'),
          sts: this.#options.sts ?? defaultStsCalls(),
          mfaCodeProvider: this.#options.mfaCodeProvider,
          processTimeoutMs: this.#options.credentialProcessTimeoutMs ?? 60_000,
          container: this.#options.container,
        };
        return createCredentialChain(defaultChainSources(context, profile, { useEnv }), {
          context: `profile "${profile}"`,
        });
      });
      this.#credentials = cacheCredentials(chain, { ...cache, source: 'credential chain' });
    }
    return this.#credentials;
  }
}
