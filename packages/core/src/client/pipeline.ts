// What a client's first call loads, as one module: resolving the client's settings and sending an
// operation (pipeline-loader.ts imports it). Everything else of the pipeline comes in through these.

export { fillKeyedIdempotencyTokens } from '../protocol/idempotency-key.js';
export { sendOperation } from './send-operation.js';
export { resolveClientSettings } from './settings.js';
