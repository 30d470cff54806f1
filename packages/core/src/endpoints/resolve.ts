// From client settings (region, FIPS, dual-stack, endpointUrl) and, for one call, the operation's
// context parameters, to the URL, headers and signing schemes of one service: maps the settings onto
// the rule set's built-in parameters and runs the rules engine.

import { EndpointError } from '../errors/errors.js';
import { type EndpointAuthScheme, readAuthSchemes } from './auth-schemes.js';
import {
  bindEndpointParams,
  type EndpointParameterSources,
  type EndpointParameterValue,
} from './endpoint-params.js';
import { missingRegionError, splitFipsPseudoRegion, validateRegion } from './region.js';
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
  /** SigV4's region: the first `sigv4` auth scheme's signingRegion, else the client's region. */
  readonly signingRegion: string;
  /** SigV4's service name: the first `sigv4` auth scheme's signingName, else the service's own. */
  readonly signingName: string;
  /** Every auth scheme the endpoint names, in its order of preference ([] when it names none). */
  readonly authSchemes: readonly EndpointAuthScheme[];
  /** The endpoint's other properties as the rule set wrote them (`backend: 'S3Express'`, ...). */
  readonly properties: Readonly<Record<string, unknown>>;
  /** Extra headers the rules ask for (rare), lower-case names, repeated values joined with `,`. */
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

/** The built-in parameter values the client settings give. */
function settingsBuiltIns(
  settings: EndpointSettings,
  region: string,
  fips: boolean,
): Record<string, EndpointParameterValue | undefined> {
  return {
    'AWS::Region': region,
    'AWS::UseFIPS': fips,
    'AWS::UseDualStack': settings.useDualstackEndpoint === true,
    'SDK::Endpoint': settings.endpointUrl,
    'AWS::STS::UseGlobalEndpoint': settings.useGlobalEndpoint === true,
  };
}

/**
 * Resolves the endpoint of `service` for `settings`. Validates the region first (EndpointError that
 * says what a region looks like) and the endpointUrl; a rule-set error (e.g. FIPS with a custom
 * endpoint) is an EndpointError carrying the rule's message. `call` adds what one call knows: more
 * built-ins (`AWS::S3::ForcePathStyle`, over the settings' own), client context parameters and the
 * operation's parameters (operationEndpointParams), which take precedence in that order.
 */
export function resolveEndpoint(
  service: EndpointService,
  settings: EndpointSettings,
  call: EndpointParameterSources = {},
): ResolvedEndpoint {
  if (settings.region === undefined || settings.region === '') throw missingRegionError();
  const { region, fips: pseudoFips } = splitFipsPseudoRegion(settings.region);
  if (settings.endpointUrl !== undefined) checkEndpointUrl(settings.endpointUrl);
  validateRegion(region, { requireKnownPartition: settings.endpointUrl === undefined });
  const fips = settings.useFipsEndpoint === true || pseudoFips;

  const ruleSet = service.endpointRuleSet as RuleSet;
  if (ruleSet === null || typeof ruleSet !== 'object' || !Array.isArray(ruleSet.rules)) {
    throw new EndpointError(`${service.serviceId}: the service schema has no endpoint rule set`);
  }
  const builtIns = settingsBuiltIns(settings, region, fips);
  for (const [name, value] of Object.entries(call.builtIns ?? {}))
    if (value !== undefined) builtIns[name] = value;
  const params = bindEndpointParams(ruleSet, { ...call, builtIns });
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

  const authSchemes = readAuthSchemes(endpoint.properties);
  const sigv4 = authSchemes.find((scheme) => scheme.name === 'sigv4');
  const properties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(endpoint.properties))
    if (key !== 'authSchemes') properties[key] = value;
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(endpoint.headers))
    headers[name.toLowerCase()] = values.join(',');
  return {
    url: endpoint.url.endsWith('/') ? endpoint.url.slice(0, -1) : endpoint.url,
    signingRegion: sigv4?.signingRegion ?? region,
    signingName: sigv4?.signingName ?? service.signingName,
    authSchemes,
    properties,
    headers,
  };
}

/** Puts an operation's host prefix (`data-` or `{Label}.` already substituted) in front of the host. */
export function applyHostPrefix(url: string, prefix: string | undefined): string {
  if (prefix === undefined || prefix === '') return url;
  const start = url.indexOf('//') + 2;
  return url.slice(0, start) + prefix + url.slice(start);
}
