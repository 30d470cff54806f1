// Region checks done before anything is sent: the shape of a region name, the pseudo-regions that
// mean FIPS (`fips-us-east-1`, `us-east-1-fips`), and whether any known partition claims the region.

import { EndpointError } from '../errors/errors.js';
import { findPartition } from './partition.js';

const REGION_SHAPE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const WHAT_A_REGION_LOOKS_LIKE =
  'a region is lower-case letters and digits joined by hyphens, such as us-east-1, eu-west-2, cn-north-1 or us-gov-west-1';

/** `fips-us-east-1` and `us-east-1-fips` name us-east-1 with FIPS endpoints, as in botocore and the v3 SDK. */
export function splitFipsPseudoRegion(region: string): { readonly region: string; readonly fips: boolean } {
  if (region.startsWith('fips-')) return { region: region.slice(5), fips: true };
  if (region.endsWith('-fips')) return { region: region.slice(0, -5), fips: true };
  return { region, fips: false };
}

/**
 * Throws EndpointError unless `region` looks like a region. With `requireKnownPartition` (no custom
 * endpoint) the region must also be listed in, or match the pattern of, one of the known partitions,
 * so a typo such as `us-east1` or `useast-1` fails here instead of as a DNS error later.
 */
export function validateRegion(region: string, options: { readonly requireKnownPartition: boolean }): void {
  if (!REGION_SHAPE.test(region)) {
    throw new EndpointError(`Region ${JSON.stringify(region)} is not valid: ${WHAT_A_REGION_LOOKS_LIKE}.`);
  }
  if (options.requireKnownPartition && findPartition(region).matchedBy === 'default') {
    throw new EndpointError(
      `Region ${JSON.stringify(region)} is not in any known AWS partition: ${WHAT_A_REGION_LOOKS_LIKE}. Check the spelling, or pass endpointUrl to send requests to an endpoint of your choice.`,
    );
  }
}

/** The error for a client that has no region from any source. */
export function missingRegionError(): EndpointError {
  return new EndpointError(
    `No region is configured: pass { region: 'us-east-1' } (or another region) to the client, set AWS_REGION, or set region in your AWS config profile; ${WHAT_A_REGION_LOOKS_LIKE}.`,
  );
}
