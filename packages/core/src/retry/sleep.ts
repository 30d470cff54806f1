// The real sleep used between attempts: a timer that an AbortSignal cancels (and that is cleared
// either way, so an aborted call leaves no timer behind).

import { TimeoutError } from '../errors/errors.js';
import type { Sleep } from './rate-limiter.js';

export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    const aborted = () =>
      new TimeoutError('aborted', 'The call was aborted by its AbortSignal while waiting to retry.', {
        cause: signal?.reason,
      });
    if (signal?.aborted) {
      reject(aborted());
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
