import { expect, test, type Locator } from '@playwright/test';
import { WatchedPage } from './watched-page';
import { expectAccessible } from './axe';

/**
 * The simulator in the UI: which backend does this request hit, and why — the answer, the trace,
 * the path lit on the canvas; and the controller status drawn on the canvas.
 */
class Simulator extends WatchedPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('Gateway', 'infra', 'edge')).toBeVisible();
    await expect(this.editor.locator('.monaco-editor')).toBeVisible();
  }

  async openTab(): Promise<void> {
    await this.page.getByTestId('tab-simulator').click();
    await expect(this.page.getByTestId('simulator')).toBeVisible();
  }

  get url(): Locator {
    return this.page.getByTestId('sim-url');
  }

  get status(): Locator {
    return this.page.getByTestId('sim-status');
  }

  backend(name: string): Locator {
    return this.page.getByTestId('sim-backend').and(this.page.locator(`[data-name="${name}"]`));
  }

  get backends(): Locator {
    return this.page.getByTestId('sim-backend');
  }

  step(ref: string): Locator {
    return this.page.getByTestId('trace-step').and(this.page.locator(`[data-ref="${ref}"]`));
  }

  /** Edge labels on the request's path (lit), by their text. */
  litLabel(text: string): Locator {
    return this.page.locator('[data-testid="edge-label"][data-lit="on"]').filter({ hasText: new RegExp(`^${text}$`) });
  }

  async send(url: string): Promise<void> {
    await this.url.fill(url);
    await this.page.getByTestId('sim-send').click();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.waitForTimeout(300); // let transitions settle
    await this.page.screenshot({ path: `e2e/screenshots/${name}.png` });
  }
}

test('the simulator answers as the user types, lights the path on the canvas and explains it', async ({ page }) => {
  const sim = new Simulator(page);
  await sim.open();
  // More room for the canvas while looking at the path; the editor comes back for the trace.
  await page.getByTestId('toggle-editor').click();
  await sim.openTab();

  // The preset request for the example, sent: the 90/10 canary split.
  await expect(sim.url).toHaveValue('https://www.shop.example.com/cart');
  await sim.send('https://www.shop.example.com/cart');
  await expect(sim.status).toHaveText('200 OK');
  await expect(page.getByTestId('sim-dialect')).toHaveText('decided by Gateway API');
  await expect(page.getByTestId('sim-path')).toHaveText('Gateway infra/edge listener https → HTTPRoute shop/cart rule 2 match 1');
  await expect(sim.backends).toHaveCount(2);
  await expect(sim.backend('cart-v1')).toContainText('90 %');
  await expect(sim.backend('cart-v1')).toContainText('shop/cart-v1:8080');
  await expect(sim.backend('cart-v2')).toContainText('10 %');
  // The request as cart receives it: the filter added a header.
  await expect(page.getByTestId('sim-forwarded-header').filter({ hasText: 'x-request-source: edge' })).toHaveAttribute('data-mark', '+');

  // On the canvas: gateway → https listener → cart → rule 1 → both backends; the rest dimmed.
  for (const n of [sim.node('Gateway', 'infra', 'edge'), sim.node('HTTPRoute', 'shop', 'cart'), sim.node('Service', 'shop', 'cart-v1'), sim.node('Service', 'shop', 'cart-v2')]) {
    await expect(n).toHaveClass(/is-lit/);
  }
  for (const n of [sim.node('HTTPRoute', 'shop', 'storefront'), sim.node('Service', 'shop', 'catalog'), sim.node('HTTPRoute', 'infra', 'https-redirect')]) {
    await expect(n).toHaveClass(/is-dim/);
  }
  await expect(sim.node('Gateway', 'infra', 'edge').locator('.rd-row.is-lit')).toContainText('https :443');
  await expect(sim.node('HTTPRoute', 'shop', 'cart').locator('.rd-row.is-lit')).toHaveText('PathPrefix /cartheaders');
  await expect(sim.litLabel('90 %')).toBeVisible();
  await expect(sim.litLabel('10 %')).toBeVisible();

  // The trace: every candidate in order, with the first reason it did not apply.
  await expect(sim.step('Gateway infra/edge listener https')).toHaveAttribute('data-result', 'matched');
  await expect(sim.step('HTTPRoute shop/cart rule 1 match 1')).toContainText('header x-canary absent');
  await expect(sim.step('HTTPRoute shop/cart rule 1 match 1')).toHaveAttribute('data-result', 'skipped');
  await expect(sim.step('HTTPRoute shop/cart rule 2 match 1')).toHaveAttribute('data-result', 'matched');
  await page.waitForTimeout(300); // the canvas pane has grown: let React Flow measure it
  await page.getByTestId('fit-view').click();
  await sim.screenshot('sim-01-cart');
  await expectAccessible(page, 'simulator: sim-01-cart');

  // A trace entry selects its object on the canvas and shows its YAML.
  await page.getByTestId('toggle-editor').click();
  await expect(sim.editor.locator('.monaco-editor')).toBeVisible();
  await sim.step('HTTPRoute shop/storefront rule 1 match 1').click();
  await expect(sim.node('HTTPRoute', 'shop', 'storefront')).toHaveClass(/is-selected/);
  await expect(sim.editorLine('replacePrefixMatch: /v1')).toBeVisible();

  // The canary header: the answer changes as it is typed.
  await page.getByTestId('sim-add-header').click();
  await page.getByTestId('sim-header-name').fill('x-canary');
  await page.getByTestId('sim-header-value').fill('1');
  await expect(sim.backends).toHaveCount(1);
  await expect(sim.backend('cart-v2')).toContainText('100 %');
  await expect(page.getByTestId('sim-path')).toContainText('HTTPRoute shop/cart rule 1 match 1');
  await expect(sim.litLabel('100 %')).toBeVisible();
  await expect(sim.node('Service', 'shop', 'cart-v1')).toHaveClass(/is-dim/);
  await sim.screenshot('sim-02-canary');
  await expectAccessible(page, 'simulator: sim-02-canary');

  // Plain HTTP: the redirect to HTTPS, and its Location.
  await page.getByTestId('sim-remove-header').click();
  await sim.url.fill('http://www.shop.example.com/x');
  await expect(sim.status).toHaveText('301 Moved Permanently');
  await expect(page.getByTestId('sim-redirect')).toContainText('Location: https://www.shop.example.com/x');
  await expect(sim.node('HTTPRoute', 'infra', 'https-redirect')).toHaveClass(/is-lit/);
  await expect(sim.node('HTTPRoute', 'shop', 'cart')).toHaveClass(/is-dim/);
  await sim.screenshot('sim-03-redirect');
  await expectAccessible(page, 'simulator: sim-03-redirect');

  // A host no listener accepts: 404, and the trace says why.
  await sim.url.fill('https://shop.example.org/');
  await expect(sim.status).toHaveText('404 Not Found');
  await expect(sim.step('Gateway infra/edge')).toContainText('no listener on port 443 accepts https://shop.example.org');
  await expect(sim.node('Gateway', 'infra', 'edge')).toHaveClass(/is-dim/);
  await sim.screenshot('sim-04-not-found');
  await expectAccessible(page, 'simulator: sim-04-not-found');

  // The design changes: the answer follows (weight 90 → 30 in the YAML).
  await sim.send('https://www.shop.example.com/cart');
  await expect(sim.backend('cart-v1')).toContainText('90 %');
  await sim.node('HTTPRoute', 'shop', 'cart').click();
  await sim.openTab();
  await sim.editorLine('weight: 90').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('30');
  await expect(sim.backend('cart-v1')).toContainText('75 %');
  await expect(sim.litLabel('25 %')).toBeVisible();

  // Clear: the canvas is back to normal.
  await page.getByTestId('sim-clear').click();
  await expect(page.locator('.rd-node.is-lit, .rd-node.is-dim')).toHaveCount(0);
  await expect(page.getByTestId('sim-answer')).toHaveCount(0);

  expect(sim.foreignRequests).toEqual([]);
  expect(sim.consoleErrors).toEqual([]);
});

test('controller status on the canvas: a route the Gateway does not accept has a dashed edge with the reason', async ({ page }) => {
  const sim = new Simulator(page);
  await sim.open();
  const https = sim.node('Gateway', 'infra', 'edge').getByTestId('node-row').filter({ hasText: 'https :443' });
  await expect(https.getByTestId('attached-routes')).toHaveText('2 routes');

  // Point the cart route at a listener the Gateway does not have.
  await sim.node('HTTPRoute', 'shop', 'cart').click();
  await sim.editorLine('sectionName: https').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.type('z');
  await expect(sim.editorLine('sectionName: httpsz')).toBeVisible();

  const reason = page.getByTestId('edge-label').filter({ hasText: 'NoMatchingParent' });
  await expect(reason).toBeVisible();
  await expect(reason).toContainText('no listener of Gateway infra/edge matches sectionName httpsz');
  await expect(reason).toHaveClass(/is-detached/);
  await expect(page.locator('.react-flow__edge-path.is-detached')).toHaveCount(1);
  await expect(https.getByTestId('attached-routes')).toHaveText('1 route');

  // The inspector shows the route's status as the controller writes it.
  await expect(page.getByTestId('inspector-status')).toContainText('reason: NoMatchingParent');
  await expect(page.getByTestId('inspector-status')).toContainText('status: "False"');
  await sim.screenshot('sim-05-not-attached');
  await expectAccessible(page, 'simulator: sim-05-not-attached');

  // …and the problems list has it, located at the parentRef.
  await page.getByTestId('tab-problems').click();
  await expect(page.getByTestId('problem').filter({ hasText: 'NoMatchingParent' })).toHaveAttribute('data-code', 'RouteNotAccepted');

  // The simulator: /cart now falls through to the storefront's catch-all rule.
  await sim.openTab();
  await expect(sim.status).toHaveText('200 OK');
  await expect(sim.backend('storefront')).toContainText('100 %');
  await expect(sim.step('HTTPRoute shop/storefront rule 2 match 1')).toHaveAttribute('data-result', 'matched');

  // Put sectionName back, and take the shop namespace's label away: the https listener no
  // longer allows routes from shop, and the trace says so.
  await sim.editorLine('sectionName: httpsz').first().click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.press('Backspace');
  await expect(page.locator('.react-flow__edge-path.is-detached')).toHaveCount(0);
  await page.keyboard.press('Control+Home');
  await sim.editorLine('gateway-access: "true"').click({ position: { x: 4, y: 5 } });
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  for (let i = 0; i < 4; i++) await page.keyboard.press('Backspace');
  await page.keyboard.type('false');
  await expect(sim.editorLine('gateway-access: "false"')).toBeVisible();
  await expect(sim.status).toHaveText('404 Not Found');
  await expect(sim.step('HTTPRoute shop/cart')).toContainText('route cart: not attached — ');
  await expect(sim.step('HTTPRoute shop/cart')).toHaveAttribute('data-result', 'skipped');
  await expect(page.getByTestId('edge-label').filter({ hasText: 'NotAllowedByListeners' })).toHaveCount(2);
  await expect(https.getByTestId('attached-routes')).toHaveText('0 routes');
  await sim.screenshot('sim-06-not-allowed-trace');
  await expectAccessible(page, 'simulator: sim-06-not-allowed-trace');

  expect(sim.consoleErrors).toEqual([]);
});
