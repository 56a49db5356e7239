// `npm test` finds a browser by itself: Debian's Chromium when present, else Playwright's own,
// downloading it when missing (on a machine with internet).
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';

const system = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].some((p) => existsSync(p));
if (!system && !existsSync(chromium.executablePath())) {
  console.log('No Chromium found: installing Playwright\'s own (npx playwright install chromium)…');
  execSync('npx playwright install chromium', { stdio: 'inherit' });
}
