import { expect, test, type Locator } from '@playwright/test';
import { WatchedPage } from './watched-page';
import { expectAccessible } from './axe';

/** The designer as a user sees it: canvas nodes and edges, the YAML editor, the problems panel. */
class Designer extends WatchedPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.page.getByRole('heading', { name: 'Route Designer' })).toBeVisible();
  }

  edgeLabel(text: string): Locator {
    return this.page.getByTestId('edge-label').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  }

  get errorMarkers(): Locator {
    return this.editor.locator('.squiggly-error');
  }

  get problems(): Locator {
    return this.page.getByTestId('problem');
  }

  get staleBanner(): Locator {
    return this.page.getByTestId('stale-banner');
  }

  async showTab(name: 'inspector' | 'problems'): Promise<void> {
    await this.page.getByTestId(`tab-${name}`).click();
  }

  /** Puts the cursor at the end of the first visible editor line containing `text`. */
  async cursorAtEndOf(text: string): Promise<void> {
    // A view line is as wide as the editor's scroll width: click near its start, not its middle.
    await this.editorLine(text).first().click({ position: { x: 4, y: 5 } });
    await this.page.keyboard.press('End');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.waitForTimeout(250); // let transitions settle
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}

test('the designer opens on the example; YAML edits update the canvas, errors keep the last good one', async ({ page }) => {
  const app = new Designer(page);
  await app.open();

  // The embedded example, drawn: the Gateway with its listeners, the routes, the Services.
  await expect(app.node('Gateway', 'infra', 'edge')).toBeVisible();
  await expect(app.node('Gateway', 'infra', 'edge')).toContainText('https :443 *.shop.example.com');
  for (const name of ['cart', 'storefront']) await expect(app.node('HTTPRoute', 'shop', name)).toBeVisible();
  await expect(app.node('HTTPRoute', 'infra', 'https-redirect')).toBeVisible();
  for (const name of ['cart-v1', 'cart-v2', 'catalog', 'storefront']) await expect(app.node('Service', 'shop', name)).toBeVisible();
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toContainText('PathPrefix /cart · x-canary=1');
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();
  await expect(app.edgeLabel('10 · 10 %')).toBeVisible();
  await expect(page.getByTestId('group-shop')).toBeVisible();

  // The YAML editor (Monaco, loaded lazily) shows the same manifests.
  await expect(app.editor.locator('.monaco-editor')).toBeVisible();
  await expect(app.editorLine('kind: Gateway').first()).toBeVisible();
  await expect(page.getByTestId('status-problems')).toHaveText('No problems');
  await app.screenshot('01-open');
  await expectAccessible(page, 'app: 01-open');

  // Selecting a node shows its details and reveals its YAML.
  await app.node('HTTPRoute', 'shop', 'cart').click();
  await expect(page.getByTestId('inspector')).toContainText('cart');
  await expect(page.getByTestId('inspector')).toContainText('PathPrefix /cart · x-canary=1');
  await expect(app.editorLine('weight: 90')).toBeVisible();
  await app.screenshot('02-selected');
  await expectAccessible(page, 'app: 02-selected');

  // Break the YAML by typing: delete the colon of "weight: 90".
  await app.cursorAtEndOf('weight: 90');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Backspace');
  await expect(app.editorLine('weight 90')).toBeVisible();

  await expect(app.staleBanner).toBeVisible();
  await expect(app.staleBanner).toContainText('The YAML has errors');
  await app.showTab('problems');
  const problem = app.problems.filter({ hasText: 'YAMLSyntax' }).first();
  await expect(problem).toBeVisible();
  await expect(problem).toContainText(/shop\.yaml:\d+:\d+/);
  await expect(app.errorMarkers.first()).toBeAttached();
  // The canvas keeps the last good version.
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toBeVisible();
  await expect(app.edgeLabel('90 · 90 %')).toBeVisible();
  await app.screenshot('03-broken');
  await expectAccessible(page, 'app: 03-broken');

  // Clicking the problem moves the editor to its line.
  const line = Number(await problem.getAttribute('data-line'));
  await problem.click();
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText(String(line));
  // …and selects the node the canvas still shows for that document.
  await expect(app.node('HTTPRoute', 'shop', 'cart')).toHaveClass(/is-selected/);

  // Fix it, then change the weight: the canvas follows.
  await app.cursorAtEndOf('weight 90');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type(':');
  await expect(app.staleBanner).toBeHidden();
  await expect(page.getByTestId('no-problems')).toBeVisible();

  await app.cursorAtEndOf('weight: 90');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('80');
  await expect(app.edgeLabel('80 · 88.9 %')).toBeVisible();
  await expect(app.edgeLabel('10 · 11.1 %')).toBeVisible();
  await expect(app.edgeLabel('90 · 90 %')).toHaveCount(0);
  await app.screenshot('04-fixed');
  await expectAccessible(page, 'app: 04-fixed');

  // Dark theme, and the editor collapses.
  await page.getByTestId('toggle-theme').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await app.screenshot('05-dark');
  await expectAccessible(page, 'app: 05-dark');
  await page.getByTestId('toggle-editor').click();
  await expect(app.editor).toBeHidden();
  await page.waitForTimeout(300); // the canvas pane has grown: let React Flow measure it
  await page.getByTestId('fit-view').click();
  await page.waitForTimeout(300);
  await app.screenshot('06-editor-collapsed');
  await expectAccessible(page, 'app: 06-editor-collapsed');

  expect(app.foreignRequests).toEqual([]);
  expect(app.consoleErrors).toEqual([]);
});
