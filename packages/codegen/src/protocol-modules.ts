// Which of core's protocol modules a service's client loads, and the export it takes from it: one
// module per protocol (ec2 and query share one), each a subpath of @boto-ts/core.

import type { ProtocolName } from '@boto-ts/core';

const MODULES: Readonly<Record<ProtocolName, { readonly file: string; readonly exportName: string }>> = {
  ec2: { file: 'query', exportName: 'ec2Protocol' },
  query: { file: 'query', exportName: 'queryProtocol' },
  json: { file: 'json', exportName: 'jsonProtocol' },
  'rest-json': { file: 'rest-json', exportName: 'restJsonProtocol' },
  'rest-xml': { file: 'rest-xml', exportName: 'restXmlProtocol' },
  'smithy-rpc-v2-cbor': { file: 'rpc-v2-cbor', exportName: 'rpcV2CborProtocol' },
};

export function protocolModule(protocol: ProtocolName): {
  readonly file: string;
  readonly exportName: string;
} {
  return MODULES[protocol];
}
