// Turns what a socket library throws (Node's ECONNRESET, undici's UND_ERR_*) into the SDK's
// TimeoutError and NetworkError, with messages that say where it happened and what to check.

import { NetworkError, TimeoutError } from '../errors/errors.js';

/** Node/undici error codes that mean "the connection failed"; anything else keeps `NetworkError` as code. */
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

function errorCode(error: unknown): string | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // undici wraps the socket error of a refused connection.
  return errorCode((error as { cause?: unknown }).cause);
}

export function timeoutError(
  phase: 'connect' | 'firstByte' | 'total',
  ms: number,
  origin: string,
): TimeoutError {
  const what =
    phase === 'connect'
      ? `connecting to ${origin} took longer than ${ms} ms`
      : phase === 'firstByte'
        ? `${origin} sent no response within ${ms} ms of the request`
        : `the exchange with ${origin} took longer than ${ms} ms in total`;
  return new TimeoutError(
    phase,
    `Timed out: ${what}; raise timeouts.${phase}Ms if the endpoint is just slow.`,
  );
}

export function abortedError(reason: unknown): TimeoutError {
  return new TimeoutError('aborted', 'The call was aborted by its AbortSignal before it completed.', {
    cause: reason,
  });
}

/** A socket-level failure as a NetworkError. */
export function networkError(error: unknown, origin: string, responseStarted: boolean): NetworkError {
  const raw = errorCode(error);
  const code = raw === 'UND_ERR_SOCKET' || raw === 'UND_ERR_CLOSED' ? 'ECONNRESET' : raw;
  const known = code !== undefined && NETWORK_CODES.has(code);
  const when = responseStarted ? 'after the response had started' : 'before any response arrived';
  const what =
    code === 'ECONNREFUSED'
      ? `Connection to ${origin} was refused; is the endpoint up and the port right?`
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `Could not resolve the host of ${origin} (DNS); check the region and endpointUrl.`
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? `Connection to ${origin} was reset ${when}.`
          : `Network error talking to ${origin} ${when}: ${error instanceof Error ? error.message : String(error)}.`;
  return new NetworkError(what, {
    cause: error,
    code: known ? code : 'NetworkError',
    responseStarted,
  });
}
