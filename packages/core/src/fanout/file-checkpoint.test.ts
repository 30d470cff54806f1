import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fanOut } from './fan-out.js';
import { fileCheckpoint } from './file-checkpoint.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function tempFile(): string {
  dir = mkdtempSync(join(tmpdir(), 'boto-ts-checkpoint-'));
  return join(dir, 'sweep.json');
}

describe('fileCheckpoint', () => {
  it('starts empty without a file, and a second sweep over the same file skips what the first did', async () => {
    const path = tempFile();
    const checkpoint = fileCheckpoint(path);
    expect(await checkpoint.load()).toBeUndefined();
    await fanOut(['a', 'b'], async (t) => t, { checkpoint, sweepId: 'sweep-1' });
    let calls = 0;
    const again = await fanOut(
      ['a', 'b', 'c'],
      async (t) => {
        calls++;
        return t;
      },
      { checkpoint: fileCheckpoint(path) },
    );
    expect(calls).toBe(1);
    expect(again.map((r) => r.resumed)).toEqual([true, true, false]);
    expect((await fileCheckpoint(path).load())?.sweepId).toBe('sweep-1');
    // Saves go through a temporary file that is renamed; none is left behind.
    expect(readdirSync(dir!)).toEqual(['sweep.json']);
  });

  it('refuses a file that is not a sweep state, saying how to start over', async () => {
    const path = tempFile();
    writeFileSync(path, '{"half":');
    await expect(fileCheckpoint(path).load()).rejects.toThrow(/is not JSON; delete it/);
    writeFileSync(path, '{"version":1}');
    await expect(fileCheckpoint(path).load()).rejects.toMatchObject({ code: 'InvalidCheckpoint' });
  });
});
