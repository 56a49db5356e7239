import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser benchmarks (`npm run bench:ui`): not part of `npm test`. They run against a production
 * build in BENCH_DIST (default dist/bench-ui, built by the script) on BENCH_PORT (default 4319).
 */
const port = Number(process.env.BENCH_PORT ?? 4319);
const root = fileURLToPath(new URL('../..', import.meta.url));
const dist = resolve(root, process.env.BENCH_DIST ?? 'dist/bench-ui');
const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

export default defineConfig({
  testDir: '.',
  testMatch: '*.bench.ts',
  timeout: 240_000,
  expect: { timeout: 60_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    ...devices['Desktop Chrome'],
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    cwd: root,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
