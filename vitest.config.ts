import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Only unit tests: Playwright specs live in e2e/ and run under Playwright.
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // CI (.ci/run) reads the JSON report to print its closing "N passed, N failed" line.
    reporters: process.env.VITEST_JSON ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON ? { json: process.env.VITEST_JSON } : undefined,
  },
});
