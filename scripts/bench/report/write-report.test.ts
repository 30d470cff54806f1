import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MachineInfo } from './machine.js';
import type { ResultsDocument } from './results-md.js';
import { RESULTS_JSON, readReport, writeReport } from './write-report.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

const machine: MachineInfo = {
  date: '2026-01-01 00:00 UTC',
  cpu: 'test cpu',
  cores: 2,
  memoryGb: 4,
  os: 'linux',
  node: 'v20.19.0',
  python: undefined,
  commit: 'abc1234',
  versions: { '@aws-sdk/client-ec2': '3.0.0' },
};

describe('writeReport and readReport', () => {
  it('writes the table, the chart and a results.json that renders the same table again', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    const doc: ResultsDocument = {
      command: 'pnpm bench',
      machine,
      rows: [
        {
          id: 'warm-cpu-1',
          figure: 'warm CPU per call, N=1',
          unit: 'ms',
          better: 'lower',
          cells: { 'boto-ts': { value: 0.4 }, v3: { value: 1.28 } },
          goal: { text: '<= 0.5 ms', limit: 0.5 },
        },
      ],
      details: { rounds: 5 },
      chartFile: 'chart.svg',
      elapsedSeconds: 300,
      quick: false,
    };
    writeReport(dir, doc);
    const markdown = readFileSync(join(dir, 'RESULTS.md'), 'utf8');
    expect(markdown).toContain('| warm CPU per call, N=1 | ms | 0.400 | 1.28 |');
    expect(markdown).toContain('test cpu, 2 cores');
    expect(readFileSync(join(dir, 'chart.svg'), 'utf8')).toContain('<svg');
    expect(readReport(join(dir, RESULTS_JSON))).toEqual(doc);
  });

  it('refuses a JSON file that is not a results document', () => {
    dir = mkdtempSync(join(tmpdir(), 'bench-report-'));
    writeFileSync(join(dir, 'other.json'), '{"name":"x"}');
    expect(() => readReport(join(dir!, 'other.json'))).toThrow(/not a results.json/);
  });
});
