import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible } from './axe';
import { WatchedPage } from './watched-page';

/**
 * The target cluster in the app (issue 14): a design with a Gateway of a class whose controller
 * has no conformance report, and an HTTPRoute with a RequestMirror filter, a queryParams match, a
 * `retry` and a parentRef `port`. Picking Gateway API v1.6 standard + Cilium v1.20.0 flags what
 * Cilium's report lists unsupported (retry, parentRef port) and the experimental-only `retry` field;
 * the mirror and the query match, which that report lists supported, stay clean. The target is
 * saved with the design (a reload keeps it); Envoy Gateway on the experimental channel clears them.
 */
const DESIGN = readFileSync(new URL('./fixtures/target/mirror-query-retry.yaml', import.meta.url), 'utf8');

class TargetPage extends WatchedPage {
  get route(): Locator {
    return this.node('HTTPRoute', 'shop', 'search');
  }

  get button(): Locator {
    return this.page.getByTestId('toolbar-target');
  }

  get dialog(): Locator {
    return this.page.getByTestId('target-dialog');
  }

  get problems(): Locator {
    return this.page.getByTestId('problems').getByTestId('problem');
  }

  problemsOf(code: string): Locator {
    return this.problems.and(this.page.locator(`[data-code="${code}"]`));
  }

  async analysed(): Promise<void> {
    await expect(this.route).toBeVisible();
    await expect(this.page.getByLabel('Checking')).toHaveCount(0);
  }

  async openPicker(): Promise<void> {
    await this.button.click();
    await expect(this.dialog).toBeVisible();
    await expect(this.page.getByTestId('target-release')).toBeFocused();
  }

  /** Light and dark, each checked by axe; the theme is back where it was after. */
  async screenshotBoth(name: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const theme = await this.page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
      await this.page.waitForTimeout(400); // the theme's colour transitions end
      await this.page.screenshot({ path: `e2e/screenshots/target-${name}-${theme}.png` });
      await expectAccessible(this.page, `target: ${name}, ${theme}`);
      await this.page.evaluate(() => (document.querySelector('[data-testid="toggle-theme"]') as HTMLButtonElement | null)?.click());
    }
  }
}

test.use({ viewport: { width: 1600, height: 1000 } });

test('pick Cilium 1.20 on Gateway API v1.6 standard: its unsupported features are flagged, kept across a reload, gone with Envoy Gateway', async ({ page }) => {
  const app = new TargetPage(page);
  await app.openBlank();
  await app.pasteOnPage(DESIGN);
  await app.analysed();

  // The default target: the newest release, experimental, any implementation — nothing to say.
  await expect(app.button).toHaveText('Gateway API v1.6.1 experimental channel');
  await expect(page.getByTestId('status-problems')).toHaveAttribute('data-total', '0');

  // The picker, from the keyboard where it matters: it opens on the release, states the class's controller.
  await app.openPicker();
  await expect(page.getByTestId('target-class-edge')).toContainText('Gateways of class edge name no controller with a conformance report');
  await expect(page.getByTestId('target-cli')).toHaveText('(no --target: the default)');
  await page.getByTestId('target-release').selectOption('v1.6');
  await page.getByTestId('target-channel-standard').check();
  await page.getByTestId('target-implementation').selectOption('cilium');
  await page.getByTestId('target-version').selectOption('1.20.0');
  await expect(page.getByTestId('target-resolved')).toContainText('Gateway API v1.6.1 (standard channel)');
  await expect(page.getByTestId('target-resolved')).toContainText('conformance/reports/v1.6/cilium/standard-v1.20.0-default-report.yaml');
  await expect(page.getByTestId('target-class-edge')).toContainText('judged as cilium, picked here');
  await expect(page.getByTestId('target-cli')).toHaveText('--target gateway-api=v1.6,channel=standard,implementation=cilium@1.20.0');
  await app.screenshotBoth('picker');
  await page.getByTestId('target-apply').click();
  await expect(app.dialog).toHaveCount(0);
  await expect(app.button).toBeFocused(); // focus returns to the control that opened it
  await expect(app.button).toHaveText('Gateway API v1.6.1 cilium v1.20.0 · standard');

  // Warnings on what Cilium's report lists unsupported; the experimental-only retry field is an error.
  await expect(page.getByTestId('status-problems')).toHaveAttribute('data-total', '3');
  await page.getByTestId('status-problems').click();
  await expect(app.problemsOf('TargetFeatureUnsupported')).toHaveCount(2);
  await expect(app.problemsOf('TargetFeatureUnsupported').filter({ hasText: 'HTTPRouteRetry' })).toHaveCount(1);
  await expect(app.problemsOf('TargetFeatureUnsupported').filter({ hasText: 'HTTPRouteParentRefPort' })).toHaveCount(1);
  await expect(app.problemsOf('TargetFeatureUnsupported').first()).toHaveAttribute('data-severity', 'warning');
  await expect(app.problemsOf('TargetFieldNotInRelease')).toHaveCount(1);
  await expect(app.problemsOf('TargetFieldNotInRelease')).toHaveAttribute('data-severity', 'error');
  await expect(app.problemsOf('TargetFieldNotInRelease')).toContainText('retry');
  // The mirror and the query match are supported by cilium v1.20.0's report: no problem names them.
  await expect(app.problems.filter({ hasText: /Mirror|QueryParam/ })).toHaveCount(0);
  await expect(app.problemsOf('TargetFeatureNotReported')).toHaveCount(0);
  // The canvas marks the route's rule.
  await expect(app.route.getByTestId('row-problem').first()).toBeVisible();
  await app.screenshotBoth('cilium');

  // Saved with the design: a reload keeps the target and its problems.
  await expect
    .poll(() => page.evaluate(() => new Promise<string>((resolve) => {
      const open = indexedDB.open('route-designer');
      open.onsuccess = () => {
        const request = open.result.transaction('autosave').objectStore('autosave').get('route-designer:autosave');
        request.onsuccess = () => {
          open.result.close();
          const v: unknown = request.result;
          resolve(typeof v === 'object' && v !== null && 'target' in v && typeof v.target === 'string' ? v.target : '');
        };
      };
    })), { message: 'the target is saved' })
    .toBe('gateway-api=v1.6,channel=standard,implementation=cilium@1.20.0');
  await page.reload();
  await app.analysed();
  await expect(app.button).toHaveText('Gateway API v1.6.1 cilium v1.20.0 · standard');
  await expect(page.getByTestId('status-problems')).toHaveAttribute('data-total', '3');

  // Envoy Gateway, experimental channel: every one of them goes.
  await app.openPicker();
  await expect(page.getByTestId('target-implementation')).toHaveValue('cilium');
  await page.getByTestId('target-channel-experimental').check();
  await page.getByTestId('target-implementation').selectOption('envoy-gateway');
  await expect(page.getByTestId('target-version')).toHaveValue('');
  await expect(page.getByTestId('target-resolved')).toContainText('envoy-gateway v1.9.0');
  await page.getByTestId('target-apply').click();
  await expect(app.button).toHaveText('Gateway API v1.6.1 envoy-gateway v1.9.0 · experimental');
  await expect(page.getByTestId('status-problems')).toHaveAttribute('data-total', '0');
  await expect(app.route.getByTestId('row-problem')).toHaveCount(0);
  await app.screenshotBoth('envoy-gateway');

  // By keyboard: Enter on the control opens the picker on its first choice; Escape closes it unchanged.
  await app.button.focus();
  await page.keyboard.press('Enter');
  await expect(app.dialog).toBeVisible();
  await expect(page.getByTestId('target-release')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('target-channel-experimental')).toBeFocused(); // the checked radio of the channel group
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByTestId('target-channel-standard')).toBeChecked();
  await expect(page.getByTestId('target-cli')).toHaveText('--target gateway-api=v1.6,channel=standard,implementation=envoy-gateway');
  await page.keyboard.press('Escape');
  await expect(app.dialog).toHaveCount(0);
  await expect(app.button).toHaveText('Gateway API v1.6.1 envoy-gateway v1.9.0 · experimental');

  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
