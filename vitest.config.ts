import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/totals-reporter.ts'],
    globalSetup: ['./test/support/temp-folder.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Property tests and git repos are CPU-bound; two cores are the budget.
    pool: 'forks',
    maxWorkers: 2,
  },
});
