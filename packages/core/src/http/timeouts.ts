// Merges transport-level and per-call timeouts; a field left out means "no limit".

import type { HttpTimeouts } from './types.js';

export function mergeTimeouts(
  defaults: HttpTimeouts | undefined,
  call: HttpTimeouts | undefined,
): HttpTimeouts {
  if (call === undefined) return defaults ?? {};
  if (defaults === undefined) return call;
  return {
    connectMs: call.connectMs ?? defaults.connectMs,
    firstByteMs: call.firstByteMs ?? defaults.firstByteMs,
    totalMs: call.totalMs ?? defaults.totalMs,
  };
}

/** A positive, finite limit, or undefined for "none". */
export function limit(ms: number | undefined): number | undefined {
  return ms !== undefined && ms > 0 && Number.isFinite(ms) ? ms : undefined;
}
