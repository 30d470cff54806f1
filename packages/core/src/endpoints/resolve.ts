// From client settings (region, FIPS, dual-stack, endpointUrl) to the URL and signing scope of one
// service: maps the settings onto the rule set's built-in parameters and runs the rules engine.

import { EndpointError } from '../errors/errors.js';
import { missingRegionError, splitFipsPseudoRegion, validateRegion } from './region.js';
import type { RuleValue } from './rule-functions.js';
import type { RuleSet } from './rule-set.js';
import { resolveRuleSet } from './rules-engine.js';

export interface EndpointSettings {
  readonly region?: string | undefined;
  readonly useFipsEndpoint?: boolean | undefined;
  readonly useDualstackEndpoint?: boolean | undefined;
  /** A custom endpoint (ec2-local, moto, a proxy): the rules decide whether it is allowed with FIPS/dual-stack. */
  readonly endpointUrl?: string | undefined;
  /** STS only: send the legacy global-endpoint regions to sts.amazonaws.com. Default false (regional). */
  readonly useGlobalEndpoint?: boolean | undefined;
}

export interface ResolvedEndpoint {
  /** Scheme, authority and base path, without a trailing slash: `https://ec2.us-east-1.amazonaws.com`. */
  readonly url: string;
  readonly signingRegion: string;
  readonly signingName: string;
  /** Extra headers the rules ask for (rare). */
  readonly headers: Readonly<Record<string, string>>;
}

/** The part of a ServiceSchema endpoint resolution reads. */
export interface EndpointService {
  readonly serviceId: string;
  readonly signingName: string;
  readonly endpointRuleSet: unknown;
}

function checkEndpointUrl(endpointUrl: string): void {
  let url: URL | undefined;
  try {
    url = new URL(endpointUrl);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new EndpointError(
      `endpointUrl ${JSON.stringify(endpointUrl)} is not an absolute http(s) URL; write it like https://ec2.example.com or http://127.0.0.1:4566`,
    );
  }
  if (url.search !== '' || url.hash !== '') {
    throw new EndpointError(
      `endpointUrl ${JSON.stringify(endpointUrl)} must not have a query string or fragment`,
    );
  }
}

function builtInValue(
  builtIn: string | undefined,
  settings: EndpointSettings,
  region: string,
  fips: boolean,
): RuleValue {
  switch (builtIn) {
    case 'AWS::Region':
      return region;
    case 'AWS::UseFIPS':
      return fips;
    case 'AWS::UseDualStack':
      return settings.useDualstackEndpoint === true;
    case 'SDK::Endpoint':
      return settings.endpointUrl;
    case 'AWS::STS::UseGlobalEndpoint':
      return settings.useGlobalEndpoint === true;
    default:
      return undefined;
  }
}

interface AuthScheme {
  readonly name?: unknown;
  readonly signingName?: unknown;
  readonly signingRegion?: unknown;
}

/**
 * Resolves the endpoint of `service` for `settings`. Validates the region first (EndpointError that
 * says what a region looks like) and the endpointUrl; a rule-set error (e.g. FIPS with a custom
 * endpoint) is an EndpointError carrying the rule's message.
 */
export function resolveEndpoint(service: EndpointService, settings: EndpointSettings): ResolvedEndpoint {
  if (settings.region === undefined || settings.region === '') throw missingRegionError();
  const { region, fips: pseudoFips } = splitFipsPseudoRegion(settings.region);
  if (settings.endpointUrl !== undefined) checkEndpointUrl(settings.endpointUrl);
  validateRegion(region, { requireKnownPartition: settings.endpointUrl === undefined });
  const fips = settings.useFipsEndpoint === true || pseudoFips;

  const ruleSet = service.endpointRuleSet as RuleSet;
  if (ruleSet === null || typeof ruleSet !== 'object' || !Array.isArray(ruleSet.rules)) {
    throw new EndpointError(`${service.serviceId}: the service schema has no endpoint rule set`);
  }
  const params: Record<string, RuleValue> = {};
  for (const [name, spec] of Object.entries(ruleSet.parameters)) {
    const value = builtInValue(spec.builtIn, settings, region, fips);
    if (value !== undefined) params[name] = value;
  }
  let endpoint: ReturnType<typeof resolveRuleSet>;
  try {
    endpoint = resolveRuleSet(ruleSet, params);
  } catch (error) {
    if (error instanceof EndpointError) {
      throw new EndpointError(
        `${service.serviceId} endpoint for region ${region}${fips ? ' with FIPS' : ''}${settings.useDualstackEndpoint ? ' with dual-stack' : ''}${settings.endpointUrl ? ` and endpointUrl ${settings.endpointUrl}` : ''}: ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }

  const schemes = endpoint.properties['authSchemes'];
  const sigv4 = Array.isArray(schemes)
    ? (schemes as AuthScheme[]).find((s) => s.name === 'sigv4')
    : undefined;
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(endpoint.headers))
    headers[name.toLowerCase()] = values.join(',');
  return {
    url: endpoint.url.endsWith('/') ? endpoint.url.slice(0, -1) : endpoint.url,
    signingRegion: typeof sigv4?.signingRegion === 'string' ? sigv4.signingRegion : region,
    signingName: typeof sigv4?.signingName === 'string' ? sigv4.signingName : service.signingName,
    headers,
  };
}

/** Puts an operation's host prefix (`data-` or `{Label}.` already substituted) in front of the host. */
export function applyHostPrefix(url: string, prefix: string | undefined): string {
  if (prefix === undefined || prefix === '') return url;
  const start = url.indexOf('//') + 2;
  return url.slice(0, start) + prefix + url.slice(start);
}
