import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { measureTree } from './install-size.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('measureTree', () => {
  it('counts regular files and their bytes, .d.ts apart, and does not follow symlinks', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-tree-'));
    mkdirSync(join(dir, 'pkg', 'dist'), { recursive: true });
    writeFileSync(join(dir, 'pkg', 'dist', 'index.js'), 'x'.repeat(100));
    writeFileSync(join(dir, 'pkg', 'dist', 'index.d.ts'), 'y'.repeat(40));
    writeFileSync(join(dir, 'pkg', 'dist', 'index.d.mts'), 'z'.repeat(2));
    mkdirSync(join(dir, '.bin'));
    symlinkSync(join(dir, 'pkg'), join(dir, '.bin', 'pkg-link'));
    expect(measureTree(dir)).toEqual({ bytes: 142, files: 3, declarationBytes: 42 });
  });
});
