import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { configFixture } from '../credentials/test-support/loopback.js';
import { ConfigFileCache } from './file-cache.js';
import { SharedConfig } from './shared-config.js';

function fixtureConfig(): SharedConfig {
  const cache = new ConfigFileCache();
  return new SharedConfig(cache.load(configFixture('config')), cache.load(configFixture('credentials')));
}

describe('SharedConfig', () => {
  const shared = fixtureConfig();

  it('names profiles as the CLI does: [profile x] in config, [x] in credentials', () => {
    expect(shared.profileNames()).toEqual(
      expect.arrayContaining(['default', 'dev', 'base', 'credentials-only', 'sso-new']),
    );
    expect(shared.profileNames()).not.toContain('ignored');
    expect(shared.profileNames()).not.toContain('profile dev');
    expect(shared.profileNames()).not.toContain('corp');
  });

  it('prefers [profile default] over [default] in the config file', () => {
    expect(shared.profile('default')?.get('region')).toBe('us-east-2');
  });

  it('lets the credentials file win a key both files set', () => {
    expect(shared.profile('static-config')?.get('aws_account_id')).toBe('444455556666');
    expect(shared.profile('static-config')?.configSection?.values.get('aws_account_id')).toBe('111122223333');
  });

  it('reads mixed-case keys and nested sub-sections', () => {
    const dev = shared.profile('dev');
    expect(dev?.get('region')).toBe('eu-west-1');
    expect(dev?.get('max_attempts')).toBe('7');
    expect(dev?.nested('s3')?.get('addressing_style')).toBe('path');
  });

  it('finds [sso-session] and [services] sections by name', () => {
    expect(shared.ssoSession('corp')?.values.get('sso_start_url')).toBe('https://corp.awsapps.com/start');
    expect(shared.services('local-endpoints')?.nested.get('ec2')?.get('endpoint_url')).toBe(
      'http://127.0.0.1:5000',
    );
  });

  it('reads each file once however many loads ask for it', () => {
    const cache = new ConfigFileCache();
    for (let i = 0; i < 5; i++) cache.load(configFixture('config'));
    cache.load(join(configFixture(), 'does-not-exist'));
    cache.load(join(configFixture(), 'does-not-exist'));
    expect(cache.reads).toBe(2);
    expect(cache.load(join(configFixture(), 'does-not-exist')).exists).toBe(false);
  });

  it('remembers a malformed file instead of re-reading it', () => {
    let reads = 0;
    const cache = new ConfigFileCache(() => {
      reads++;
      return '[default\n';
    });
    expect(() => cache.load('/x')).toThrow(/line 1/);
    expect(() => cache.load('/x')).toThrow(/line 1/);
    expect(reads).toBe(1);
  });
});

describe('fixtures/config', () => {
  // Every key the source reads from a profile or section (found by scanning the source), must appear in the fixtures.
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const sourceFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? entry.name === 'test-support'
          ? []
          : sourceFiles(join(dir, entry.name))
        : entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')
          ? [join(dir, entry.name)]
          : [],
    );
  const keys = new Set<string>();
  for (const file of [
    ...sourceFiles(join(root, 'config')),
    ...sourceFiles(join(root, 'credentials')),
    ...sourceFiles(join(root, 'session')),
  ]) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:\.get\(|sectionValue\([^,]+, |key: )'([a-z0-9_]+)'/g))
      keys.add(match[1] as string);
  }
  const fixtureText = (
    readFileSync(configFixture('config'), 'utf8') + readFileSync(configFixture('credentials'), 'utf8')
  ).toLowerCase();

  it('finds the keys the code reads', () => {
    expect(keys.size).toBeGreaterThan(30);
    expect(keys).toContain('credential_process');
  });

  for (const key of [...keys].sort()) {
    it(`covers ${key}`, () => {
      expect(fixtureText).toMatch(new RegExp(`^\\s*${key}\\s*=`, 'm'));
    });
  }
});
