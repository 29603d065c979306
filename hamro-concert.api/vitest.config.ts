import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Test files share one embedded PostgreSQL; each makes its own data, so files may run in parallel.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
