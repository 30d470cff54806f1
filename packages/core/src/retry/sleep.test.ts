import { describe, expect, it } from 'vitest';
import { TimeoutError } from '../errors/errors.js';
import { abortableSleep } from './sleep.js';

describe('abortableSleep', () => {
  it('rejects at once with phase aborted when the signal fires, and leaves no timer', async () => {
    const controller = new AbortController();
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const pending = abortableSleep(60_000, controller.signal);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).phase).toBe('aborted');
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });
  it('rejects without waiting when already aborted, and resolves after the delay otherwise', async () => {
    await expect(abortableSleep(60_000, AbortSignal.abort())).rejects.toBeInstanceOf(TimeoutError);
    await expect(abortableSleep(1)).resolves.toBeUndefined();
  });
});
