// The `authSchemes` endpoint property: how a resolved endpoint wants requests signed (SigV4 with a
// signing name and region, SigV4a with a region set, S3 Express sessions, ...), read from the rule
// set's output into a typed list. Choosing and applying a scheme is the caller's job.

import { EndpointError } from '../errors/errors.js';

/** One entry of an endpoint's `authSchemes`, in the rule set's order of preference. */
export interface EndpointAuthScheme {
  /** `sigv4`, `sigv4a`, `sigv4-s3express`, or a scheme a newer rule set names. */
  readonly name: string;
  /** The service name to sign with (`s3`, `s3-outposts`, `s3express`, `events`). */
  readonly signingName?: string;
  /** SigV4: the region to sign for, which may differ from the client's (an ARN's region, `us-east-1` for a global endpoint). */
  readonly signingRegion?: string;
  /** SigV4a: the regions the signature is valid in (`['*']` for any). */
  readonly signingRegionSet?: readonly string[];
  /** S3: sign the path as it is, without encoding it a second time. */
  readonly disableDoubleEncoding?: boolean;
}

function fail(what: string): never {
  throw new EndpointError(
    `endpoint rule set: authSchemes ${what}; this rule set is newer than this version of boto-ts understands, pass endpointUrl to choose the endpoint yourself`,
  );
}

function optionalString(scheme: Record<string, unknown>, key: string): string | undefined {
  const value = scheme[key];
  if (value !== undefined && typeof value !== 'string') fail(`${key} is not a string`);
  return value;
}

/** The typed `authSchemes` of an endpoint's properties; [] when it names none. */
export function readAuthSchemes(properties: Readonly<Record<string, unknown>>): EndpointAuthScheme[] {
  const raw = properties['authSchemes'];
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail('is not a list');
  return raw.map((entry: unknown) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      fail('has an entry that is not an object');
    const scheme = entry as Record<string, unknown>;
    const name = scheme['name'];
    if (typeof name !== 'string') fail('has an entry without a name');
    const signingName = optionalString(scheme, 'signingName');
    const signingRegion = optionalString(scheme, 'signingRegion');
    const regionSet = scheme['signingRegionSet'];
    if (
      regionSet !== undefined &&
      !(Array.isArray(regionSet) && regionSet.every((r) => typeof r === 'string'))
    ) {
      fail('signingRegionSet is not a list of strings');
    }
    const disableDoubleEncoding = scheme['disableDoubleEncoding'];
    if (disableDoubleEncoding !== undefined && typeof disableDoubleEncoding !== 'boolean') {
      fail('disableDoubleEncoding is not a boolean');
    }
    return {
      name,
      ...(signingName !== undefined ? { signingName } : {}),
      ...(signingRegion !== undefined ? { signingRegion } : {}),
      ...(regionSet !== undefined ? { signingRegionSet: regionSet as string[] } : {}),
      ...(disableDoubleEncoding !== undefined ? { disableDoubleEncoding } : {}),
    };
  });
}
