import { readFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { expectAccessible } from './axe';
import { WatchedPage } from './watched-page';

/**
 * Route tests in the app (issue 12): save a simulator request as a test, see it hold, edit the
 * design and see it fail with what differed; the tests survive a reload and download as YAML.
 */
class TestsPage extends WatchedPage {
  async open(): Promise<void> {
    await this.page.setViewportSize({ width: 1600, height: 1000 });
    await this.page.goto('/');
    await expect(this.node('Gateway', 'infra', 'edge')).toBeVisible();
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
  }

  async tab(name: 'simulator' | 'tests'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
    await expect(this.page.getByTestId(name === 'tests' ? 'tests' : 'simulator')).toBeVisible();
  }

  async simulate(url: string): Promise<void> {
    await this.page.getByTestId('sim-url').fill(url);
    await this.page.getByTestId('sim-send').click();
  }

  get rows(): Locator {
    return this.page.getByTestId('test-row');
  }

  row(name: string): Locator {
    return this.rows.and(this.page.locator(`[data-name="${name}"]`));
  }

  get summary(): Locator {
    return this.page.getByTestId('tests-summary');
  }

  get badge(): Locator {
    return this.page.getByTestId('tests-tab-count');
  }

  async cursorAtEndOf(text: string): Promise<void> {
    await this.editorLine(text).first().click({ position: { x: 4, y: 5 } });
    await this.page.keyboard.press('End');
  }

  async download(button: Locator): Promise<{ name: string; text: string }> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), button.click()]);
    return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
  }

  /** Screenshots in both themes (1600×1000) with an axe check of each; ends in light. */
  async shots(name: string): Promise<void> {
    for (const theme of ['light', 'dark'] as const) {
      if ((await this.page.locator('html').getAttribute('data-theme')) !== theme) {
        await this.page.getByTestId('toggle-theme').click();
        await expect(this.page.locator('html')).toHaveAttribute('data-theme', theme);
      }
      await this.page.waitForTimeout(400); // the theme's colour transitions end
      await this.page.screenshot({ path: `e2e/screenshots/route-tests-${name}-${theme}.png` });
      await expectAccessible(this.page, `route tests: ${name}, ${theme}`);
    }
    await this.page.getByTestId('toggle-theme').click();
    await expect(this.page.locator('html')).toHaveAttribute('data-theme', 'light');
  }
}

const CART = 'GET /cart → 200 shop/cart-v1 90%, shop/cart-v2 10%';
const CHECKOUT = 'GET /checkout → 301 https://www.shop.example.com/checkout';

test('save a simulator request as a test, see it hold, then fail after an edit; it survives a reload and downloads', async ({ page }) => {
  const app = new TestsPage(page);
  await app.open();

  // No tests yet: the tab says how to add one.
  await app.tab('tests');
  await expect(page.getByTestId('tests-empty')).toContainText('Save as test');
  await expect(app.badge).toHaveCount(0);
  await app.shots('01-empty');

  // Simulate the cart, save it; then the redirect of plain HTTP.
  await page.getByTestId('tests-go-simulator').click();
  await app.simulate('https://www.shop.example.com/cart');
  await expect(page.getByTestId('sim-status')).toHaveText('200 OK');
  await page.getByTestId('sim-save-test').click();
  await expect(page.getByTestId('sim-save-status')).toHaveText(/^Saved as test 1 · holds/);
  await app.simulate('http://www.shop.example.com/checkout');
  await expect(page.getByTestId('sim-status')).toHaveText('301 Moved Permanently');
  await expect(page.getByTestId('sim-save-status')).toHaveText('');
  await page.getByTestId('sim-save-test').click();
  await expect(page.getByTestId('sim-save-status')).toHaveText(/^Saved as test 2 · holds/);
  await app.shots('02-saved');

  // The Tests tab: both hold.
  await app.tab('tests');
  await expect(app.summary).toContainText('All 2 hold');
  await expect(app.rows).toHaveCount(2);
  await expect(app.row(CART)).toHaveAttribute('data-passed', 'true');
  await expect(app.row(CART).getByTestId('test-request')).toContainText('GET https://www.shop.example.com/cart');
  await expect(app.row(CHECKOUT)).toHaveAttribute('data-passed', 'true');
  await expect(app.badge).toHaveText('2');
  await expect(app.badge).toHaveClass(/is-ok/);
  await app.shots('03-holding');

  // Edit the design: cart-v1's weight 90 → 50. The cart test fails, saying what differed.
  await app.node('HTTPRoute', 'shop', 'cart').click(); // its YAML comes into view
  await app.cursorAtEndOf('weight: 90');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('50');
  await expect(app.summary).toContainText('1 of 2 hold');
  await expect(app.row(CART)).toHaveAttribute('data-passed', 'false');
  await expect(app.row(CHECKOUT)).toHaveAttribute('data-passed', 'true');
  const failures = app.row(CART).getByTestId('test-failures');
  await expect(failures).toContainText('expected shop/cart-v1 share 0.9 (90%)');
  await expect(failures).toContainText('got share 0.833333 (83.333%)');
  await expect(failures).toContainText('expected shop/cart-v2 share 0.1 (10%)');
  await expect(app.badge).toHaveText('1');
  await expect(app.badge).toHaveClass(/is-error/);
  await app.shots('04-failing');

  // Simulate: the failing case's request goes to the simulator, which shows today's answer.
  await app.row(CART).getByTestId('test-simulate').click();
  await expect(page.getByTestId('sim-url')).toHaveValue('https://www.shop.example.com/cart');
  await expect(page.getByTestId('sim-backend').and(page.locator('[data-name="cart-v1"]'))).toContainText('83.3 %');

  // Reload: the design (with its edit) and its tests are back, and run again.
  await page.waitForTimeout(1500); // the debounced autosave
  await page.reload();
  await expect(app.node('Gateway', 'infra', 'edge')).toBeVisible();
  await app.tab('tests');
  await expect(app.rows).toHaveCount(2);
  await expect(app.summary).toContainText('1 of 2 hold');

  // Download: shop.tests.yaml, a RouteTests file with both cases.
  const file = await app.download(page.getByTestId('tests-download'));
  expect(file.name).toBe('shop.tests.yaml');
  expect(file.text).toContain('kind: RouteTests');
  expect(file.text).toContain(`name: ${CART}`);
  expect(file.text).toContain('request: GET https://www.shop.example.com/cart');
  expect(file.text).toContain('redirect: https://www.shop.example.com/checkout');

  // The change was intended: Accept answer. The case holds again, named after its new answer.
  await app.row(CART).getByTestId('test-accept').click();
  await expect(app.summary).toContainText('All 2 hold');
  await expect(app.row('GET /cart → 200 shop/cart-v1 83.3%, shop/cart-v2 16.7%')).toHaveAttribute('data-passed', 'true');

  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});

test('rename, delete (and undo), edit as YAML with its problems by line:column, open a tests file', async ({ page }) => {
  const app = new TestsPage(page);
  await app.open();
  await app.tab('simulator');
  await app.simulate('https://www.shop.example.com/');
  await expect(page.getByTestId('sim-status')).toHaveText('200 OK');
  await page.getByTestId('sim-save-test').click();
  await app.tab('tests');
  const row = app.row('GET / → 200 shop/storefront');
  await expect(row).toHaveAttribute('data-passed', 'true');

  // Rename: the name in the YAML changes.
  await row.getByTestId('test-name').click(); // a holding case opens on a click
  await row.getByTestId('test-rename').click();
  await page.getByTestId('test-rename-input').fill('the storefront serves everything else');
  await page.keyboard.press('Enter');
  await expect(app.row('the storefront serves everything else')).toBeVisible();

  // Edit as YAML: the text, and a problem located by line:column.
  await page.getByTestId('tests-edit-yaml').click();
  const yaml = page.getByTestId('tests-yaml');
  await expect(yaml).toHaveValue(/name: the storefront serves everything else/);
  const text = await yaml.inputValue();
  await yaml.fill(text.replace('status: 200', 'stat: 200'));
  await expect(page.getByTestId('tests-diagnostics')).toContainText(/\d+:\d+ expect has an unknown field|stat/);
  await expect(app.badge).toHaveCount(0);
  await app.shots('05-yaml-problem');
  await yaml.fill(text);
  await expect(page.getByTestId('tests-diagnostics')).toHaveCount(0);
  await page.getByTestId('tests-edit-yaml').click();

  // Delete, then Undo.
  await app.row('the storefront serves everything else').getByTestId('test-name').click();
  await app.row('the storefront serves everything else').getByTestId('test-delete').click();
  await expect(app.rows).toHaveCount(0);
  await page.getByTestId('tests-deleted').getByRole('button', { name: 'Undo' }).click();
  await expect(app.rows).toHaveCount(1);

  // Open a tests file: the repository's shop.tests.yaml replaces them; all five hold.
  await page.getByTestId('tests-open-input').setInputFiles('examples/shop.tests.yaml');
  await expect(app.rows).toHaveCount(5);
  await expect(app.summary).toContainText('All 5 hold');

  // A new design clears them: they were the old design's.
  await page.getByTestId('io-new').click();
  await page.getByTestId('confirm-new-ok').click();
  await expect(page.getByTestId('tests-empty')).toBeVisible();

  // Open the manifests and their tests together: the RouteTests file becomes the tests, not a manifest.
  await page.getByTestId('io-open-input').setInputFiles(['public/examples/shop.yaml', 'examples/shop.tests.yaml']);
  await expect(app.node('Gateway', 'infra', 'edge')).toBeVisible();
  await expect(app.summary).toContainText('All 5 hold');
  await expect(app.editorLine('kind: RouteTests')).toHaveCount(0);

  expect(app.consoleErrors).toEqual([]);
  expect(app.foreignRequests).toEqual([]);
});
