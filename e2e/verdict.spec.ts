import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { WatchedPage } from './watched-page';
import { expectAccessible } from './axe';

/**
 * The reviewer's verdict in the app (issue 10): a pasted design with a shadowed rule and a
 * cross-namespace backend without its ReferenceGrant shows both on the canvas (a struck row that
 * says what shadows it, a problem line on the rule) and in Problems (the toolbar's count, filters
 * by severity, check and kind); "Simulate this" on a reachable rule sends its witness request,
 * and the simulator's answer is that rule.
 */
const DESIGN = readFileSync(new URL('./fixtures/verdict/shadow-and-grant.yaml', import.meta.url), 'utf8');


class Verdict extends WatchedPage {
  async openWith(text: string): Promise<void> {
    await this.openBlank();
    await this.pasteOnPage(text);
    await expect(this.route).toBeVisible();
    await expect(this.page.getByLabel('Checking')).toHaveCount(0);
  }

  get route(): Locator {
    return this.page.getByTestId('node-HTTPRoute-shop-store');
  }

  row(text: string): Locator {
    return this.route.getByTestId('node-row').filter({ hasText: text });
  }

  get problems(): Locator {
    return this.page.getByTestId('problems').getByTestId('problem');
  }

  async screenshotBoth(name: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const theme = await this.page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
      await this.page.waitForTimeout(400); // the theme's colour transitions end
      await this.page.screenshot({ path: `e2e/screenshots/verdict-${name}-${theme}.png` });
      await expectAccessible(this.page, `verdict: ${name}, ${theme}`);
      await this.page.getByTestId('toggle-theme').click();
    }
  }
}

test.use({ viewport: { width: 1600, height: 1000 } });

async function decoration(l: Locator): Promise<string> {
  return l.evaluate((e) => getComputedStyle(e).textDecorationLine);
}

async function selectOption(page: Page, testId: string, value: string): Promise<void> {
  await page.getByTestId(testId).selectOption(value);
}

test('a shadowed rule and a missing ReferenceGrant: on the canvas, in Problems, and "Simulate this"', async ({ page }) => {
  const v = new Verdict(page);
  await v.openWith(DESIGN);

  // The canvas: the second /cart rule is struck through and names the rule that takes its requests.
  const shadowed = v.row('cart-again');
  await expect(shadowed).toHaveAttribute('data-reach', 'shadowed');
  await expect(shadowed.getByTestId('row-shadowed')).toHaveText('shadowed by rule 1 (cart)');
  expect(await decoration(shadowed.locator('.rd-row-label'))).toBe('line-through');
  expect(await decoration(v.row('pay').locator('.rd-row-label'))).toBe('none');
  // The cross-namespace backend without a grant: its rule says so.
  await expect(v.row('pay').getByTestId('row-problem')).toContainText('RefNotPermitted');

  // The toolbar and the Problems tab count the same problems the panel lists.
  const status = page.getByTestId('status-problems');
  await expect(status).toHaveAttribute('data-total', '2');
  await expect(page.getByTestId('status-warning')).toHaveText('2');
  await expect(page.getByTestId('tab-problems')).toContainText('2');
  await status.click();
  await expect(v.problems).toHaveCount(2);
  await expect(page.getByTestId('problems-shown')).toHaveText('2 problems');
  await expect(v.problems.and(page.locator('[data-code="RuleUnreachable"]'))).toHaveCount(1);
  await expect(v.problems.and(page.locator('[data-code="RefsNotResolved"]'))).toContainText('RefNotPermitted');
  await v.screenshotBoth('problems');

  // Filters: by severity, by check, by kind.
  await page.getByTestId('filter-warning').click();
  await expect(page.getByTestId('filter-warning')).toHaveAttribute('aria-pressed', 'false');
  await expect(v.problems).toHaveCount(0);
  await expect(page.getByTestId('problems-shown')).toHaveText('0 of 2 problems shownshow all');
  await page.getByTestId('filter-warning').click();
  await expect(v.problems).toHaveCount(2);
  await selectOption(page, 'filter-family', 'reach');
  await expect(v.problems).toHaveCount(1);
  await expect(v.problems.first()).toHaveAttribute('data-code', 'RuleUnreachable');
  await selectOption(page, 'filter-family', 'controller');
  await expect(v.problems).toHaveCount(1);
  await expect(v.problems.first()).toHaveAttribute('data-code', 'RefsNotResolved');
  await selectOption(page, 'filter-family', '');
  await selectOption(page, 'filter-kind', 'HTTPRoute');
  await expect(v.problems).toHaveCount(2);
  await v.screenshotBoth('filters');
  await selectOption(page, 'filter-kind', '');

  // A click on the shadowing rule (on the canvas row) selects it.
  await shadowed.getByTestId('shadowed-by').click();
  await expect(v.route).toHaveClass(/selected|is-selected/);
  await expect(v.row('cart').first()).toHaveClass(/is-picked/);
  // The problem names it too, and selects it the same way.
  await page.getByTestId('problem-related').click();
  await expect(v.row('cart').first()).toHaveClass(/is-picked/);
  // Closer, to read the rows (the struck one, the picked one).
  for (let i = 0; i < 3; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(300);
  await v.screenshotBoth('shadowed');

  // "Simulate this" on the reachable third rule (a header match): its witness request reaches it.
  await page.getByTestId('tab-inspector').click();
  const rule = page.getByTestId('rule-2');
  await expect(rule).toBeVisible();
  await expect(page.getByTestId('rule-1').getByTestId('rule-unreachable')).toBeVisible();
  await rule.getByTestId('simulate-rule').click();
  await expect(page.getByTestId('simulator')).toBeVisible();
  await expect(page.getByTestId('sim-url')).toHaveValue(/^http:\/\/www\.shop\.example\.com(:80)?\/pay/);
  await expect(page.getByTestId('sim-path')).toContainText('HTTPRoute shop/store rule 3');
  await v.screenshotBoth('simulate');

  expect(v.consoleErrors).toEqual([]);
  expect(v.foreignRequests).toEqual([]);
});
