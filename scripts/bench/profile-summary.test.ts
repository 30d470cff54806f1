import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths.js';
import { moduleOf, summarizeProfile } from './profile-summary.js';

describe('moduleOf', () => {
  it('names dependencies by package, our files by repository path, and Node internals by area', () => {
    expect(
      moduleOf('file:///x/node_modules/.pnpm/a@1/node_modules/@smithy/core/dist-cjs/index.js', 'f'),
    ).toBe('@smithy/core');
    expect(moduleOf('file:///x/node_modules/aws4/aws4.js', 'f')).toBe('aws4');
    expect(moduleOf('file:///app/node_modules/@boto-ts/core/dist/xml/scanner.js', 'f')).toBe(
      '@boto-ts/core/dist/xml/scanner.js',
    );
    const ours = pathToFileURL(join(repoRoot, 'packages', 'core', 'dist', 'xml', 'decode.js')).href;
    expect(moduleOf(ours, 'f')).toBe('packages/core/dist/xml/decode.js');
    expect(moduleOf('node:internal/streams/readable', 'f')).toBe('node:internal/streams');
    expect(moduleOf('', '(garbage collector)')).toBe('(garbage collector)');
  });
});

describe('summarizeProfile', () => {
  it('adds self time per function and module, leaves idle out, and sorts by cost', () => {
    const frame = (id: number, functionName: string, url: string) => ({
      id,
      callFrame: { functionName, url, lineNumber: 9 },
    });
    const summary = summarizeProfile({
      nodes: [
        frame(1, '(idle)', ''),
        frame(2, 'parse', 'file:///n/node_modules/p/x.js'),
        frame(3, 'sign', 'node:crypto'),
      ],
      samples: [1, 2, 3, 2, 1],
      timeDeltas: [5000, 1000, 500, 2000, 9000],
    });
    expect(summary.totalMs).toBeCloseTo(3.5);
    expect(summary.modules[0]).toEqual({ name: 'p', ms: 3, share: 3 / 3.5 });
    expect(summary.functions[0]!.name).toBe('parse p:10');
    expect(summary.functions.map((f) => f.name)).not.toContain('(idle) (idle)');
  });
});
