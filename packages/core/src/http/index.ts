// Public exports of core/http: the transport contract and its two implementations.
export { createNodeTransport, type NodeTransportOptions } from './node-transport.js';
export type { HttpRequest, HttpResponse, HttpTimeouts, SendOptions, Transport } from './types.js';
export {
  createUndiciTransport,
  type UndiciDispatcher,
  type UndiciTransportOptions,
} from './undici-transport.js';
