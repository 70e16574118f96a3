import { defineConfig } from 'vitest/config';

/**
 * Real-Chromium end-to-end suite: the built, unmodified extension from
 * .output/chrome-mv3 against the local HTTPS sandbox (test/e2e/harness.ts).
 * One browser at a time (2-core machine), generous timeouts.
 * `npm run e2e` builds first; `npm run e2e:only` runs against the existing build.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // Real browsers are slow on shared CI runners; one retry separates flakes from failures without hiding them in the report.
    retry: process.env.CI === 'true' ? 1 : 0,
  },
});
