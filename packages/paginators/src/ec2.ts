// getPaginator(client, 'describeInstances'): the typed EC2 paginators by name. Works with an
// EC2Client (its methods), or a bare ServiceClient (the operation's schema is loaded on first use).
// For the smallest bundle, import one spec and call createPaginator instead.

import type { EC2OperationName } from '@boto-ts/client-ec2';
import { PaginationError } from './errors.js';
import { type EC2PaginatorName, ec2Paginators } from './generated/ec2/index.js';
import { type ClientFor, createPaginator, type PaginatorOf } from './paginator.js';
import type { AnyPaginatorSpec } from './spec.js';

/** A bare client's schema, from the client package's schema table, loaded only when first needed. */
async function loadSchema(operation: string) {
  const { loadEC2Operation } = await import('@boto-ts/client-ec2');
  return loadEC2Operation(operation as EC2OperationName);
}

/** The spec of the EC2 paginator `Name`. */
export type EC2PaginatorSpec<Name extends EC2PaginatorName> = (typeof ec2Paginators)[Name];

/** The paginator `getPaginator(client, name)` returns. */
export type EC2Paginator<Name extends EC2PaginatorName> = PaginatorOf<EC2PaginatorSpec<Name>>;

/**
 * The paginator for an EC2 operation, named as its client method: `getPaginator(ec2, 'describeInstances')`.
 * Its `items()` yields what users mean (for DescribeInstances: Instances, not Reservations).
 */
export function getPaginator<Name extends EC2PaginatorName>(
  client: ClientFor<EC2PaginatorSpec<Name>>,
  name: Name,
): EC2Paginator<Name> {
  const spec: AnyPaginatorSpec | undefined = Object.hasOwn(ec2Paginators, name)
    ? ec2Paginators[name]
    : undefined;
  if (!spec) {
    throw new PaginationError(
      'UnknownPaginator',
      String(name),
      'no EC2 paginator has this name; use the method name of a paginated operation (describeInstances, describeVolumes, ...)',
    );
  }
  const hasMethod = typeof (client as unknown as Record<string, unknown>)[spec.method] === 'function';
  const runnable = hasMethod ? spec : { ...spec, schema: () => loadSchema(spec.operation) };
  return createPaginator(client as ClientFor<AnyPaginatorSpec>, runnable) as unknown as EC2Paginator<Name>;
}
