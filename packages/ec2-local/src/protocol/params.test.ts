import { describe, expect, it } from 'vitest';
import { Ec2Error } from './errors.js';
import { Params } from './params.js';

function params(entries: Record<string, string>): Params {
  return Params.fromPairs(Object.entries(entries));
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof Ec2Error) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
}

describe('Params', () => {
  it('reads flattened lists in numeric index order (10 after 9), not text order', () => {
    const entries: Record<string, string> = {};
    for (let i = 1; i <= 11; i++) entries[`InstanceId.${i}`] = `i-${i}`;
    expect(params(entries).list('InstanceId')).toEqual(Array.from({ length: 11 }, (_, i) => `i-${i + 1}`));
  });

  it('reads lists of structures with nested lists (Filter.N.Value.M)', () => {
    const p = params({
      'Filter.2.Name': 'tag:Name',
      'Filter.2.Value.1': 'web',
      'Filter.1.Name': 'instance-state-name',
      'Filter.1.Value.2': 'stopped',
      'Filter.1.Value.1': 'running',
    });
    expect(p.structs('Filter').map((f) => [f.string('Name'), f.list('Value')])).toEqual([
      ['instance-state-name', ['running', 'stopped']],
      ['tag:Name', ['web']],
    ]);
    expect(p.structs('Filter')[1]!.path('Name')).toBe('Filter.2.Name');
  });

  it('validates integers and booleans with EC2 parameter errors', () => {
    const p = params({ MinCount: 'two', MaxCount: '3', DryRun: 'yes', Big: '99999999999999999999' });
    expect(code(() => p.integer('MinCount'))).toMatch(/^InvalidParameterValue: .*MinCount/);
    expect(p.integer('MaxCount')).toBe(3);
    expect(code(() => p.integer('MaxCount', { max: 2 }))).toMatch(/^InvalidParameterValue/);
    expect(code(() => p.integer('Big'))).toMatch(/^InvalidParameterValue/);
    expect(code(() => p.boolean('DryRun'))).toMatch(/^InvalidParameterValue/);
    expect(code(() => p.requiredString('ImageId'))).toBe(
      'MissingParameter: The request must contain the parameter ImageId',
    );
    expect(code(() => p.requiredInteger('Nope'))).toMatch(/^MissingParameter/);
  });

  it('fingerprints every parameter but the excluded ones, independent of order', () => {
    const a = Params.fromPairs([
      ['ImageId', 'ami-1'],
      ['ClientToken', 'x'],
      ['MinCount', '1'],
    ]);
    const b = Params.fromPairs([
      ['MinCount', '1'],
      ['ImageId', 'ami-1'],
      ['ClientToken', 'y'],
    ]);
    expect(a.fingerprint(['ClientToken'])).toBe(b.fingerprint(['ClientToken']));
    expect(a.fingerprint([])).not.toBe(b.fingerprint([]));
  });

  it('keeps the first occurrence of a repeated key', () => {
    expect(params({}).string('x')).toBeUndefined();
    expect(
      Params.fromPairs([
        ['Action', 'A'],
        ['Action', 'B'],
      ]).string('Action'),
    ).toBe('A');
  });
});
