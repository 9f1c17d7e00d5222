import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension (.output/, from `npm run build`) in real Chromium and
// Firefox ESR, driven by puppeteer-core. See test/e2e/harness.ts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts', 'test/adversarial/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['test/adversarial/global-setup.ts'],
    // Browsers are heavy and CI has 2 cores: one test file at a time, one worker.
    fileParallelism: false,
    maxWorkers: 1,
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // One retry: real browsers on a loaded 2-core CI machine occasionally miss a tab or a realm; a test
    // that fails twice is a real failure, and vitest still prints every retried test as flaky.
    retry: 1,
    reporters: ['verbose'],
  },
});
