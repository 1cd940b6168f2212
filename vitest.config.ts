import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['tests/support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'main',
          include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'examples/*/src/**/*.test.ts', 'tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/chaos/**'],
        },
      },
      // The chaos test keeps both cores busy with worker processes for minutes: it runs alone,
      // after everything else, so it cannot starve timing-sensitive tests (the browser test).
      { extends: true, test: { name: 'chaos', include: ['tests/chaos/**/*.test.ts'], sequence: { groupOrder: 1 } } },
    ],
  },
});
