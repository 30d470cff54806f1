// A checkpoint in one JSON file: written to a temporary file beside it and renamed over it, so a
// process killed in the middle of a save leaves the previous state whole, never half a file.

import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { type Checkpoint, parseSweepState, type SweepState } from './checkpoint.js';
import { FanOutError } from './errors.js';

export function fileCheckpoint(path: string): Checkpoint {
  let saves = 0;
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch (error) {
        throw new FanOutError(
          'InvalidCheckpoint',
          `The checkpoint file ${path} is not JSON; delete it to start the sweep over.`,
          {
            cause: error,
          },
        );
      }
      return parseSweepState(parsed);
    },
    async save(state: SweepState) {
      const temporary = `${path}.${process.pid}.${++saves}.tmp`;
      try {
        await writeFile(temporary, `${JSON.stringify(state)}\n`);
        await rename(temporary, path);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
