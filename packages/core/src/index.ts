// @boto-ts/core: the public entry point. Each area keeps its own barrel; this file only joins them.
export * from './client/index.js';
export * from './config/index.js';
export * from './credentials/index.js';
export * from './endpoints/index.js';
export * from './errors/index.js';
export * from './fanout/index.js';
export * from './http/index.js';
export * from './protocol/index.js';
export type { DecodeOptions, SerializedRequest, WireProtocol } from './protocols/wire-protocol.js';
export * from './retry/index.js';
export * from './session/index.js';
export * from './trace/index.js';
export * from './xml/index.js';
