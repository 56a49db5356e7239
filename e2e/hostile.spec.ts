import { expect, test, type Page } from '@playwright/test';
import { manyObjects } from './bench/big-inputs';
import { WatchedPage } from './watched-page';
import { expectAccessible } from './axe';

/**
 * Hostile input in the browser: a big paste is read off the main thread, with progress and
 * Cancel; an analysis that takes too long is stopped by its watchdog, said so, and the next edit
 * is analysed by a fresh worker. (`npm run bench:ui` measures the full-size cases.)
 */
interface Task {
  readonly start: number;
  readonly duration: number;
}

declare global {
  interface Window {
    __tasks?: Task[];
    __paste?: string;
  }
}

/** The app as these journeys use it; long tasks are recorded from the first page load. */
class HostilePage extends WatchedPage {
  async open(limits?: object): Promise<void> {
    await this.page.addInitScript((l) => {
      if (l) localStorage.setItem('route-designer:watchdog-limits', JSON.stringify(l));
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__tasks?.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    }, limits ?? null);
    await this.page.goto('/');
    await expect(this.page.getByTestId('node-Gateway-infra-edge')).toBeVisible();
    await expect(this.page.getByTestId('yaml-editor').locator('.monaco-editor')).toBeVisible();
  }

  async newDesign(): Promise<void> {
    await this.page.getByTestId('io-new').click();
    await this.page.getByTestId('confirm-new-ok').click();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
  }

  /** Pastes onto the canvas (the text crosses into the page first); returns the paste's time. */
  async paste(text: string): Promise<number> {
    await this.page.evaluate((t) => (window.__paste = t), text);
    return this.page.evaluate(() => {
      const t0 = performance.now();
      const data = new DataTransfer();
      data.setData('text/plain', window.__paste ?? '');
      delete window.__paste;
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      return t0;
    });
  }

  async longTasksSince(t0: number): Promise<Task[]> {
    return this.page.evaluate((from) => (window.__tasks ?? []).filter((t) => t.start + t.duration >= from), t0);
  }
}

/** With E2E_SCREENSHOTS set: the page in both themes (the toolbar's toggle, twice). */
async function screenshotBoth(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 2; i++) {
    const theme = await page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
    await page.waitForTimeout(400); // the theme's colour transitions end
    await page.screenshot({ path: test.info().outputPath(`${name}-${theme}.png`) });
    await expectAccessible(page, `hostile: ${name}, ${theme}`);
    await page.getByTestId('toggle-theme').click();
  }
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('an 8 MB paste is read off the main thread, with progress and Cancel back to the design before', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new HostilePage(page);
  await app.open();
  await app.newDesign();
  // 8 MB: a 3 MB design is now checked and compiled before Cancel can be pressed (the verdict got faster).
  const input = manyObjects(70_000);
  expect(input.text.length).toBeGreaterThan(8_000_000);
  const t0 = await app.paste(input.text);

  // Progress over the canvas: what is being done, how far, the objects found; the page answers.
  const progress = page.getByTestId('analysis-progress');
  await expect(progress).toBeVisible();
  await expect(page.getByTestId('analysis-progress-text')).toContainText('70,000 objects found', { timeout: 60_000 });

  // From the paste to here (the editor shows the text, the worker has read it): the issue's bound
  // is 200 ms on a quiet machine (npm run bench:ui measures it); CI shares two cores with other
  // work, where the same window measured 130–720 ms. 800 ms still fails what it replaced: the
  // whole text put into the editor at once (1.9 s here) or pieces re-rendered 12 times.
  const tasks = await app.longTasksSince(t0);
  const longest = Math.max(0, ...tasks.map((t) => t.duration));
  console.log(`    long tasks after the paste: ${tasks.map((t) => `${(t.start - t0).toFixed(0)}+${t.duration.toFixed(0)}`).join(' ') || 'none'}`);
  expect(longest).toBeLessThanOrEqual(800);

  // Cancel (while the worker checks and compiles): the analysis stops, the design before (empty) is back.
  await page.getByTestId('analysis-cancel').click();
  await expect(progress).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(page.getByTestId('failure-banner')).toHaveCount(0);
  await expectAccessible(page, 'hostile: cancelled paste, empty state');
  expect(app.consoleErrors).toEqual([]);

  if (process.env.E2E_SCREENSHOTS) {
    // Another paste, for pictures of its progress in both themes.
    await app.paste(manyObjects(70_000).text);
    await expect(page.getByTestId('analysis-progress-text')).toContainText('70,000 objects found', { timeout: 60_000 });
    await screenshotBoth(page, 'big-paste-progress');
  }
});

test('an analysis past its watchdog is stopped and said so; the next edit is analysed by a fresh worker', async ({ page }) => {
  test.setTimeout(120_000);
  const app = new HostilePage(page);
  // A test hook that only sets the bound: 1 s for any analysis (the example takes ~0.1 s; 8 MB
  // take several seconds).
  await app.open({ analysis: { baseMs: 1000, perMbMs: 0 } });
  // Onto the example: it is replaced at once (a toast offers Undo).
  await app.paste(manyObjects(70_000).text);
  await expect(page.getByTestId('import-toast')).toBeVisible();

  const banner = page.getByTestId('failure-banner');
  await expect(banner).toContainText('Analysis of the design took longer than 1 s and was stopped — the last good design is shown; edit to try again.', { timeout: 60_000 });
  // The last good design stays on the canvas.
  await expect(page.getByTestId('node-Gateway-infra-edge')).toBeVisible();
  await expect(page.getByTestId('analysis-progress')).toHaveCount(0);
  await expectAccessible(page, 'hostile: watchdog stopped banner');
  if (process.env.E2E_SCREENSHOTS) await screenshotBoth(page, 'watchdog-stopped');

  // The next edits (undo back to the example, then a Service typed into it) are analysed normally.
  await page.getByTestId('undo').click();
  await expect(banner).toHaveCount(0);
  await page.getByTestId('yaml-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n---\napiVersion: v1\nkind: Service\nmetadata: {name: fresh, namespace: shop}\nspec: {ports: [{port: 80}]}\n');
  await expect(page.getByTestId('node-Service-shop-fresh')).toBeVisible();
  await expect(banner).toHaveCount(0);
  expect(app.consoleErrors).toEqual([]);
});
