import { expect, test, type Locator, type Page } from '@playwright/test';
import { WatchedPage } from './watched-page';

/**
 * The newcomer's bugs (issue 11, bugs 2–6 in part): each journey is one bug, as a new user met it
 * on a 1600×1000 window, and fails on the build before its fix.
 */
class Newcomer extends WatchedPage {
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.node('Gateway', 'infra', 'edge')).toBeVisible();
    await expect(this.page.getByTestId('yaml-editor').locator('.monaco-editor')).toBeVisible();
  }

  node(kind: string, namespace: string, name: string): Locator {
    return this.page.getByTestId(`node-${kind}-${namespace}-${name}`);
  }

  /** New (confirmed), then one of the curated examples from the empty canvas. */
  async newDesign(): Promise<void> {
    await this.page.getByTestId('io-new').click();
    const confirm = this.page.getByTestId('confirm-new-ok');
    if (await confirm.isVisible()) await confirm.click();
    await expect(this.page.getByTestId('empty-state')).toBeVisible();
  }

  async example(file: string): Promise<void> {
    await this.newDesign();
    await this.page.getByTestId(`example-${file}`).click();
    await expect(this.page.getByTestId('empty-state')).toBeHidden();
  }

  async simulator(): Promise<void> {
    await this.page.getByTestId('tab-simulator').click();
    await expect(this.page.getByTestId('simulator')).toBeVisible();
  }

  step(ref: string): Locator {
    return this.page.getByTestId('trace-step').and(this.page.locator(`[data-ref="${ref}"]`));
  }

  /** Light then dark, each at 1600×1000. */
  async screenshotBoth(name: string): Promise<void> {
    for (let i = 0; i < 2; i++) {
      const theme = await this.page.evaluate(() => document.documentElement.dataset.theme ?? 'light');
      await this.page.waitForTimeout(400);
      await this.page.screenshot({ path: `e2e/screenshots/newcomer-${name}-${theme}.png` });
      await this.page.getByTestId('toggle-theme').click();
    }
  }
}

test.use({ viewport: { width: 1600, height: 1000 } });

async function box(l: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await l.boundingBox();
  if (!b) throw new Error('not drawn');
  return b;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** A point of the canvas where nothing is drawn (a click there deselects). */
async function emptyCanvasPoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')?.getBoundingClientRect();
    if (!pane) return null;
    for (let y = pane.y + 30; y < pane.y + pane.height - 30; y += 24) {
      for (let x = pane.x + 80; x < pane.x + pane.width - 30; x += 24) {
        if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
      }
    }
    return null;
  });
  if (!point) throw new Error('no empty point on the canvas');
  return point;
}

/** Horizontal overflow of an element: how many pixels its content is wider than its box. */
async function overflowX(page: Page, selector: string): Promise<number> {
  return page.locator(selector).first().evaluate((e) => e.scrollWidth - e.clientWidth);
}

test('bug 2: another example answers its own request on open, not the 404 of the shop request', async ({ page }) => {
  const app = new Newcomer(page);
  await app.open();
  await app.simulator();
  await expect(page.getByTestId('sim-status')).toHaveText('200 OK');
  await app.example('canary');
  await app.simulator();
  await expect(page.getByTestId('sim-url')).toHaveValue('http://shop.example.com/checkout');
  await expect(page.getByTestId('sim-status')).toHaveText('200 OK');
  await expect(page.getByTestId('sim-backend')).toHaveCount(2);
  await app.screenshotBoth('example-request');

  // Every curated example answers 200 with the request proposed on opening it.
  for (const file of ['header-routing', 'https-redirect', 'cross-namespace', 'istio-subsets', 'mesh-route', 'shop']) {
    await app.example(file);
    await app.simulator();
    await expect(page.getByTestId('sim-status'), file).toHaveText(/^(200 OK|OK)$/);
  }
  expect(app.consoleErrors).toEqual([]);
});

test('bug 2: after New, objects added are not dimmed by the old simulation', async ({ page }) => {
  const app = new Newcomer(page);
  await app.open();
  await app.simulator();
  await expect(app.node('HTTPRoute', 'shop', 'storefront')).toHaveClass(/is-dim/);
  await app.newDesign();
  await page.getByTestId('palette-Gateway').click();
  await page.getByTestId('palette-HTTPRoute').click();
  const gateway = app.node('Gateway', 'default', 'gateway');
  await expect(gateway).toBeVisible();
  await expect(app.node('HTTPRoute', 'default', 'httproute')).toBeVisible();
  for (const n of [gateway, app.node('HTTPRoute', 'default', 'httproute')]) {
    await expect(n).not.toHaveClass(/is-dim/);
    expect(await n.evaluate((e) => Number(getComputedStyle(e).opacity))).toBe(1);
  }
});

test('bug 3: a kind added by a click lands in the visible canvas, clear of the minimap, and in view', async ({ page }) => {
  const app = new Newcomer(page);
  await app.open();
  // Looking closer at part of the design, as one does while building it.
  for (let i = 0; i < 2; i++) await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(400);
  await page.getByTestId('palette-Service').click();
  const added = app.node('Service', 'default', 'service');
  await expect(added).toBeVisible();
  await page.waitForTimeout(500); // a view move, if any, ends
  const pane = await box(page.locator('.react-flow'));
  const node = await box(added);
  expect(node.x).toBeGreaterThanOrEqual(pane.x);
  expect(node.y).toBeGreaterThanOrEqual(pane.y);
  expect(node.x + node.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(node.y + node.height).toBeLessThanOrEqual(pane.y + pane.height);
  const minimap = page.locator('.rd-minimap');
  if (await minimap.isVisible()) expect(overlaps(node, await box(minimap))).toBe(false);
  // A second one does not hide the first, and is in view too.
  await page.getByTestId('palette-Service').click();
  const second = app.node('Service', 'default', 'service-2');
  await expect(second).toBeVisible();
  await page.waitForTimeout(500);
  const b = await box(second);
  expect(overlaps(await box(added), b)).toBe(false);
  expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width);
  expect(b.y + b.height).toBeLessThanOrEqual(pane.y + pane.height);
  await app.screenshotBoth('click-to-add');
});

test('bug 4: a collapsed namespace offers Expand; the YAML highlight leaves a deselected object', async ({ page }) => {
  const app = new Newcomer(page);
  await app.open();
  // Selecting a node lights its lines in the YAML; clicking the empty canvas deselects it and puts them out.
  await app.node('HTTPRoute', 'shop', 'cart').click();
  const lit = page.getByTestId('yaml-editor').locator('.rd-editor-highlight');
  await expect(lit.first()).toBeVisible();
  const empty = await emptyCanvasPoint(page);
  await page.mouse.click(empty.x, empty.y);
  await expect(page.getByText('Select a node on the canvas to inspect it.')).toBeVisible();
  await expect(lit).toHaveCount(0);

  // The namespace selected on the canvas, collapsed from the inspector: the inspector now offers Expand.
  await page.getByTestId('group-shop').locator('.rd-namespace-label').click({ position: { x: 60, y: 8 } });
  const toggle = page.getByTestId('inspector-toggle-namespace');
  await expect(toggle).toHaveText('Collapse');
  await toggle.click();
  await expect(toggle).toHaveText('Expand');
  await toggle.click();
  await expect(toggle).toHaveText('Collapse');
});

test('bug 5: one rule numbering; the mesh trace starts at the Service; the summary adds up; defaults agree; no CLI flag in the app', async ({ page }) => {
  const app = new Newcomer(page);
  await app.open();

  // The summary of the design: its count is the sum of its list.
  const summary = page.locator('.rd-overview');
  const count = Number(/^(\d+)/.exec((await summary.locator('p.rd-muted').innerText()).trim())?.[1]);
  const listed = (await summary.locator('.rd-kv li span:last-child').allInnerTexts()).reduce((n, t) => n + Number(t), 0);
  expect(count).toBeGreaterThan(0);
  expect(listed).toBe(count);

  // The trace names the rule the inspector calls "Rule 2".
  await app.simulator();
  await expect(page.getByTestId('sim-status')).toHaveText('200 OK');
  await expect(app.step('HTTPRoute shop/cart rule 2 match 1')).toHaveAttribute('data-result', 'matched');
  await expect(page.getByTestId('sim-path')).toContainText('HTTPRoute shop/cart rule 2 match 1');
  await app.step('HTTPRoute shop/cart rule 2 match 1').click();
  await page.getByTestId('tab-inspector').click();
  await expect(page.getByTestId('rule-1')).toContainText('Rule 2');

  // In the mesh, the first step is the Service the request is addressed to.
  await app.example('mesh-route');
  await app.simulator();
  await expect(page.getByTestId('sim-status')).toHaveText('200 OK');
  const first = page.getByTestId('trace-step').first();
  await expect(first).toHaveAttribute('data-ref', 'Service payments/payments');
  await expect(first.locator('.rd-sim-step-kind')).toHaveText('service');
  await app.screenshotBoth('mesh-trace');

  // A GatewayClass and a Gateway from the palette agree on the class.
  await app.newDesign();
  await page.getByTestId('palette-GatewayClass').click();
  await page.getByTestId('palette-Gateway').click();
  await expect(app.node('GatewayClass', '', 'istio')).toBeVisible();
  await expect(page.getByTestId('yaml-editor').locator('.view-line').filter({ hasText: 'gatewayClassName: istio' })).toHaveCount(1);

  // The export's loss report offers its own action, not a command-line flag.
  await app.example('istio-subsets');
  await page.getByTestId('io-export').click();
  await page.getByTestId('export-dialect-gateway-api').click();
  const subset = page.getByTestId('loss-entry').and(page.locator('[data-code="Subset"]'));
  await expect(subset.first()).toBeVisible();
  await expect(page.getByTestId('loss-report')).not.toContainText('--');
  await page.getByTestId('loss-subsets-as-services').first().click();
  await expect(page.getByTestId('export-subsets')).toBeChecked();
  await expect(subset).toHaveCount(0);
});

test('bug 6: the status block does not overflow sideways; the URL field has room for a URL', async ({ page }) => {
  const app = new Newcomer(page);
  await app.open();
  await app.node('HTTPRoute', 'shop', 'cart').click();
  const status = page.getByTestId('inspector-status');
  await status.scrollIntoViewIfNeeded();
  await expect(status).toBeVisible();
  expect(await overflowX(page, '[data-testid="inspector-status"]')).toBeLessThanOrEqual(0);
  expect(await overflowX(page, '.rd-inspector')).toBeLessThanOrEqual(0);
  await app.screenshotBoth('status');

  await app.simulator();
  const url = page.getByTestId('sim-url');
  const panel = await box(page.getByTestId('simulator'));
  const field = await box(url);
  // The URL takes most of the line (method and Send beside it), and shows the example's URL whole.
  expect(field.width).toBeGreaterThanOrEqual(panel.width * 0.5);
  expect(await url.evaluate((e) => (e as HTMLInputElement).scrollWidth - (e as HTMLInputElement).clientWidth)).toBeLessThanOrEqual(0);
  await app.screenshotBoth('simulator');
});
