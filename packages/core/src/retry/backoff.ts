// Delay before the next attempt. Standard/adaptive: full jitter, `random * min(base * 2^(n-1), max)`
// with n the number of attempts made so far (botocore 1.43; the conformance vectors pin it).
// Legacy: `random * 2^(n-1)` seconds, uncapped, as botocore's legacy handler.

/** Botocore's base (1 s) and cap (20 s). */
export const DEFAULT_BACKOFF_BASE_MS = 1_000;
export const DEFAULT_MAX_BACKOFF_MS = 20_000;

/** `attempts`: attempts made so far (1 after the first failure). `random` returns [0, 1). */
export function fullJitterDelayMs(
  attempts: number,
  random: () => number,
  baseMs: number = DEFAULT_BACKOFF_BASE_MS,
  maxMs: number = DEFAULT_MAX_BACKOFF_MS,
): number {
  return random() * Math.min(baseMs * 2 ** (attempts - 1), maxMs);
}

export function legacyDelayMs(attempts: number, random: () => number): number {
  return random() * 2 ** (attempts - 1) * 1_000;
}
