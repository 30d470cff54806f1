// The root vitest config: one project per package, plus the scripts.
// vitest 4 does not pick this file up by name; run it with `--config vitest.workspace.ts`.
import { defineConfig } from 'vitest/config';

const packages = [
  'sigv4',
  'core',
  'client-ec2',
  'paginators',
  'waiters',
  'resources-ec2',
  'ec2-local',
  'codegen',
];

// Resolve @boto-ts/* to src/ so tests run on a fresh clone without a build.
const sourceCondition = ['@boto-ts/source'];

// One fast-check seed for the whole run (see scripts/test/fast-check-seed.ts).
const setupFiles = [new URL('./scripts/test/fast-check-seed.ts', import.meta.url).pathname];

export default defineConfig({
  resolve: { conditions: sourceCondition },
  ssr: { resolve: { conditions: sourceCondition, externalConditions: sourceCondition } },
  test: {
    projects: [
      ...packages.map((name) => ({
        extends: true as const,
        test: {
          name,
          root: `packages/${name}`,
          include: ['src/**/*.test.ts'],
          setupFiles,
          typecheck: {
            enabled: true,
            include: ['src/**/*.test-d.ts'],
            tsconfig: '../../tsconfig.tests.json',
          },
        },
      })),
      {
        extends: true as const,
        test: {
          name: 'scripts',
          root: '.',
          include: ['scripts/**/*.test.ts', 'examples/**/*.test.ts'],
          setupFiles,
        },
      },
    ],
  },
});
