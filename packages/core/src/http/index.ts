export type { HttpRequest, HttpResponse, HttpTimeouts, SendOptions, Transport } from './types.js';
